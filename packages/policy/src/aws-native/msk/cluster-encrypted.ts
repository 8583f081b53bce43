import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { isSetOrPending } from "../../lib/values";

interface NativeMskCluster {
  encryptionInfo?: {
    encryptionAtRest?: { dataVolumeKmsKeyId?: string };
    encryptionInTransit?: { clientBroker?: string; inCluster?: boolean };
  };
}

/** aws-native MSK clusters encrypt at rest with a customer key and use TLS only. */
export const awsNativeMskClusterEncrypted = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-msk-cluster-encrypted",
    description:
      "aws-native MSK clusters must encrypt at rest with a customer key (encryptionInfo.encryptionAtRest.dataVolumeKmsKeyId) " +
      'and in transit with TLS only: encryptionInTransit.clientBroker "TLS" (unset means TLS) and inCluster not false.',
    validateResource: validateTypeToken<NativeMskCluster>("aws-native:msk:Cluster", (cluster, _args, report) => {
      const info = cluster.encryptionInfo;
      if (!isSetOrPending(() => info?.encryptionAtRest?.dataVolumeKmsKeyId)) report("encryptionInfo.encryptionAtRest.dataVolumeKmsKeyId is not set: data at rest uses the AWS-managed key; name a customer-managed key.");
      const clientBroker = info?.encryptionInTransit?.clientBroker ?? "TLS";
      if (clientBroker !== "TLS") report(`encryptionInfo.encryptionInTransit.clientBroker is "${clientBroker}": clients may connect in plaintext; set it to "TLS".`);
      if (info?.encryptionInTransit?.inCluster === false) report("encryptionInfo.encryptionInTransit.inCluster is false: brokers replicate in plaintext; remove it (the default is true).");
    }),
  },
  { vendor: "aws-native", services: ["msk"], topics: ["encryption", "network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
