// awsx lb.ApplicationLoadBalancer (@pulumi/awsx 3, awsx/lb/applicationLoadBalancer.ts): unless
// security groups are given (or `defaultSecurityGroup.skip`), a security group open to the world
// on every port and protocol (awsx's default: ingress -1 from 0.0.0.0/0 and ::/0, egress TCP
// 0-65535); the load balancer (type "application") on the given subnets or the default VPC's;
// the default target group (type ip, HTTP 80 unless a listener says otherwise); the listeners
// (`listener`, `listeners`, default one HTTP 80) forwarding to it. All named after the component.
import { hex } from "../ids";
import { mockDefaultVpc, vpcOfSubnet } from "./awsx-network";
import { arr, num, obj, str, type Child, type ChildSet, type ComponentModel } from "./types";

const COMPONENT_KEYS = new Set(["subnetIds", "subnets", "defaultTargetGroup", "defaultTargetGroupPort", "defaultSecurityGroup", "listener", "listeners"]);

/** awsx's `getListenerProtocol`: port and protocol from a listener, each defaulting from the other. */
function listenerProtocol(listener: Record<string, unknown> | undefined, defaultPort?: unknown): { port: unknown; protocol: unknown } {
  if (listener) {
    const port = listener["port"];
    const protocol = listener["protocol"];
    if (port !== undefined && protocol !== undefined) return { port, protocol };
    if (port !== undefined) return { port, protocol: num(port) === 443 ? "HTTPS" : "HTTP" };
    if (protocol !== undefined) return { protocol, port: str(protocol) === "HTTPS" ? 443 : 80 };
  }
  return { port: defaultPort ?? 80, protocol: "HTTP" };
}

/** awsx's `getDefaultProtocol` (a single entry in `listeners` gives none, as awsx does). */
function defaultProtocol(a: Record<string, unknown>): { port: unknown; protocol: unknown } | undefined {
  const listeners = arr(a["listeners"]);
  if (listeners) return listeners.length !== 1 ? listenerProtocol(obj(listeners[0]), a["defaultTargetGroupPort"]) : undefined;
  return listenerProtocol(obj(a["listener"]), a["defaultTargetGroupPort"]);
}

function build(set: ChildSet): Record<string, unknown> {
  const { ctx } = set;
  const a = ctx.inputs;
  const name = ctx.name;
  const lbArgs: Record<string, unknown> = Object.fromEntries(Object.entries(a).filter(([k]) => !COMPONENT_KEYS.has(k)));
  let vpcId: unknown;
  const subnets = arr(a["subnets"]) ?? arr(a["subnetIds"]);
  if (subnets) {
    lbArgs["subnets"] = subnets;
    vpcId = vpcOfSubnet(ctx, subnets[0]);
  } else if (arr(a["subnetMappings"])) {
    vpcId = vpcOfSubnet(ctx, obj(arr(a["subnetMappings"])?.[0])?.["subnetId"]);
  } else {
    const defaultVpc = mockDefaultVpc(ctx);
    vpcId = defaultVpc.vpcId;
    lbArgs["subnets"] = defaultVpc.publicSubnetIds;
  }
  const sgOption = obj(a["defaultSecurityGroup"]);
  let securityGroup: Child | undefined;
  if (lbArgs["securityGroups"] === undefined && sgOption?.["skip"] !== true) {
    if (sgOption?.["securityGroupId"] !== undefined) lbArgs["securityGroups"] = [sgOption["securityGroupId"]];
    else {
      const world = { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] };
      securityGroup = set.add("aws:ec2/securityGroup:SecurityGroup", name, obj(sgOption?.["args"]) ?? { vpcId, ingress: [{ fromPort: 0, toPort: 0, protocol: "-1", ...world }], egress: [{ fromPort: 0, toPort: 65535, protocol: "tcp", ...world }] });
      lbArgs["securityGroups"] = [set.ref(securityGroup)];
    }
  }
  lbArgs["loadBalancerType"] = "application";
  const loadBalancer = set.add("aws:lb/loadBalancer:LoadBalancer", name, lbArgs, {
    computed: (id) => ({ dnsName: `${id}-${parseInt(hex(`${ctx.name}/dns`, 8), 16)}.${ctx.region}.elb.amazonaws.com`, arn: `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.account}:loadbalancer/app/${id}/${hex(`${ctx.name}/lb`, 16)}`, zoneId: "Z35SXDOTRQ7X7K" }),
  });
  const protocol = defaultProtocol(a);
  const targetGroup = set.add("aws:lb/targetGroup:TargetGroup", name, { vpcId, targetType: "ip", ...protocol, ...obj(a["defaultTargetGroup"]) }, {
    computed: (id) => ({ arn: `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.account}:targetgroup/${id}/${hex(`${ctx.name}/tg`, 16)}` }),
  });
  const defaultActions = [{ type: "forward", targetGroupArn: set.ref(targetGroup, "arn") }];
  const listenerInputs = a["listener"] !== undefined ? [{ ...protocol, ...obj(a["listener"]) }] : (arr(a["listeners"])?.map((l) => ({ ...listenerProtocol(obj(l)), ...obj(l) })) ?? [{ ...protocol }]);
  const listeners = listenerInputs.map((l, i) => set.add("aws:lb/listener:Listener", `${name}-${i}`, { defaultActions, ...l, loadBalancerArn: set.ref(loadBalancer, "arn") }));
  const plain = (c: Child) => ({ ...c.outputs, id: c.id });
  return {
    loadBalancer: plain(loadBalancer),
    defaultTargetGroup: plain(targetGroup),
    listeners: listeners.map(plain),
    ...(securityGroup ? { defaultSecurityGroup: plain(securityGroup) } : {}),
    vpcId,
  };
}

export const awsxApplicationLoadBalancer: ComponentModel = {
  summary: "aws.lb.LoadBalancer, its default security group (open to the world), default target group and listeners",
  build,
};
