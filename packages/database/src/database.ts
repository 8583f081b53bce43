import * as pulumi from "@pulumi/pulumi";
import { invalidArg } from "@mlops/core";
import { withDefaults } from "./defaults";
import type { ResolvedDatabaseArgs } from "./defaults";
import { validateArgs } from "./validate";
import type { DatabaseArgs, DatabaseOutputs } from "./types";
import type { AwsDatabaseNative } from "./backends/aws";
import type { GcpDatabaseNative } from "./backends/gcp";
import type { KubernetesDatabaseNative } from "./backends/kubernetes";

/** The native resources of the active backend; only that backend's entry is set. */
export type DatabaseNative = Readonly<{ aws?: AwsDatabaseNative; gcp?: GcpDatabaseNative; kubernetes?: KubernetesDatabaseNative }>;

/**
 * A private, encrypted PostgreSQL database with generated (secret) admin credentials: RDS on
 * `aws`, Cloud SQL on `gcp`, a StatefulSet on `kubernetes`. One args shape and one output shape
 * for the three; the backend's SDK is loaded only when that backend is chosen.
 */
export class Database extends pulumi.ComponentResource implements DatabaseOutputs {
  /** @inheritDoc */
  public readonly host: pulumi.Output<string>;
  /** @inheritDoc */
  public readonly port: pulumi.Output<number>;
  /** @inheritDoc */
  public readonly databaseName: pulumi.Output<string>;
  /** @inheritDoc */
  public readonly username: pulumi.Output<string>;
  /** Secret. */
  public readonly password: pulumi.Output<string>;
  /** Secret. */
  public readonly connectionString: pulumi.Output<string>;
  /** Escape hatch to the native resources, read-only. */
  public readonly native: DatabaseNative;

  constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    super("mlops:database:Database", name, {}, opts);
    validateArgs(this, args);
    const resolved = withDefaults(args);
    if (args.backend === "kubernetes" && args.highAvailability === true) {
      pulumi.log.warn("highAvailability has no effect on the kubernetes backend: PostgreSQL runs as a single instance", this);
    }
    const { outputs, native } = this.build(name, resolved);
    this.host = outputs.host;
    this.port = outputs.port;
    this.databaseName = outputs.databaseName;
    this.username = outputs.username;
    this.password = outputs.password;
    this.connectionString = outputs.connectionString;
    this.native = Object.freeze(native);
    this.registerOutputs({ ...outputs });
  }

  private build(name: string, resolved: ResolvedDatabaseArgs): { outputs: DatabaseOutputs; native: DatabaseNative } {
    switch (resolved.backend) {
      case "aws": {
        const backend = require("./backends/aws") as typeof import("./backends/aws");
        const { outputs, native } = backend.build(this, name, resolved);
        return { outputs, native: { aws: native } };
      }
      case "gcp": {
        const backend = require("./backends/gcp") as typeof import("./backends/gcp");
        const { outputs, native } = backend.build(this, name, resolved);
        return { outputs, native: { gcp: native } };
      }
      case "kubernetes": {
        const backend = require("./backends/kubernetes") as typeof import("./backends/kubernetes");
        const { outputs, native } = backend.build(this, name, resolved);
        return { outputs, native: { kubernetes: native } };
      }
      default:
        return invalidArg(this, "backend", resolved.backend, 'use one of "aws", "gcp", "kubernetes"');
    }
  }
}
