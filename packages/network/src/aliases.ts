import * as pulumi from "@pulumi/pulumi";

/**
 * Before the Network component, the root program registered the VPC, its flow logs (aws) and
 * the network, subnetwork, router, NAT and private services resources (gcp) at the stack root
 * under the names the component's children keep: this alias moves them under the component
 * instead of replacing them (a deployed stack keeps its VPC).
 */
export const fromStackRoot = (): pulumi.Alias[] => [{ parent: pulumi.rootStackResource }];
