import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

describe("aws-native-apigateway-domain-name-tls12", () => {
  const policy = "aws-native-apigateway-domain-name-tls12";
  const v1 = (securityPolicy?: string) => res("aws-native:apigateway:DomainName", "api", { domainName: "api.example.com", securityPolicy });
  const v2 = (securityPolicy?: string) => res("aws-native:apigatewayv2:DomainName", "http", { domainName: "http.example.com", domainNameConfigurations: [{ certificateArn: "arn:acm", securityPolicy }] });

  it("passes TLS_1_2 and the enhanced TLS 1.3 policies", async () => {
    expect(await violations(policy, [v1("TLS_1_2"), v1("SecurityPolicy_TLS13_1_3_2025_09"), v2("TLS_1_2")])).toEqual([]);
  });

  it("flags TLS_1_0 and unset policies", async () => {
    expect(await violations(policy, [v1("TLS_1_0"), res("aws-native:apigateway:DomainNameV2", "private", { domainName: "p.example.com" }), v2()])).toEqual([
      'securityPolicy is "TLS_1_0", which accepts TLS 1.0 and 1.1: set it to "TLS_1_2".',
      'securityPolicy is not set: set it to "TLS_1_2" so that the domain refuses TLS 1.0 and 1.1.',
      'domainNameConfigurations[0].securityPolicy is not set: set it to "TLS_1_2" so that the domain refuses TLS 1.0 and 1.1.',
    ]);
  });
});
