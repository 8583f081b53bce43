import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type * as awsxEc2 from "@pulumi/awsx/ec2";
import type { ResolvedNetworkArgs } from "../defaults";

/** Interface endpoints by the suffix of their logical name: what nodes pull images and ship logs through. */
export const INTERFACE_ENDPOINTS = { "ecr-api": "ecr.api", "ecr-dkr": "ecr.dkr", sts: "sts", logs: "logs" } as const;
export type InterfaceEndpoint = keyof typeof INTERFACE_ENDPOINTS;

export interface AwsVpcEndpoints {
  /** S3 gateway endpoint on the private route tables (image layers from ECR are in S3 too). */
  s3: aws.ec2.VpcEndpoint;
  interfaces: Record<InterfaceEndpoint, aws.ec2.VpcEndpoint>;
  /** The interface endpoints' group: HTTPS from the VPC CIDR, nothing else. */
  securityGroup: aws.ec2.SecurityGroup;
  httpsIngress: aws.vpc.SecurityGroupIngressRule;
}

/**
 * VPC endpoints that keep AWS API traffic off the NAT gateways and the internet: an S3 gateway
 * endpoint on the private route tables; ECR (api, dkr), STS and CloudWatch Logs interface
 * endpoints with private DNS in the private subnets, reachable on 443 from the VPC CIDR only.
 */
export function vpcEndpoints(parent: pulumi.Resource, name: string, vpc: awsxEc2.Vpc, privateRouteTableIds: pulumi.Input<string[]>, r: ResolvedNetworkArgs): AwsVpcEndpoints {
  const tags = { ...r.tags };
  const child = { parent };
  // `com.amazonaws` outside China; the provider's partition says which.
  const prefix = aws.getPartitionOutput({}, { parent }).reverseDnsPrefix;
  const service = (suffix: string) => pulumi.interpolate`${prefix}.${r.region}.${suffix}`;

  const s3 = new aws.ec2.VpcEndpoint(`${name}-s3`, { vpcId: vpc.vpcId, serviceName: service("s3"), vpcEndpointType: "Gateway", routeTableIds: privateRouteTableIds, tags }, child);

  // No egress rule: the provider removes AWS's default allow-all egress; endpoints only answer.
  const securityGroup = new aws.ec2.SecurityGroup(`${name}-endpoints-sg`, { description: `VPC interface endpoints of ${name}: HTTPS from the VPC CIDR only`, vpcId: vpc.vpcId, tags }, child);
  const httpsIngress = new aws.vpc.SecurityGroupIngressRule(`${name}-endpoints-https`, {
    securityGroupId: securityGroup.id,
    description: "HTTPS to the interface endpoints from inside the VPC",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIpv4: r.cidr,
    tags,
  }, child);

  const interfaces = Object.fromEntries(
    (Object.entries(INTERFACE_ENDPOINTS) as [InterfaceEndpoint, string][]).map(([key, suffix]) => [
      key,
      new aws.ec2.VpcEndpoint(`${name}-${key}`, {
        vpcId: vpc.vpcId,
        serviceName: service(suffix),
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: vpc.privateSubnetIds,
        securityGroupIds: [securityGroup.id],
        tags,
      }, child),
    ]),
  ) as Record<InterfaceEndpoint, aws.ec2.VpcEndpoint>;
  return { s3, interfaces, securityGroup, httpsIngress };
}
