import { describe, expect, it } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as eks from "@pulumi/eks";
import * as gcp from "@pulumi/gcp";
import * as random from "@pulumi/random";
import { UNKNOWN, byType, one, runWithMocks } from "./index";
import { OUTPUT_RULES, cannedOutputs } from "./outputs";

const base = { project: "proj", stack: "dev" };

describe("canned outputs of custom resources", () => {
  it("autonames S3 buckets deterministically and derives ARN, id and domain names", async () => {
    const program = () => {
      const auto = new aws.s3.BucketV2("artifacts", {});
      const named = new aws.s3.Bucket("named", { bucket: "my-bucket" });
      return { auto: auto.bucket, autoArn: auto.arn, autoId: auto.id, named: named.arn };
    };
    const run = await runWithMocks(program, base);
    expect(run.stackOutputs["auto"]).toMatch(/^artifacts-[0-9a-f]{7}$/);
    expect(run.stackOutputs["autoArn"]).toBe(`arn:aws:s3:::${String(run.stackOutputs["auto"])}`);
    expect(run.stackOutputs["autoId"]).toBe(run.stackOutputs["auto"]);
    expect(run.stackOutputs["named"]).toBe("arn:aws:s3:::my-bucket");
    expect(one(run.resources, "aws:s3/bucketV2:BucketV2").outputs).toMatchObject({ bucketRegionalDomainName: `${String(run.stackOutputs["auto"])}.s3.us-east-1.amazonaws.com` });
    const again = await runWithMocks(program, base);
    expect(again.stackOutputs).toEqual(run.stackOutputs);
  });

  it("gives an ARN in the resource's region and account to AWS types without a rule", async () => {
    const run = await runWithMocks(() => void new aws.sns.TopicPolicy("tp", { arn: "arn:aws:sns:us-east-1:123456789012:t", policy: "{}" }), { ...base, config: { "aws:region": "eu-west-1" } });
    expect(one(run.resources, "aws:sns/topicPolicy:TopicPolicy").outputs["arn"]).toBe("arn:aws:sns:eu-west-1:123456789012:tp");
  });

  it("answers RDS, ElastiCache and KMS with endpoints, ports and key ids", async () => {
    const run = await runWithMocks(() => {
      const key = new aws.kms.Key("key", { enableKeyRotation: true });
      const db = new aws.rds.Instance("db", { engine: "postgres", instanceClass: "db.t4g.micro", kmsKeyId: key.arn });
      const cache = new aws.elasticache.ReplicationGroup("cache", { description: "c", replicationGroupId: "mlops-cache", numCacheClusters: 2 });
      return { keyId: key.keyId, keyArn: key.arn, address: db.address, endpoint: db.endpoint, port: db.port, id: db.identifier, primary: cache.primaryEndpointAddress, cachePort: cache.port, members: cache.memberClusters };
    }, base);
    const o = run.stackOutputs;
    expect(o["keyArn"]).toBe(`arn:aws:kms:us-east-1:123456789012:key/${String(o["keyId"])}`);
    expect(o["keyId"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(o["id"]).toMatch(/^db-[0-9a-f]{7}$/);
    expect(o["address"]).toMatch(new RegExp(`^${String(o["id"])}\\.c[0-9a-f]{11}\\.us-east-1\\.rds\\.amazonaws\\.com$`));
    expect(o["endpoint"]).toBe(`${String(o["address"])}:5432`);
    expect(o["port"]).toBe(5432);
    expect(o["primary"]).toMatch(/^master\.mlops-cache\.[0-9a-f]{6}\.use1\.cache\.amazonaws\.com$/);
    expect(o["cachePort"]).toBe(6379);
    expect(o["members"]).toEqual(["mlops-cache-001", "mlops-cache-002"]);
    expect(one(run.resources, "aws:rds/instance:Instance").inputs["kmsKeyId"]).toBe(o["keyArn"]);
  });

  it("answers Cloud SQL and Memorystore, keeping the provider's secret outputs secret", async () => {
    const run = await runWithMocks(
      () => {
        const sql = new gcp.sql.DatabaseInstance("pg", { databaseVersion: "POSTGRES_16", settings: { tier: "db-custom-2-7680" } });
        const redis = new gcp.redis.Instance("cache", { memorySizeGb: 1, authEnabled: true });
        const net = new gcp.compute.Network("vpc", { autoCreateSubnetworks: false });
        return { conn: sql.connectionName, ip: sql.privateIpAddress, link: sql.selfLink, host: redis.host, port: redis.port, auth: redis.authString, netLink: net.selfLink, netId: net.id };
      },
      { ...base, config: { "gcp:project": "mlops-prod", "gcp:region": "europe-west1" } },
    );
    const o = run.stackOutputs;
    expect(o["conn"]).toMatch(/^mlops-prod:europe-west1:pg-[0-9a-f]{7}$/);
    expect(o["ip"]).toMatch(/^10\.100\.\d+\.3$/);
    expect(o["link"]).toMatch(/^https:\/\/sqladmin\.googleapis\.com\/sql\/v1beta4\/projects\/mlops-prod\/instances\/pg-[0-9a-f]{7}$/);
    expect(o["host"]).toMatch(/^10\.100\.\d+\.4$/);
    expect(o["port"]).toBe(6379);
    expect(typeof o["auth"]).toBe("string");
    expect(run.secretOutputs).toEqual(["auth"]);
    expect(o["netLink"]).toMatch(/^https:\/\/www\.googleapis\.com\/compute\/v1\/projects\/mlops-prod\/global\/networks\/vpc-[0-9a-f]{7}$/);
    expect(o["netId"]).toMatch(/^projects\/mlops-prod\/global\/networks\/vpc-[0-9a-f]{7}$/);
  });

  it("gives random passwords a deterministic, secret result of the requested length", async () => {
    const program = () => {
      const pw = new random.RandomPassword("db", { length: 24, special: false });
      return { pw: pw.result };
    };
    const run = await runWithMocks(program, base);
    expect(String(run.stackOutputs["pw"])).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(run.secretOutputs).toEqual(["pw"]);
    expect((await runWithMocks(program, base)).stackOutputs).toEqual(run.stackOutputs);
  });

  it("merges the caller's outputs over the canned ones", async () => {
    const run = await runWithMocks(() => ({ address: new aws.rds.Instance("db", { engine: "postgres", instanceClass: "db.t4g.micro" }).address }), {
      ...base,
      outputs: { "aws:rds/instance:Instance": ({ name }) => ({ address: `${name}.example.internal` }) },
    });
    expect(run.stackOutputs["address"]).toBe("db.example.internal");
    expect(one(run.resources, "aws:rds/instance:Instance").outputs).toMatchObject({ address: "db.example.internal", port: 5432 });
  });
});

describe("canned outputs of remote components", () => {
  it("answers awsx:ec2:Vpc with the outputs the component declares", async () => {
    const run = await runWithMocks(() => {
      const vpc = new awsx.ec2.Vpc("net", { cidrBlock: "10.10.0.0/16", natGateways: { strategy: "Single" } });
      new aws.ec2.SecurityGroup("sg", { vpcId: vpc.vpcId });
      return { vpcId: vpc.vpcId, priv: vpc.privateSubnetIds, pub: vpc.publicSubnetIds, iso: vpc.isolatedSubnetIds, cidr: vpc.vpc.cidrBlock, nats: vpc.natGateways };
    }, base);
    const vpc = one(run.resources, "awsx:ec2:Vpc");
    expect(vpc).toMatchObject({ remote: true, custom: false, inputs: { cidrBlock: "10.10.0.0/16" } });
    expect(vpc.provider).toMatch(/^urn:pulumi:dev::proj::pulumi:providers:awsx::default_3_\d+_\d+::/);
    const o = run.stackOutputs;
    expect(o["vpcId"]).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(o["priv"]).toHaveLength(3);
    expect(o["pub"]).toHaveLength(3);
    expect(o["iso"]).toEqual([]);
    expect(o["cidr"]).toBe("10.10.0.0/16");
    expect(o["nats"]).toHaveLength(1);
    expect(one(run.resources, "aws:ec2/securityGroup:SecurityGroup").inputs["vpcId"]).toBe(o["vpcId"]);
    expect(vpc.outputs).toMatchObject({ subnets: expect.any(Array), internetGateway: { id: expect.stringMatching(/^igw-/) }, vpc: { id: o["vpcId"], arn: expect.stringContaining(":vpc/vpc-") } });
  });

  it("answers eks:index:Cluster with kubeconfig, cluster and OIDC outputs", async () => {
    const run = await runWithMocks(() => {
      const cluster = new eks.Cluster("ml", { vpcId: "vpc-1", privateSubnetIds: ["subnet-a", "subnet-b"], endpointPublicAccess: false, endpointPrivateAccess: true, createOidcProvider: true });
      return {
        kubeconfig: cluster.kubeconfig,
        kubeconfigJson: cluster.kubeconfigJson,
        name: cluster.eksCluster.name,
        vpcConfig: cluster.eksCluster.vpcConfig,
        oidcArn: cluster.oidcProviderArn,
        oidcUrl: cluster.oidcProviderUrl,
        nodeSg: cluster.nodeSecurityGroupId,
        coreEndpoint: cluster.core.endpoint,
      };
    }, base);
    const o = run.stackOutputs;
    expect(JSON.parse(String(o["kubeconfigJson"]))).toEqual(o["kubeconfig"]);
    expect(o["name"]).toMatch(/^ml-eksCluster-[0-9a-f]{7}$/);
    expect(o["vpcConfig"]).toMatchObject({ subnetIds: ["subnet-a", "subnet-b"], endpointPublicAccess: false, endpointPrivateAccess: true });
    expect(o["oidcArn"]).toMatch(/^arn:aws:iam::123456789012:oidc-provider\/oidc\.eks\.us-east-1\.amazonaws\.com\/id\/[0-9A-F]{32}$/);
    expect(o["oidcUrl"]).toMatch(/^https:\/\/oidc\.eks\./);
    expect(o["nodeSg"]).toMatch(/^sg-/);
    expect(String(o["coreEndpoint"])).toMatch(/^https:\/\/[0-9A-F]{32}\.gr7\.us-east-1\.eks\.amazonaws\.com$/);
  });

  it("declares no output the components do not have", async () => {
    const run = await runWithMocks(() => {
      new awsx.ec2.Vpc("net", {});
      new eks.Cluster("ml", { vpcId: "vpc-1" });
    }, base);
    const declared = (c: object) => new Set(Object.keys(c));
    const probe = await runWithMocks(() => ({ vpc: declared(new awsx.ec2.Vpc("v", {})), eks: declared(new eks.Cluster("c", {})) }), base);
    for (const [type, names] of [["awsx:ec2:Vpc", probe.result.vpc], ["eks:index:Cluster", probe.result.eks]] as const) {
      const extra = Object.keys(one(run.resources, type).outputs).filter((k) => !names.has(k) && !(k in one(run.resources, type).inputs));
      expect({ type, extra }).toEqual({ type, extra: [] });
    }
  });
});

describe("preview", () => {
  it("leaves computed outputs and ids unknown, and inputs built from them unknown", async () => {
    const run = await runWithMocks(() => {
      const bucket = new aws.s3.Bucket("data", { tags: { team: "ml" } });
      new aws.s3.BucketPublicAccessBlock("data-pab", { bucket: bucket.id, blockPublicAcls: true });
      let applied = false;
      bucket.arn.apply(() => (applied = true));
      return { arn: bucket.arn, tags: bucket.tags, applied: pulumi.output(bucket.arn).apply(() => applied) };
    }, { ...base, preview: true });
    const bucket = one(run.resources, "aws:s3/bucket:Bucket");
    expect(bucket.id).toBeUndefined();
    expect(bucket.outputs).toEqual({ tags: { team: "ml" } });
    expect(one(run.resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs).toEqual({ bucket: UNKNOWN, blockPublicAcls: true });
    expect(run.stackOutputs).toEqual({ arn: UNKNOWN, tags: { team: "ml" }, applied: UNKNOWN });
  });

  it("leaves remote components' outputs unknown", async () => {
    const run = await runWithMocks(() => {
      const vpc = new awsx.ec2.Vpc("net", {});
      new aws.ec2.SecurityGroup("sg", { vpcId: vpc.vpcId });
      return { subnets: vpc.privateSubnetIds };
    }, { ...base, preview: true });
    expect(one(run.resources, "awsx:ec2:Vpc").outputs).toEqual({});
    expect(one(run.resources, "aws:ec2/securityGroup:SecurityGroup").inputs["vpcId"]).toBe(UNKNOWN);
    expect(run.stackOutputs).toEqual({ subnets: UNKNOWN });
  });

  it("still records every resource a full run records", async () => {
    const program = () => {
      const vpc = new awsx.ec2.Vpc("net", {});
      const key = new aws.kms.Key("key", {});
      new aws.s3.Bucket("data", {}, { dependsOn: [key] });
      new aws.ec2.SecurityGroup("sg", { vpcId: vpc.vpcId });
    };
    const full = await runWithMocks(program, base);
    const preview = await runWithMocks(program, { ...base, preview: true });
    expect(preview.resources.map((r) => r.urn)).toEqual(full.resources.map((r) => r.urn));
    expect(byType(preview.resources, "aws:s3/bucket:Bucket")[0]?.dependencies).toEqual(byType(full.resources, "aws:s3/bucket:Bucket")[0]?.dependencies);
  });
});

describe("the canned-output table", () => {
  const ctx = (type: string, inputs: Record<string, unknown> = {}) => ({ type, name: "thing", inputs, region: "us-east-1", project: "p1", account: "123456789012" });

  it.each(Object.keys(OUTPUT_RULES))("answers %s deterministically, with an id and no undefined value", (type) => {
    const first = cannedOutputs(ctx(type));
    expect(first.id).toMatch(/\S/);
    expect(JSON.parse(JSON.stringify(first.computed))).toEqual(first.computed);
    expect(cannedOutputs(ctx(type))).toEqual(first);
    if (type.startsWith("aws:") && "arn" in first.computed) expect(String(first.computed["arn"])).toMatch(/^arn:aws:[a-z0-9-]+:(us-east-1)?:(123456789012)?:/);
  });

  it("keeps a name the program gave and autonames the rest", () => {
    expect(cannedOutputs(ctx("aws:iam/role:Role", { name: "ci-deploy" })).computed).toEqual({ arn: "arn:aws:iam::123456789012:role/ci-deploy", uniqueId: expect.any(String) });
    expect(cannedOutputs(ctx("aws:iam/role:Role")).computed["name"]).toMatch(/^thing-[0-9a-f]{7}$/);
  });

  it("names Kubernetes objects through metadata and ids them by namespace", () => {
    const named = cannedOutputs(ctx("kubernetes:core/v1:Service", { metadata: { name: "mlflow", namespace: "ml" } }));
    expect(named.id).toBe("ml/mlflow");
    expect(named.computed["metadata"]).toEqual({ name: "mlflow", namespace: "ml", uid: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const auto = cannedOutputs(ctx("kubernetes:core/v1:Namespace", {}));
    expect(auto.id).toMatch(/^thing-[0-9a-f]{8}$/);
  });

  it("gives GCP resources without a rule a selfLink and id in the right scope", () => {
    expect(cannedOutputs(ctx("gcp:compute/router:Router", { name: "r" }))).toEqual({ id: "projects/p1/regions/us-east-1/routers/r", computed: { selfLink: "https://www.googleapis.com/compute/v1/projects/p1/regions/us-east-1/routers/r" } });
    expect(cannedOutputs(ctx("gcp:pubsub/subscription:Subscription", { name: "s" })).id).toBe("projects/p1/subscriptions/s");
  });
});
