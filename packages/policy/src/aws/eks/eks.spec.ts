import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const CLUSTER = "aws:eks/cluster:Cluster";
const COMPONENT = "eks:index:Cluster";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd";
const vpcConfig = { subnetIds: ["subnet-1"], endpointPrivateAccess: true };

describe("aws-eks-endpoint-private", () => {
  const policy = "aws-eks-endpoint-private";

  it("passes a cluster and an eks component with the public endpoint off", async () => {
    const resources = [
      res(CLUSTER, "eks", { roleArn: "arn", vpcConfig: { ...vpcConfig, endpointPublicAccess: false } }),
      res(COMPONENT, "cluster", { endpointPublicAccess: false, endpointPrivateAccess: true }, { custom: false, remote: true }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags an aws.eks.Cluster that leaves the endpoint public by default", async () => {
    expect(await violations(policy, [res(CLUSTER, "eks", { roleArn: "arn", vpcConfig })])).toEqual([
      "vpcConfig.endpointPublicAccess is not false (the default is a public endpoint).",
    ]);
  });

  it("flags an eks.Cluster component with endpointPublicAccess true", async () => {
    const component = res(COMPONENT, "cluster", { endpointPublicAccess: true }, { custom: false, remote: true });
    expect(await violations(policy, [component])).toEqual(["endpointPublicAccess is not false (@pulumi/eks defaults to a public endpoint)."]);
  });

  it("does not judge an eks component registered without inputs", async () => {
    const result = await runPolicy(policy, [res(COMPONENT, "cluster", {}, { custom: false })]);
    expect(result.violations).toEqual([]);
  });
});

describe("aws-eks-secrets-encrypted", () => {
  const policy = "aws-eks-secrets-encrypted";

  it("counts a key ARN unknown during preview (a key created in the same update) as set", async () => {
    const result = await runPolicy(policy, [res(CLUSTER, "eks", { roleArn: "arn", vpcConfig, encryptionConfig: { provider: { keyArn: unknown }, resources: ["secrets"] } }), res(COMPONENT, "cluster", { encryptionConfigKeyArn: unknown }, { custom: false, remote: true })]);
    expect({ violations: result.violations, indeterminate: result.indeterminate }).toEqual({ violations: [], indeterminate: [] });
  });


  it("passes a cluster that envelope-encrypts secrets with a KMS key", async () => {
    const resources = [
      res(CLUSTER, "eks", { roleArn: "arn", vpcConfig, encryptionConfig: { provider: { keyArn: KEY }, resources: ["secrets"] } }),
      res(COMPONENT, "cluster", { encryptionConfigKeyArn: KEY }, { custom: false, remote: true }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags a cluster and a component without secrets encryption", async () => {
    const resources = [res(CLUSTER, "eks", { roleArn: "arn", vpcConfig }), res(COMPONENT, "cluster", { endpointPublicAccess: false }, { custom: false, remote: true })];
    expect(await violations(policy, resources)).toEqual([
      'encryptionConfig does not encrypt "secrets" with a KMS key (provider.keyArn).',
      "encryptionConfigKeyArn is not set: Kubernetes Secrets are stored without envelope encryption.",
    ]);
  });
});

describe("aws-eks-control-plane-logging", () => {
  const policy = "aws-eks-control-plane-logging";
  const logTypes = ["api", "audit", "authenticator", "controllerManager"];

  it("passes a cluster and an eks component that log api, audit and authenticator", async () => {
    const resources = [
      res(CLUSTER, "eks", { roleArn: "arn", vpcConfig, enabledClusterLogTypes: logTypes }),
      res(COMPONENT, "cluster", { enabledClusterLogTypes: ["api", "audit", "authenticator"] }, { custom: false, remote: true }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags a cluster without control-plane logging and a component that omits the authenticator log", async () => {
    const resources = [
      res(CLUSTER, "eks", { roleArn: "arn", vpcConfig }),
      res(COMPONENT, "cluster", { enabledClusterLogTypes: ["api", "audit"] }, { custom: false, remote: true }),
    ];
    expect(await violations(policy, resources)).toEqual([
      'enabledClusterLogTypes does not include "api", "audit", "authenticator" (control-plane logging is off by default).',
      'enabledClusterLogTypes does not include "authenticator" (control-plane logging is off by default).',
    ]);
  });

  it("does not judge an eks component registered without inputs", async () => {
    expect(await violations(policy, [res(COMPONENT, "cluster", {}, { custom: false })])).toEqual([]);
  });
});
