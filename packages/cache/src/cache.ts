import * as pulumi from "@pulumi/pulumi";
import { withDefaults } from "./defaults";
import { validateArgs } from "./validate";
import type { CacheArgs, CacheOutputs } from "./types";
import type { AwsCacheNative } from "./backends/aws";
import type { GcpCacheNative } from "./backends/gcp";
import type { KubernetesCacheNative } from "./backends/kubernetes";

/** The native resources behind a Cache; only the active backend's entry is set. */
export interface CacheNative {
  aws?: AwsCacheNative;
  gcp?: GcpCacheNative;
  kubernetes?: KubernetesCacheNative;
}

/**
 * A Redis cache: ElastiCache (aws), Memorystore (gcp) or an in-cluster StatefulSet (kubernetes),
 * with one args and one outputs shape. Secure by default: AUTH always, TLS and customer-key
 * encryption at rest on the clouds, private networking only, `protect` outside dev.
 */
export class Cache extends pulumi.ComponentResource implements CacheOutputs {
  public readonly host: pulumi.Output<string>;
  public readonly port: pulumi.Output<number>;
  public readonly tls: pulumi.Output<boolean>;
  public readonly authToken: pulumi.Output<string>;
  public readonly connectionUrl: pulumi.Output<string>;
  /** Escape hatch: the backend's resources, read-only. */
  public readonly native: Readonly<CacheNative>;

  constructor(name: string, args: CacheArgs, opts?: pulumi.ComponentResourceOptions) {
    super("mlops:cache:Cache", name, {}, opts);
    validateArgs(this, args);
    const resolved = withDefaults(args);
    let outputs: CacheOutputs;
    // Backends load lazily so a stack only loads the provider SDK it uses.
    switch (resolved.backend) {
      case "aws": {
        const backend = require("./backends/aws") as typeof import("./backends/aws");
        const built = backend.build(this, name, resolved);
        outputs = built.outputs;
        this.native = Object.freeze({ aws: built.native });
        break;
      }
      case "gcp": {
        const backend = require("./backends/gcp") as typeof import("./backends/gcp");
        const built = backend.build(this, name, resolved);
        outputs = built.outputs;
        this.native = Object.freeze({ gcp: built.native });
        break;
      }
      case "kubernetes": {
        const backend = require("./backends/kubernetes") as typeof import("./backends/kubernetes");
        const built = backend.build(this, name, resolved);
        outputs = built.outputs;
        this.native = Object.freeze({ kubernetes: built.native });
        break;
      }
    }
    this.host = outputs.host;
    this.port = outputs.port;
    this.tls = outputs.tls;
    this.authToken = pulumi.secret(outputs.authToken);
    this.connectionUrl = pulumi.secret(outputs.connectionUrl);
    this.registerOutputs({
      host: this.host,
      port: this.port,
      tls: this.tls,
      authToken: this.authToken,
      connectionUrl: this.connectionUrl,
    });
  }
}
