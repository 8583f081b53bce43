import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const DOMAIN = "aws:apigateway/domainName:DomainName";
const DOMAIN_V2 = "aws:apigatewayv2/domainName:DomainName";
const v2 = (securityPolicy: string) => ({ domainName: "api.example.com", domainNameConfiguration: { certificateArn: "arn:cert", endpointType: "REGIONAL", securityPolicy } });

describe("aws-apigateway-domain-name-tls12", () => {
  const policy = "aws-apigateway-domain-name-tls12";

  it("passes TLS_1_2, an enhanced TLS 1.3 policy and an HTTP API domain on TLS_1_2", async () => {
    const resources = [
      res(DOMAIN, "rest", { domainName: "api.example.com", securityPolicy: "TLS_1_2" }),
      res(DOMAIN, "tls13", { domainName: "api.example.com", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" }),
      res(DOMAIN_V2, "http", v2("TLS_1_2")),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags TLS_1_0 on both kinds of domain and an unset securityPolicy", async () => {
    const resources = [res(DOMAIN, "old", { domainName: "a", securityPolicy: "TLS_1_0" }), res(DOMAIN, "unset", { domainName: "a" }), res(DOMAIN_V2, "old-v2", v2("TLS_1_0"))];
    expect(await violations(policy, resources)).toEqual([
      'securityPolicy is "TLS_1_0", which accepts TLS 1.0 and 1.1: set it to "TLS_1_2".',
      'securityPolicy is not set: set it to "TLS_1_2" so that the domain refuses TLS 1.0 and 1.1 (and drift is detected).',
      'domainNameConfiguration.securityPolicy is "TLS_1_0", which accepts TLS older than 1.2: set it to "TLS_1_2".',
    ]);
  });
});
