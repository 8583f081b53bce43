import { describe, expect, it } from "@jest/globals";
import { flagged, res, runPolicy, unknown, violations } from "../../testing";

const LISTENER = "aws:lb/listener:Listener";
const ALB_LISTENER = "aws:alb/listener:Listener";
const forward = [{ type: "forward", targetGroupArn: "tg" }];
const redirect = [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }];

describe("aws-lb-listener-tls", () => {
  const policy = "aws-lb-listener-tls";

  it("passes HTTPS, an HTTP listener that only redirects to HTTPS, network load balancer protocols and a gateway load balancer listener (no protocol, no port)", async () => {
    const resources = [
      res(LISTENER, "https", { loadBalancerArn: "lb", protocol: "HTTPS", port: 443, defaultActions: forward }),
      res(ALB_LISTENER, "redirect", { loadBalancerArn: "lb", protocol: "HTTP", port: 80, defaultActions: redirect }),
      res(LISTENER, "nlb-tcp", { loadBalancerArn: "lb", protocol: "TCP", port: 5432, defaultActions: forward }),
      res(LISTENER, "gateway", { loadBalancerArn: "gwlb", defaultActions: forward }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags a listener that forwards plain HTTP, and one with no protocol (the ALB default is HTTP)", async () => {
    const resources = [res(LISTENER, "http", { loadBalancerArn: "lb", protocol: "HTTP", port: 80, defaultActions: forward }), res(ALB_LISTENER, "unset", { loadBalancerArn: "lb", port: 80, defaultActions: forward })];
    expect(await violations(policy, resources)).toEqual([
      'The listener serves plain HTTP: requests and cookies cross the network in clear. Use protocol "HTTPS" with a certificateArn, or make every default action a redirect with redirect.protocol "HTTPS".',
      'The listener serves plain HTTP (protocol unset, the ALB default): requests and cookies cross the network in clear. Use protocol "HTTPS" with a certificateArn, or make every default action a redirect with redirect.protocol "HTTPS".',
    ]);
  });

  it("flags an HTTP listener whose redirect keeps HTTP", async () => {
    const keep = [{ type: "redirect", redirect: { port: "8080", statusCode: "HTTP_302" } }];
    expect(await flagged(policy, [res(LISTENER, "keep", { loadBalancerArn: "lb", protocol: "HTTP", defaultActions: keep })])).toEqual(["keep"]);
  });
});

describe("aws-lb-listener-modern-tls-policy", () => {
  const policy = "aws-lb-listener-modern-tls-policy";

  it("passes TLS 1.3, forward-secrecy and TLS 1.2 policies, and plain listeners (another policy's)", async () => {
    const resources = [
      res(LISTENER, "tls13", { loadBalancerArn: "lb", protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", defaultActions: forward }),
      res(ALB_LISTENER, "fs", { loadBalancerArn: "lb", protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-FS-1-2-Res-2020-10", defaultActions: forward }),
      res(LISTENER, "nlb", { loadBalancerArn: "lb", protocol: "TLS", sslPolicy: "ELBSecurityPolicy-TLS-1-2-2017-01", defaultActions: forward }),
      res(LISTENER, "http", { loadBalancerArn: "lb", protocol: "HTTP", defaultActions: redirect }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags an HTTPS listener without sslPolicy (AWS's 2016 default) and a TLS listener on a TLS 1.0 policy", async () => {
    const resources = [
      res(LISTENER, "default", { loadBalancerArn: "lb", protocol: "HTTPS", defaultActions: forward }),
      res(LISTENER, "old", { loadBalancerArn: "lb", protocol: "TLS", sslPolicy: "ELBSecurityPolicy-TLS-1-0-2015-04", defaultActions: forward }),
      res(LISTENER, "tls13-floor-1-0", { loadBalancerArn: "lb", protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-0-2021-06", defaultActions: forward }),
    ];
    expect(await violations(policy, resources)).toEqual([
      "sslPolicy is not set, so AWS applies ELBSecurityPolicy-2016-08, which accepts TLS versions older than 1.2: set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS 1.2+ policy).",
      "sslPolicy is ELBSecurityPolicy-TLS-1-0-2015-04, which accepts TLS versions older than 1.2: set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS 1.2+ policy).",
      "sslPolicy is ELBSecurityPolicy-TLS13-1-0-2021-06, which accepts TLS versions older than 1.2: set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS 1.2+ policy).",
    ]);
  });

  it("cannot judge a listener whose sslPolicy is unknown during preview", async () => {
    const result = await runPolicy(policy, [res(LISTENER, "later", { loadBalancerArn: "lb", protocol: "HTTPS", sslPolicy: unknown, defaultActions: forward })]);
    expect([result.violations, result.indeterminate.length]).toEqual([[], 1]);
  });
});
