// What the awsx ECS and load-balancer models need to know about networks: the VPC of a subnet
// the program registered, and the account's default VPC, which awsx looks up at deploy time.
import { hex } from "../ids";
import { UNKNOWN } from "../types";
import { str, type ModelContext } from "./types";

/**
 * A MOCK of the account's default VPC (awsx's `getDefaultVpc`): the same made-up VPC and three
 * public subnets the canned `ec2.getVpc` / `getSubnets` answer (invokes-ec2.ts), as AWS creates a
 * default VPC (no private subnets). The real ids are only known at deploy time. Unknown in a
 * preview, like any lookup result of a new stack.
 */
export function mockDefaultVpc(ctx: ModelContext): { vpcId: unknown; publicSubnetIds: unknown[]; privateSubnetIds: unknown[] } {
  if (ctx.preview) return { vpcId: UNKNOWN, publicSubnetIds: [UNKNOWN], privateSubnetIds: [] };
  const vpcId = `vpc-${hex(`default/${ctx.region}`, 17)}`;
  return { vpcId, publicSubnetIds: [0, 1, 2].map((i) => `subnet-${hex(`${vpcId}/${i}`, 17)}`), privateSubnetIds: [] };
}

/** The VPC of subnet `subnetId`: from the subnet the program registered (awsx looks it up with getSubnet), else unknown. */
export function vpcOfSubnet(ctx: ModelContext, subnetId: unknown): unknown {
  const id = str(subnetId);
  if (!id) return UNKNOWN;
  return ctx.outputsById(id)?.["vpcId"] ?? UNKNOWN;
}
