import { describe, expect, it } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import { byType, mocksOptions, one, parseMocks, renderPolicyDocument, runWithMocks } from "./index";
import { sdkResultSkeleton } from "./sdk-results";

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
    expect(run.invokes).toMatchObject([{ token: "aws:ec2/getVpc:getVpc", args: { default: true } }]);
  });
});

/** The required properties of the SDK's `<Fn>Result` interface that `result` lacks (read from the .d.ts). */
function missingSdkProperties(token: string, result: object): string[] {
  const skeleton = sdkResultSkeleton(token);
  if (!skeleton) throw new Error(`no SDK result interface found for ${token}`);
  return Object.keys(skeleton).filter((k) => !(k in result));
}

describe("canned lookups (the mock engine's values, shaped like the SDK's results)", () => {
  it("answers getAmi, getVpc, getSubnets, getSubnet and GKE getEngineVersions with every property of the SDK's result", async () => {
    const run = await runWithMocks(async () => {
      const ami = await aws.ec2.getAmi({ owners: ["amazon"], mostRecent: true, filters: [{ name: "name", values: ["al2023-ami-2023.*-arm64"] }] });
      const vpc = await aws.ec2.getVpc({ default: true });
      const subnets = await aws.ec2.getSubnets({ filters: [{ name: "vpc-id", values: [vpc.id] }] });
      const subnet = await aws.ec2.getSubnet({ id: subnets.ids[1] });
      const gke = await gcp.container.getEngineVersions({ location: "europe-west4", versionPrefix: "1.31." });
      return { ami, vpc, subnets, subnet, gke };
    }, { ...base, config: { "aws:region": "eu-west-1", "gcp:project": "p-1" } });
    const r = run.result;
    expect(missingSdkProperties("aws:ec2/getAmi:getAmi", r.ami)).toEqual([]);
    expect(missingSdkProperties("aws:ec2/getVpc:getVpc", r.vpc)).toEqual([]);
    expect(missingSdkProperties("aws:ec2/getSubnets:getSubnets", r.subnets)).toEqual([]);
    expect(missingSdkProperties("aws:ec2/getSubnet:getSubnet", r.subnet)).toEqual([]);
    expect(missingSdkProperties("gcp:container/getEngineVersions:getEngineVersions", r.gke)).toEqual([]);
    // Consistent with each other and with the account and region of the run.
    expect(r.ami).toMatchObject({ architecture: "arm64", ownerId: "137112412989", imageOwnerAlias: "amazon", name: "al2023-ami-2023.20250101-arm64", region: "eu-west-1" });
    expect(r.ami.id).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(r.vpc).toMatchObject({ default: true, cidrBlock: "172.31.0.0/16", ownerId: "123456789012", region: "eu-west-1" });
    expect(r.subnets.ids).toHaveLength(3);
    expect(r.subnet).toMatchObject({ id: r.subnets.ids[1], vpcId: r.vpc.id, availabilityZone: "eu-west-1b", cidrBlock: "172.31.16.0/20", defaultForAz: true, mapPublicIpOnLaunch: true });
    expect(r.gke.latestMasterVersion).toMatch(/^1\.31\.\d+-gke\.\d+$/);
    expect(r.gke.validMasterVersions.every((v) => v.startsWith("1.31."))).toBe(true);
    expect(r.gke.releaseChannelDefaultVersion["STABLE"]).toMatch(/^1\.31\./);
  });

  it("answers getVpc and getSubnets from the VPC and subnets the program created, filters and tags applied", async () => {
    const run = await runWithMocks(() => {
      const vpc = new aws.ec2.Vpc("main", { cidrBlock: "10.20.0.0/16", tags: { Name: "main" } });
      const made = ["a", "b"].map((az, i) => new aws.ec2.Subnet(`private-${az}`, { vpcId: vpc.id, cidrBlock: `10.20.${i}.0/24`, availabilityZone: `us-east-1${az}`, tags: { Tier: "private" } }));
      const pub = new aws.ec2.Subnet("public-a", { vpcId: vpc.id, cidrBlock: "10.20.9.0/24", mapPublicIpOnLaunch: true, tags: { Tier: "public" } });
      const checked = pulumi.all([made[0]?.id, made[1]?.id, pub.id, vpc.id]).apply(async ([a, b, p, vpcId]) => {
        const found = await aws.ec2.getVpc({ tags: { Name: "main" } });
        const privateIds = await aws.ec2.getSubnets({ filters: [{ name: "vpc-id", values: [vpcId] }, { name: "tag:Tier", values: ["priv*"] }] });
        const publicOne = await aws.ec2.getSubnet({ vpcId, filters: [{ name: "map-public-ip-on-launch", values: ["true"] }] });
        return { ok: found.id === vpcId && found.cidrBlock === "10.20.0.0/16", privateIds: privateIds.ids, expected: [a, b], publicId: publicOne.id, p };
      });
      return { checked };
    }, base);
    const out = run.stackOutputs["checked"] as Record<string, unknown>;
    expect(out["ok"]).toBe(true);
    expect(out["privateIds"]).toEqual(out["expected"]);
    expect(out["publicId"]).toBe(out["p"]);
  });

  it("decodes the YAML of a kubernetes yaml v1 ConfigGroup in-process into the objects it registers", async () => {
    const manifest = ["apiVersion: v1", "kind: Namespace", "metadata: { name: ml }", "---", "# empty document", "---", "apiVersion: v1", "kind: ConfigMap", "metadata: { name: settings, namespace: ml }", "data: { mode: batch }"].join("\n");
    const run = await runWithMocks(() => {
      new k8s.yaml.ConfigGroup("app", { yaml: [manifest] });
    }, base);
    expect(run.invokes.map((i) => i.token)).toEqual(["kubernetes:yaml:decode"]);
    expect(one(run.resources, "kubernetes:core/v1:ConfigMap", "ml/settings").inputs).toMatchObject({ data: { mode: "batch" }, metadata: { name: "settings", namespace: "ml" } });
    expect(byType(run.resources, "kubernetes:core/v1:Namespace").map((r) => r.name)).toEqual(["ml"]);
    await expect(runWithMocks(() => void new k8s.yaml.ConfigGroup("bad", { yaml: ["kind: [unclosed"] }), base)).rejects.toThrow("kubernetes:yaml:decode");
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
  it("rejects an awaited invoke with no mock, naming it and its arguments, with the --mocks entry (the SDK's property names) and the runWithMocks form", async () => {
    const run = runWithMocks(async () => {
      await aws.ec2.getInstance({ instanceId: "i-0abc" });
    }, base);
    await expect(run).rejects.toThrow(`No mock for invoke 'aws:ec2/getInstance:getInstance', called with {"instanceId":"i-0abc"}`);
    await expect(run).rejects.toThrow('invokes:\n  "aws:ec2/getInstance:getInstance":\n    ami: <string>\n    arn: <string>\n');
    await expect(run).rejects.toThrow('runWithMocks(program, { invokes: { "aws:ec2/getInstance:getInstance"');
  });

  it("masks secret arguments in the error: secret config, and secret inputs of the program's resources", async () => {
    // The SDK sends invoke arguments without their secret marks: known secret values are masked wherever they appear.
    const run = runWithMocks(() => {
      const token = new pulumi.Config("app").requireSecret("token");
      const pw = new aws.rds.Instance("db", { instanceClass: "db.t3.micro", password: pulumi.secret("literal-pw") }).password;
      pulumi.all([token, pw]).apply(([t, p]) => aws.ec2.getInstance({ instanceTags: { auth: `Bearer ${t}`, pw: p ?? "" }, instanceId: "i-1" }));
    }, { ...base, config: { "app:token": "tok-hidden" }, secretKeys: ["app:token"] });
    await expect(run).rejects.toThrow('called with {"instanceId":"i-1","instanceTags":{"auth":"[secret]","pw":"[secret]"}}');
  });

  it("shows a placeholder result for a function whose SDK types it cannot find", async () => {
    await expect(runWithMocks(async () => void (await pulumi.runtime.invoke("acme:lookup:find", {})), base)).rejects.toThrow('invokes:\n  "acme:lookup:find":\n    <property>: <value>\n');
  });

  it("answers from --mocks cases by arguments, and fails naming the arguments no case matches", async () => {
    const mocks = mocksOptions(parseMocks('invokes:\n  "aws:ec2/getInstance:getInstance":\n    - when: { instanceId: i-1 }\n      result: { ami: ami-1 }\n', "mocks.yaml"));
    const ok = await runWithMocks(async () => (await aws.ec2.getInstance({ instanceId: "i-1" })).ami, { ...base, ...mocks });
    expect(ok.result).toBe("ami-1");
    const miss = runWithMocks(async () => void (await aws.ec2.getInstance({ instanceId: "i-2" })), { ...base, ...mocks });
    await expect(miss).rejects.toThrow(`called with {"instanceId":"i-2"}: none of the 1 \`when\` case(s)`);
    await expect(miss).rejects.toThrow('  "aws:ec2/getInstance:getInstance":\n    - when:\n        instanceId: i-2\n      result:\n        ami: <string>');
  });

  it("fails the run even when the program swallowed the error (a Helm chart rendering nothing)", async () => {
    const run = runWithMocks(() => {
      // What kubernetes.helm.v3.Chart does: render through an invoke, then register what came back.
      const rendered = pulumi.output(pulumi.runtime.invoke("kubernetes:helm:template", { jsonOpts: { chart: "mlflow" } }).catch(() => ({ result: [] })));
      return { objects: rendered.apply((r) => (r as { result: unknown[] }).result.length) };
    }, base);
    await expect(run).rejects.toThrow("No mock for invoke 'kubernetes:helm:template'");
    await expect(run).rejects.toThrow('invokes:\n  "kubernetes:helm:template":\n    result: <list of Kubernetes objects>\n');
  });

  it("fails the run for an unused output-form invoke", async () => {
    await expect(
      runWithMocks(() => {
        aws.ec2.getInstanceOutput({ filters: [{ name: "tag:Name", values: ["bastion"] }] });
      }, base),
    ).rejects.toThrow("No mock for invoke 'aws:ec2/getInstance:getInstance'");
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
