import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** API Gateway security policies with TLS 1.2 as the minimum (as the classic rule accepts them). */
const isTls12OrNewer = (policy: string): boolean => policy === "TLS_1_2" || /^SecurityPolicy_TLS1[23]/.test(policy);

/** aws-native API Gateway custom domains accept TLS 1.2 or newer only. */
export const awsNativeApigatewayDomainNameTls12 = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-apigateway-domain-name-tls12",
    description:
      "aws-native API Gateway custom domains (apigateway.DomainName and DomainNameV2 securityPolicy, apigatewayv2.DomainName " +
      'domainNameConfigurations[].securityPolicy) must require TLS 1.2 or newer ("TLS_1_2" or a SecurityPolicy_TLS12/TLS13 ' +
      "policy): TLS_1_0 accepts TLS 1.0 and 1.1 clients.",
    validateResource: [
      ...["aws-native:apigateway:DomainName", "aws-native:apigateway:DomainNameV2"].map((token) =>
        validateTypeToken<{ securityPolicy?: string }>(token, (domain, _args, report) => {
          const policy = domain.securityPolicy;
          if (policy === undefined) report('securityPolicy is not set: set it to "TLS_1_2" so that the domain refuses TLS 1.0 and 1.1.');
          else if (!isTls12OrNewer(policy)) report(`securityPolicy is "${policy}", which accepts TLS 1.0 and 1.1: set it to "TLS_1_2".`);
        }),
      ),
      validateTypeToken<{ domainNameConfigurations?: { securityPolicy?: string }[] }>("aws-native:apigatewayv2:DomainName", (domain, _args, report) => {
        (domain.domainNameConfigurations ?? []).forEach((config, i) => {
          const policy = config.securityPolicy;
          if (policy === undefined || !isTls12OrNewer(policy)) {
            report(`domainNameConfigurations[${i}].securityPolicy is ${policy === undefined ? "not set" : `"${policy}"`}: set it to "TLS_1_2" so that the domain refuses TLS 1.0 and 1.1.`);
          }
        });
      }),
    ],
  },
  { vendor: "aws-native", services: ["apigateway", "apigatewayv2"], topics: ["encryption", "network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
