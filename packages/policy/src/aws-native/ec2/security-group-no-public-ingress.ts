import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { DEFAULT_PUBLIC_PORTS, describePorts, isWorldCidr, onlyAllowedPorts } from "../../lib/network";
import { validateTypeToken } from "../../lib/type-token";

/** An ingress rule, inline (`securityGroupIngress[]`) or standalone (`SecurityGroupIngress`). */
interface IngressRule {
  ipProtocol?: string;
  fromPort?: number;
  toPort?: number;
  cidrIp?: string;
  cidrIpv6?: string;
}

/** Configuration of {@link awsNativeEc2SecurityGroupNoPublicIngress}. */
export interface NativePublicIngressConfig {
  /** TCP ports that may be open to the internet. Default: 80 and 443. */
  allowedPorts?: number[];
}

/** What a rule opens to the internet beyond `allowed`, or `undefined`. */
function publicProblem(rule: IngressRule, allowed: readonly number[]): string | undefined {
  const world = [rule.cidrIp, rule.cidrIpv6].filter((c): c is string => typeof c === "string" && isWorldCidr(c));
  if (world.length === 0) return undefined;
  const protocol = String(rule.ipProtocol ?? "-1");
  // EC2 writes "all ports" as -1 (or omits them).
  const ports = rule.fromPort === undefined || rule.fromPort === -1 ? {} : { fromPort: rule.fromPort, toPort: rule.toPort ?? rule.fromPort };
  const portRule = { protocol, ...ports };
  if (onlyAllowedPorts(portRule, allowed)) return undefined;
  return `allows ${describePorts(portRule)} from ${world.join(", ")}`;
}

const FIX = "restrict the source to known CIDRs or security groups, or reach the service through a load balancer or SSM";

/**
 * No aws-native security group rule admits 0.0.0.0/0 or ::/0 except TCP 80/443. Unlike the
 * classic rule, it cannot tell load-balancer security groups apart (no graph of aws-native load
 * balancers yet), so 80/443 pass on every group.
 */
export const awsNativeEc2SecurityGroupNoPublicIngress = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-ec2-security-group-no-public-ingress",
    description:
      "aws-native security groups (inline securityGroupIngress) and SecurityGroupIngress rules must not allow ingress " +
      "from 0.0.0.0/0 or ::/0 except TCP 80/443 (config allowedPorts): SSH, databases and other services are reached " +
      "through private networks.",
    configSchema: { properties: { allowedPorts: { type: "array", items: { type: "integer" }, default: [...DEFAULT_PUBLIC_PORTS] } } },
    validateResource: [
      validateTypeToken<{ securityGroupIngress?: IngressRule[] }>("aws-native:ec2:SecurityGroup", (group, args, report) => {
        const allowed = args.getConfig<NativePublicIngressConfig>().allowedPorts ?? DEFAULT_PUBLIC_PORTS;
        (group.securityGroupIngress ?? []).forEach((rule, i) => {
          const problem = publicProblem(rule, allowed);
          if (problem) report(`securityGroupIngress[${i}] ${problem}: ${FIX}.`);
        });
      }),
      validateTypeToken<IngressRule>("aws-native:ec2:SecurityGroupIngress", (rule, args, report) => {
        const problem = publicProblem(rule, args.getConfig<NativePublicIngressConfig>().allowedPorts ?? DEFAULT_PUBLIC_PORTS);
        if (problem) report(`The rule ${problem}: ${FIX}.`);
      }),
    ],
  },
  { vendor: "aws-native", services: ["ec2"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
