import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";
import { isModernElbSslPolicy } from "./listener-tls";

const listener = (inputs: Record<string, unknown>) => res("aws-native:elasticloadbalancingv2:Listener", "l", { loadBalancerArn: "arn:lb", ...inputs });
const forward = [{ type: "forward", targetGroupArn: "arn:tg" }];

describe("aws-native-elasticloadbalancingv2-listener-tls", () => {
  const policy = "aws-native-elasticloadbalancingv2-listener-tls";

  it("passes HTTPS with a modern policy and HTTP that only redirects to HTTPS", async () => {
    expect(
      await violations(policy, [
        listener({ protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", defaultActions: forward }),
        listener({ protocol: "HTTP", port: 80, defaultActions: [{ type: "redirect", redirectConfig: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }] }),
      ]),
    ).toEqual([]);
  });

  it("flags plain HTTP, an old policy and an unset policy", async () => {
    expect(
      await violations(policy, [
        listener({ protocol: "HTTP", port: 80, defaultActions: forward }),
        listener({ protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-2016-08", defaultActions: forward }),
        listener({ protocol: "TLS", port: 443, defaultActions: forward }),
      ]),
    ).toEqual([
      "The listener serves plain HTTP: make it HTTPS with a certificate, or make every default action a redirect with redirectConfig.protocol HTTPS.",
      "sslPolicy is ELBSecurityPolicy-2016-08: name a policy that allows TLS 1.2+ only, e.g. ELBSecurityPolicy-TLS13-1-2-2021-06.",
      "sslPolicy is unset: name a policy that allows TLS 1.2+ only, e.g. ELBSecurityPolicy-TLS13-1-2-2021-06.",
    ]);
  });

  it("tells modern policies from ones that still allow TLS 1.0 or 1.1", () => {
    const modern = ["ELBSecurityPolicy-TLS13-1-3-2021-06", "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04", "ELBSecurityPolicy-FS-1-2-Res-2020-10", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06"];
    expect(modern.filter((p) => !isModernElbSslPolicy(p))).toEqual([]);
    expect(["ELBSecurityPolicy-TLS13-1-0-2021-06", "ELBSecurityPolicy-TLS13-1-1-2021-06", "ELBSecurityPolicy-FS-2018-06", "ELBSecurityPolicy-2016-08"].filter(isModernElbSslPolicy)).toEqual([]);
  });
});
