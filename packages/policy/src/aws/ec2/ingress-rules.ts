import type { PolicyResource } from "@pulumi/policy";
import { elements, field, isRecord, knownStrings, type Peeked, UNKNOWN } from "../../lib/values";
import type { PortRule } from "../../lib/network";

const num = (v: Peeked<unknown>): number | undefined => (typeof v === "number" ? v : undefined);

/** The known CIDR strings of a list-valued property (unknown entries dropped). */
function cidrList(value: Peeked<unknown>): string[] {
  return value === UNKNOWN ? [] : knownStrings(elements(value));
}

/** A rule's ports; `undefined` when protocol or a port is unknown (preview), so the rule is skipped. */
function ports(rule: unknown, protocolKey: string): PortRule | undefined {
  const protocol = field(rule, protocolKey);
  const fromPort = field(rule, "fromPort");
  const toPort = field(rule, "toPort");
  if (protocol === UNKNOWN || fromPort === UNKNOWN || toPort === UNKNOWN || typeof protocol !== "string") return undefined;
  return { protocol, fromPort: num(fromPort), toPort: num(toPort) };
}

/** Ingress rules stated inline in a security group's `ingress` list. */
export function inlineIngress(sg: PolicyResource): { rule: PortRule; cidrs: string[] }[] {
  const ingress = field(sg.props, "ingress");
  if (ingress === UNKNOWN) return [];
  return elements(ingress).flatMap((rule) => {
    if (!isRecord(rule)) return [];
    const p = ports(rule, "protocol");
    const cidrs = [...cidrList(field(rule, "cidrBlocks")), ...cidrList(field(rule, "ipv6CidrBlocks"))];
    return p ? [{ rule: p, cidrs }] : [];
  });
}

/** An `aws.ec2.SecurityGroupRule` of type ingress, or `undefined` for egress / unknown. */
export function standaloneRule(r: PolicyResource): { rule: PortRule; cidrs: string[] } | undefined {
  if (r.type === "aws:ec2/securityGroupRule:SecurityGroupRule") {
    if (field(r.props, "type") !== "ingress") return undefined;
    const p = ports(r.props, "protocol");
    const cidrs = [...cidrList(field(r.props, "cidrBlocks")), ...cidrList(field(r.props, "ipv6CidrBlocks"))];
    return p ? { rule: p, cidrs } : undefined;
  }
  if (r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule") {
    const p = ports(r.props, "ipProtocol");
    const cidrs = knownStrings([field(r.props, "cidrIpv4"), field(r.props, "cidrIpv6")]);
    return p ? { rule: p, cidrs } : undefined;
  }
  return undefined;
}
