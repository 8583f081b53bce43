import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** API Gateway security policies with TLS 1.2 as the minimum: TLS_1_2 and the enhanced SecurityPolicy_TLS12_* / _TLS13_* policies. */
const isTls12OrNewer = (policy: string): boolean => policy === "TLS_1_2" || /^SecurityPolicy_TLS1[23]/.test(policy);

/**
 * API Gateway custom domains accept TLS 1.2 or newer only. `aws.apigateway.DomainName`:
 * `securityPolicy` TLS_1_2 (or an enhanced TLS 1.2+/1.3 policy); unset leaves the choice to
 * API Gateway and hides drift, so it fails too. `aws.apigatewayv2.DomainName`:
 * `domainNameConfiguration.securityPolicy` likewise.
 */
export const awsApigatewayDomainNameTls12 = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-apigateway-domain-name-tls12",
    description:
      "API Gateway custom domain names (aws.apigateway.DomainName securityPolicy, aws.apigatewayv2.DomainName " +
      'domainNameConfiguration.securityPolicy) must require TLS 1.2 or newer ("TLS_1_2" or a SecurityPolicy_TLS12/TLS13 policy): ' +
      "TLS_1_0 accepts TLS 1.0 and 1.1 clients.",
    validateResource: [
      validateTypeToken<aws.apigateway.DomainNameArgs>("aws:apigateway/domainName:DomainName", (domain, _args, report) => {
        const policy = domain.securityPolicy;
        if (policy === undefined) report('securityPolicy is not set: set it to "TLS_1_2" so that the domain refuses TLS 1.0 and 1.1 (and drift is detected).');
        else if (!isTls12OrNewer(policy)) report(`securityPolicy is "${policy}", which accepts TLS 1.0 and 1.1: set it to "TLS_1_2".`);
      }),
      validateTypeToken<aws.apigatewayv2.DomainNameArgs>("aws:apigatewayv2/domainName:DomainName", (domain, _args, report) => {
        const policy = domain.domainNameConfiguration.securityPolicy;
        if (!isTls12OrNewer(policy)) report(`domainNameConfiguration.securityPolicy is "${policy}", which accepts TLS older than 1.2: set it to "TLS_1_2".`);
      }),
    ],
  },
  { vendor: "aws", services: ["apigateway", "apigatewayv2"], topics: ["encryption", "network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
