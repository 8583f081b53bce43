import { describe, expect, it } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as gcp from "@pulumi/gcp";
import { one, renderPolicyDocument, runWithMocks } from "./index";

const base = { project: "proj", stack: "dev" };

describe("canned invokes", () => {
  it("answers the AWS account, region, partition and zones, in the provider's region", async () => {
    const run = await runWithMocks(async () => {
      const west = new aws.Provider("west", { region: "us-west-2" });
      const [me, region, partition, zones] = await Promise.all([
        aws.getCallerIdentity(),
        aws.getRegion({}, { provider: west }),
        aws.getPartition(),
        aws.getAvailabilityZones({ state: "available" }),
      ]);
      return { account: me.accountId, region: region.region, partition: partition.partition, zones: zones.names };
    }, { ...base, config: { "aws:region": "eu-west-1" } });
    expect(run.stackOutputs).toEqual({ account: "123456789012", region: "us-west-2", partition: "aws", zones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] });
    // Recorded in the order they reach the engine: getRegion waits for its provider.
    expect(run.invokes.map((i) => i.token).sort()).toEqual([
      "aws:index/getAvailabilityZones:getAvailabilityZones",
      "aws:index/getCallerIdentity:getCallerIdentity",
      "aws:index/getPartition:getPartition",
      "aws:index/getRegion:getRegion",
    ]);
    expect(run.invokes.find((i) => i.token.endsWith("getAvailabilityZones"))?.args).toEqual({ state: "available" });
  });

  it("answers the GCP project and client config from the stack config", async () => {
    const run = await runWithMocks(async () => {
      const project = await gcp.organizations.getProject({});
      const client = await gcp.organizations.getClientConfig();
      return { id: project.projectId, number: project.number, region: client.region };
    }, { ...base, config: { "gcp:project": "mlops-dev-1", "gcp:region": "us-east4" } });
    expect(run.stackOutputs).toEqual({ id: "mlops-dev-1", number: "123456789012", region: "us-east4" });
  });

  it("renders getPolicyDocument into the IAM JSON a role receives", async () => {
    const run = await runWithMocks(() => {
      const trust = aws.iam.getPolicyDocumentOutput({
        statements: [{ actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["eks.amazonaws.com"] }] }],
      });
      new aws.iam.Role("cluster", { assumeRolePolicy: trust.json });
    }, base);
    const role = one(run.resources, "aws:iam/role:Role");
    expect(JSON.parse(String(role.inputs["assumeRolePolicy"]))).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "eks.amazonaws.com" } }],
    });
    expect(role.outputs["arn"]).toMatch(/^arn:aws:iam::123456789012:role\/cluster-[0-9a-f]{7}$/);
  });

  it("lets the caller add or override invokes", async () => {
    const run = await runWithMocks(async () => (await aws.ec2.getVpc({ default: true })).id, {
      ...base,
      invokes: { "aws:ec2/getVpc:getVpc": (args) => ({ id: args["default"] ? "vpc-default" : "vpc-other", cidrBlock: "172.31.0.0/16" }) },
    });
    expect(run.result).toBe("vpc-default");
    expect(run.invokes).toEqual([{ token: "aws:ec2/getVpc:getVpc", args: { default: true } }]);
  });
});

describe("getPolicyDocument rendering", () => {
  it("writes lists of one as strings, keeps longer lists, and renders conditions and wildcard principals", () => {
    const { json, minifiedJson } = renderPolicyDocument({
      policyId: "p1",
      statements: [
        {
          sid: "Read",
          actions: ["s3:GetObject", "s3:ListBucket"],
          resources: ["arn:aws:s3:::b/*"],
          principals: [{ type: "*", identifiers: ["*"] }],
          conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
          effect: "Deny",
        },
        { notActions: ["iam:*"], notResources: ["arn:aws:iam::*:*"] },
      ],
    });
    expect(JSON.parse(String(json))).toEqual({
      Version: "2012-10-17",
      Id: "p1",
      Statement: [
        { Sid: "Read", Effect: "Deny", Action: ["s3:GetObject", "s3:ListBucket"], Resource: "arn:aws:s3:::b/*", Principal: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
        { Effect: "Allow", NotAction: "iam:*", NotResource: "arn:aws:iam::*:*" },
      ],
    });
    expect(minifiedJson).toBe(JSON.stringify(JSON.parse(String(json))));
  });

  it("merges source documents and lets statements and overrides replace them by Sid", () => {
    const source = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "A", Effect: "Allow", Action: "s3:*", Resource: "*" }, { Sid: "B", Effect: "Allow", Action: "ec2:*", Resource: "*" }] });
    const override = JSON.stringify({ Statement: [{ Sid: "B", Effect: "Deny", Action: "ec2:*", Resource: "*" }] });
    const { json } = renderPolicyDocument({ sourcePolicyDocuments: [source], overridePolicyDocuments: [override], statements: [{ sid: "A", actions: ["s3:GetObject"], resources: ["*"] }] });
    expect(JSON.parse(String(json)).Statement).toEqual([
      { Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
      { Sid: "B", Effect: "Deny", Action: "ec2:*", Resource: "*" },
    ]);
  });
});

describe("unmocked functions fail loudly", () => {
  it("rejects an awaited invoke with no mock, naming the token and how to add one", async () => {
    const run = runWithMocks(async () => {
      await aws.ec2.getVpc({ default: true });
    }, base);
    await expect(run).rejects.toThrow("No mock for invoke 'aws:ec2/getVpc:getVpc'");
    await expect(run).rejects.toThrow('invokes: { "aws:ec2/getVpc:getVpc"');
  });

  it("fails the run even when the program swallowed the error (a Helm chart rendering nothing)", async () => {
    const run = runWithMocks(() => {
      // What kubernetes.helm.v3.Chart does: render through an invoke, then register what came back.
      const rendered = pulumi.output(pulumi.runtime.invoke("kubernetes:helm:template", { jsonOpts: { chart: "mlflow" } }).catch(() => ({ result: [] })));
      return { objects: rendered.apply((r) => (r as { result: unknown[] }).result.length) };
    }, base);
    await expect(run).rejects.toThrow("No mock for invoke 'kubernetes:helm:template'");
  });

  it("fails the run for an unused output-form invoke", async () => {
    await expect(
      runWithMocks(() => {
        aws.ec2.getSubnetsOutput({ filters: [{ name: "vpc-id", values: ["vpc-1"] }] });
      }, base),
    ).rejects.toThrow("No mock for invoke 'aws:ec2/getSubnets:getSubnets'");
  });
});

describe("component method calls", () => {
  class Database extends pulumi.ComponentResource {
    constructor(name: string) {
      super("mlops:db:Database", name, {}, {}, true);
    }
    connectionString(): pulumi.Output<string> {
      return pulumi.runtime.call<{ result: string }>("mlops:db:Database/connectionString", { __self__: this, user: "app" }, this).apply((r) => r.result);
    }
  }

  it("answers a call from the caller's mock, with the component's URN as __self__", async () => {
    let seen: Record<string, unknown> = {};
    const run = await runWithMocks(() => ({ conn: new Database("db").connectionString() }), {
      ...base,
      calls: {
        "mlops:db:Database/connectionString": (args) => {
          seen = args;
          return { result: `postgres://${String(args["user"])}@db` };
        },
      },
    });
    expect(run.stackOutputs).toEqual({ conn: "postgres://app@db" });
    expect(seen).toEqual({ __self__: one(run.resources, "mlops:db:Database").urn, user: "app" });
  });

  it("rejects a call with no mock, naming the token", async () => {
    await expect(runWithMocks(() => ({ conn: new Database("db").connectionString() }), base)).rejects.toThrow("No mock for call 'mlops:db:Database/connectionString'");
  });

  it("answers eks Cluster.getKubeconfig with the cluster's canned kubeconfig", async () => {
    const run = await runWithMocks(() => {
      const cluster = new eks.Cluster("ml", { vpcId: "vpc-1" });
      return { fromCall: cluster.getKubeconfig().result, fromOutput: cluster.kubeconfigJson };
    }, base);
    expect(run.stackOutputs["fromCall"]).toBe(run.stackOutputs["fromOutput"]);
  });
});
