import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** No Redshift cluster is reachable from the internet. */
export const awsRedshiftClusterNotPubliclyAccessible = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-redshift-cluster-not-publicly-accessible",
    description:
      "Redshift clusters must not be publiclyAccessible: the warehouse lives in private subnets and is reached from inside the VPC only.",
    validateResource: validateTypeToken<aws.redshift.ClusterArgs>("aws:redshift/cluster:Cluster", (cluster, _args, report) => {
      if (cluster.publiclyAccessible === true) {
        report("publiclyAccessible is true: the cluster gets a public address. Set it to false and reach it through the VPC.");
      }
    }),
  },
  { vendor: "aws", services: ["redshift"], topics: ["network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "critical" },
);
