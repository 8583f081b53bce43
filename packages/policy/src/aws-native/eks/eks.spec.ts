import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234";
const cluster = (inputs: Record<string, unknown>) => res("aws-native:eks:Cluster", "eks", { roleArn: "arn:role", ...inputs, resourcesVpcConfig: { subnetIds: ["s"], ...((inputs["resourcesVpcConfig"] as object) ?? {}) } });

describe("aws-native-eks-endpoint-private", () => {
  const policy = "aws-native-eks-endpoint-private";

  it("passes a private endpoint", async () => {
    expect(await violations(policy, [cluster({ resourcesVpcConfig: { endpointPublicAccess: false, endpointPrivateAccess: true } })])).toEqual([]);
  });

  it("flags the default public endpoint and a cluster nobody can reach", async () => {
    expect(await violations(policy, [cluster({})])).toEqual([
      "resourcesVpcConfig.endpointPublicAccess is not false (the default is true): the API server is reachable from the internet. Set it false and endpointPrivateAccess true.",
    ]);
    expect(await violations(policy, [cluster({ resourcesVpcConfig: { endpointPublicAccess: false } })])).toEqual([
      "resourcesVpcConfig.endpointPrivateAccess is not true while public access is off: nothing can reach the API server. Set it true.",
    ]);
  });
});

describe("aws-native-eks-secrets-encrypted", () => {
  const policy = "aws-native-eks-secrets-encrypted";

  it("passes secrets encrypted with a key", async () => {
    expect(await violations(policy, [cluster({ encryptionConfig: [{ resources: ["secrets"], provider: { keyArn: KEY } }] })])).toEqual([]);
  });

  it("flags no encryption config and one without a key", async () => {
    expect(await violations(policy, [cluster({}), cluster({ encryptionConfig: [{ resources: ["secrets"] }] })])).toHaveLength(2);
  });
});

describe("aws-native-eks-control-plane-logging", () => {
  const policy = "aws-native-eks-control-plane-logging";

  it("passes api, audit and authenticator logs", async () => {
    const types = ["api", "audit", "authenticator", "scheduler"].map((type) => ({ type }));
    expect(await violations(policy, [cluster({ logging: { clusterLogging: { enabledTypes: types } } })])).toEqual([]);
  });

  it("flags missing log types", async () => {
    expect(await violations(policy, [cluster({ logging: { clusterLogging: { enabledTypes: [{ type: "api" }] } } })])).toEqual([
      'logging.clusterLogging.enabledTypes lacks "audit", "authenticator": add them (control-plane logging is off by default).',
    ]);
  });
});
