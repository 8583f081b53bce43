import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";
import { validateTypeToken } from "../../lib/type-token";

/** MSK clusters encrypt at rest with a customer KMS key and use TLS everywhere. */
export const awsMskClusterEncrypted = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-msk-cluster-encrypted",
    description:
      "MSK clusters must encrypt at rest with a customer KMS key (encryptionInfo.encryptionAtRestKmsKeyArn) and in transit " +
      "with TLS only: clientBroker \"TLS\" (unset means TLS) and inCluster not false. Event streams carry training data.",
    validateResource: validateTypeToken<aws.msk.ClusterArgs>("aws:msk/cluster:Cluster", (cluster, _args, report) => {
      const info = cluster.encryptionInfo;
      if (!isSetOrPending(() => info?.encryptionAtRestKmsKeyArn)) report("encryptionInfo.encryptionAtRestKmsKeyArn is not set: data at rest uses the AWS-managed key.");
      const transit = info?.encryptionInTransit;
      const clientBroker = transit?.clientBroker ?? "TLS";
      if (clientBroker !== "TLS") report(`encryptionInfo.encryptionInTransit.clientBroker is "${clientBroker}": clients may connect in plaintext.`);
      if (transit?.inCluster === false) report("encryptionInfo.encryptionInTransit.inCluster is false: brokers talk to each other in plaintext.");
    }),
  },
  { vendor: "aws", services: ["msk"], topics: ["encryption", "network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
