import type * as pulumi from "@pulumi/pulumi";
import { PlatformComponent, checkPrivatePlacement, databaseSettings, type ComponentDefinition } from "@mlops/core";
import { resolveDatabase, type ResolvedDatabaseArgs } from "./defaults";
import type { DatabaseArgs, DatabaseOutputs, DatabaseWiring } from "./types";
import type { AwsDatabaseNative } from "./backends/aws";
import type { GcpDatabaseNative } from "./backends/gcp";
import type { KubernetesDatabaseNative } from "./backends/kubernetes";

/** The native resources of the active backend; only that backend's entry is set. */
export type DatabaseNative = { aws?: AwsDatabaseNative; gcp?: GcpDatabaseNative; kubernetes?: KubernetesDatabaseNative };

/** The Database, declared once: settings, wiring checks, resolution and the implementation table. */
export const DATABASE: ComponentDefinition<typeof databaseSettings.schema, ReturnType<typeof databaseSettings.complete>, DatabaseWiring, ResolvedDatabaseArgs, DatabaseOutputs, DatabaseNative> = {
  type: "mlops:database:Database",
  settings: databaseSettings,
  validateWiring: (args, fail) => checkPrivatePlacement(args, "PostgreSQL", fail),
  resolve: resolveDatabase,
  engine: () => "postgres",
  implementations: {
    aws: { postgres: () => require("./backends/aws") as typeof import("./backends/aws") },
    gcp: { postgres: () => require("./backends/gcp") as typeof import("./backends/gcp") },
    kubernetes: { postgres: () => require("./backends/kubernetes") as typeof import("./backends/kubernetes") },
  },
  secretOutputs: ["password", "connectionString"],
};

/**
 * A private, encrypted PostgreSQL database with generated (secret) admin credentials: RDS on
 * `aws`, Cloud SQL on `gcp`, a StatefulSet on `kubernetes`. One args shape and one output shape
 * for the three; the backend's SDK is loaded only when that backend is chosen.
 */
export class Database extends PlatformComponent<DatabaseOutputs, DatabaseNative> implements DatabaseOutputs {
  declare public readonly host: pulumi.Output<string>;
  declare public readonly port: pulumi.Output<number>;
  declare public readonly databaseName: pulumi.Output<string>;
  declare public readonly username: pulumi.Output<string>;
  /** Secret. */
  declare public readonly password: pulumi.Output<string>;
  /** Secret. */
  declare public readonly connectionString: pulumi.Output<string>;

  constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    super(DATABASE, name, args, opts);
  }
}
