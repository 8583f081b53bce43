import * as pulumi from "@pulumi/pulumi";
import type * as awsTypes from "@pulumi/aws";
import type * as gcpTypes from "@pulumi/gcp";
import type { Tags } from "../platform";
import { awsCustomerKey, gcpCustomerKey } from "../keys";

// "Use the key the caller gave, or create one": one copy for every component that encrypts.
// Provider SDKs are required lazily so a stack loads only its cloud's SDK.

/** An AWS KMS key ARN: the given one, or a created key with rotation on. */
export function awsKeyFor(
  parent: pulumi.Resource,
  name: string,
  args: { given?: pulumi.Input<string>; description: string; tags: Tags; protect: boolean },
): { keyArn: pulumi.Output<string>; key?: awsTypes.kms.Key } {
  if (args.given !== undefined) return { keyArn: pulumi.output(args.given) };
  const key = awsCustomerKey(`${name}-key`, { description: args.description, tags: args.tags }, { parent, protect: args.protect });
  return { keyArn: key.arn, key };
}

/** A Google service agent that must use the key: `sql` → the `<name>-sql-agent` ServiceIdentity of `sqladmin.googleapis.com`. */
export interface ServiceAgent {
  /** Short name in the logical names: `sql`, `redis`, `gcs`. */
  short: string;
  /** The API whose agent is created with `gcp.projects.ServiceIdentity`, e.g. `sqladmin.googleapis.com`. */
  service?: string;
  /** A known agent member (`serviceAccount:...`), when the agent is not created through ServiceIdentity. */
  member?: pulumi.Input<string>;
}

export interface GcpCreatedKey {
  cryptoKey: gcpTypes.kms.CryptoKey;
  /** The service agents created (ServiceIdentity), by short name. */
  agents: Record<string, gcpTypes.projects.ServiceIdentity>;
  /** Each agent's encrypter/decrypter grant on the key, by short name; created after its agent. */
  grants: Record<string, gcpTypes.kms.CryptoKeyIAMMember>;
}

/**
 * A Cloud KMS crypto key id: the given one (its service agents must already hold
 * encrypter/decrypter on it), or a created key ring and key (90-day rotation) with each service
 * agent created first and granted `roles/cloudkms.cryptoKeyEncrypterDecrypter`. `dependsOn` is
 * what the encrypted resource must wait for: the grants.
 */
export function gcpKeyFor(
  parent: pulumi.Resource,
  name: string,
  args: { given?: pulumi.Input<string>; project: pulumi.Input<string>; location: string; tags: Tags; protect: boolean; agents: readonly ServiceAgent[] },
): { keyId: pulumi.Output<string>; dependsOn: pulumi.Resource[]; created?: GcpCreatedKey } {
  if (args.given !== undefined) return { keyId: pulumi.output(args.given), dependsOn: [] };
  const gcp = require("@pulumi/gcp") as typeof gcpTypes;
  const cryptoKey = gcpCustomerKey(`${name}-key`, { project: args.project, location: args.location, tags: args.tags }, { parent, protect: args.protect });
  const agents: GcpCreatedKey["agents"] = {};
  const grants: GcpCreatedKey["grants"] = {};
  for (const agent of args.agents) {
    let member: pulumi.Input<string>;
    if (agent.service !== undefined) {
      const identity = new gcp.projects.ServiceIdentity(`${name}-${agent.short}-agent`, { project: args.project, service: agent.service }, { parent });
      agents[agent.short] = identity;
      member = pulumi.interpolate`serviceAccount:${identity.email}`;
    } else if (agent.member !== undefined) {
      member = agent.member;
    } else {
      throw new pulumi.ResourceError(`service agent "${agent.short}" needs a service or a member`, parent);
    }
    grants[agent.short] = new gcp.kms.CryptoKeyIAMMember(
      `${name}-key-${agent.short}-agent`,
      { cryptoKeyId: cryptoKey.id, role: "roles/cloudkms.cryptoKeyEncrypterDecrypter", member },
      { parent },
    );
  }
  return { keyId: cryptoKey.id, dependsOn: Object.values(grants), created: { cryptoKey, agents, grants } };
}
