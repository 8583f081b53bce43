import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** No aws-native Redshift cluster is reachable from the internet. */
export const awsNativeRedshiftClusterNotPubliclyAccessible = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-redshift-cluster-not-publicly-accessible",
    description:
      "aws-native Redshift clusters must not set publiclyAccessible true: the cluster would get a public address; " +
      "warehouses are reached from inside the VPC.",
    validateResource: validateTypeToken<{ publiclyAccessible?: boolean }>("aws-native:redshift:Cluster", (cluster, _args, report) => {
      if (cluster.publiclyAccessible === true) report("publiclyAccessible is true: the cluster gets a public address. Remove it and reach the cluster from the VPC.");
    }),
  },
  { vendor: "aws-native", services: ["redshift"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
