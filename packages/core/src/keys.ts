import type * as pulumi from "@pulumi/pulumi";
import type * as awsTypes from "@pulumi/aws";
import type * as gcpTypes from "@pulumi/gcp";
import type { Tags } from "./platform";
import { gcpLabels } from "./tags";

// Providers are required lazily so a stack loads only the cloud SDK it uses.

/** An AWS customer-managed KMS key with yearly rotation on; returns the key (ARN via `.arn`). */
export function awsCustomerKey(
  name: string,
  args: { description: string; tags: Tags; deletionWindowInDays?: number },
  opts: pulumi.CustomResourceOptions,
): awsTypes.kms.Key {
  const aws = require("@pulumi/aws") as typeof awsTypes;
  return new aws.kms.Key(
    name,
    {
      description: args.description,
      enableKeyRotation: true,
      deletionWindowInDays: args.deletionWindowInDays ?? 30,
      tags: { ...args.tags },
    },
    opts,
  );
}

/** A Cloud KMS key ring and a key rotated every 90 days; returns the crypto key (id via `.id`). */
export function gcpCustomerKey(
  name: string,
  args: { project: pulumi.Input<string>; location: string; tags: Tags },
  opts: pulumi.CustomResourceOptions,
): gcpTypes.kms.CryptoKey {
  const gcp = require("@pulumi/gcp") as typeof gcpTypes;
  const ring = new gcp.kms.KeyRing(`${name}-ring`, { project: args.project, location: args.location }, opts);
  return new gcp.kms.CryptoKey(
    name,
    { keyRing: ring.id, rotationPeriod: "7776000s", purpose: "ENCRYPT_DECRYPT", labels: gcpLabels(args.tags) },
    { ...opts, protect: opts.protect },
  );
}
