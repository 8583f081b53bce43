import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const ELB = "aws:elb/loadBalancer:LoadBalancer";
const listener = (lbProtocol: string, lbPort: number) => ({ lbProtocol, lbPort, instancePort: 8080, instanceProtocol: "http", sslCertificateId: "arn:cert" });

describe("aws-elb-load-balancer-tls", () => {
  const policy = "aws-elb-load-balancer-tls";

  it("passes a classic load balancer with HTTPS and SSL listeners", async () => {
    expect(await violations(policy, [res(ELB, "web", { listeners: [listener("HTTPS", 443), listener("ssl", 8443)] })])).toEqual([]);
  });

  it("flags each plain http or tcp listener", async () => {
    expect(await violations(policy, [res(ELB, "web", { listeners: [listener("https", 443), listener("http", 80), listener("TCP", 5432)] })])).toEqual([
      'listeners[1] (port 80) accepts plain http: set lbProtocol "https" (or "ssl") with an sslCertificateId.',
      'listeners[2] (port 5432) accepts plain tcp: set lbProtocol "https" (or "ssl") with an sslCertificateId.',
    ]);
  });
});
