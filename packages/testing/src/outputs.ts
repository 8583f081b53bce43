// Canned outputs of custom resources: what a provider would compute (ids, ARNs, endpoints,
// autonamed physical names). One table, by type token, with per-package defaults.
import { MOCK_GCP_PROJECT_NUMBER, autoname, hex, uuidOf } from "./ids";
import { isObject } from "./wire";

/** What a canned-output rule knows about the resource. */
export interface OutputContext {
  type: string;
  /** The logical name. */
  name: string;
  /** Plain inputs. */
  inputs: Record<string, unknown>;
  /** The resource's cloud region (AWS or GCP, from the resource, its provider or the stack config). */
  region: string;
  /** The GCP project (from the resource, its provider or the stack config). */
  project: string;
  /** The AWS account. */
  account: string;
  /** For a read of an existing resource: its id (also its physical name when it has no name input). */
  existingId?: string;
}

interface Ctx extends OutputContext {
  /** The physical name: the name input when set, else autonamed `<name>-<7 hex>`. */
  physical: string;
  /** 7 hex digits derived from the name. */
  h: string;
  id: string;
}

interface Rule {
  /** The input holding the physical name, autonamed when missing. */
  name?: string;
  /** The provider's id; default: the physical name when the type has a name input, else `<name>-<7 hex>`. */
  id?: (c: Omit<Ctx, "id">) => string;
  /** Computed outputs, merged over the inputs. */
  computed?: (c: Ctx) => Record<string, unknown>;
}

const str = (v: unknown, fallback: string): string => (typeof v === "string" && v !== "" ? v : fallback);
const num = (v: unknown, fallback: number): number => (typeof v === "number" ? v : fallback);

/** `aws:<module>/...` → the ARN's service, where they differ. */
const ARN_SERVICE: Record<string, string> = { cloudwatch: "logs", msk: "kafka", vpc: "ec2", ebs: "ec2", alb: "elasticloadbalancing", lb: "elasticloadbalancing", cfg: "config" };
const awsArn = (c: Ctx, service: string, resource: string, region = c.region) => `arn:aws:${service}:${region}:${c.account}:${resource}`;
const DB_PORTS: Record<string, number> = { postgres: 5432, "aurora-postgresql": 5432, mysql: 3306, "aurora-mysql": 3306, mariadb: 3306 };

const AWS: Record<string, Rule> = {
  "aws:s3/bucket:Bucket": { name: "bucket", computed: s3Bucket },
  "aws:s3/bucketV2:BucketV2": { name: "bucket", computed: s3Bucket },
  "aws:iam/role:Role": { name: "name", computed: (c) => ({ arn: `arn:aws:iam::${c.account}:role${str(c.inputs["path"], "/")}${c.physical}`, uniqueId: `AROA${c.h.toUpperCase()}MOCK` }) },
  "aws:iam/policy:Policy": { name: "name", id: (c) => `arn:aws:iam::${c.account}:policy/${c.physical}`, computed: (c) => ({ arn: c.id, policyId: `ANPA${c.h.toUpperCase()}` }) },
  "aws:iam/user:User": { name: "name", computed: (c) => ({ arn: `arn:aws:iam::${c.account}:user/${c.physical}`, uniqueId: `AIDA${c.h.toUpperCase()}` }) },
  "aws:iam/instanceProfile:InstanceProfile": { name: "name", computed: (c) => ({ arn: `arn:aws:iam::${c.account}:instance-profile/${c.physical}` }) },
  "aws:iam/openIdConnectProvider:OpenIdConnectProvider": {
    computed: (c) => {
      const arn = `arn:aws:iam::${c.account}:oidc-provider/${str(c.inputs["url"], c.physical).replace(/^https:\/\//, "")}`;
      return { arn, id: arn };
    },
    id: (c) => `arn:aws:iam::${c.account}:oidc-provider/${str(c.inputs["url"], c.physical).replace(/^https:\/\//, "")}`,
  },
  "aws:kms/key:Key": { id: (c) => uuidOf(c.name), computed: (c) => ({ keyId: c.id, arn: awsArn(c, "kms", `key/${c.id}`) }) },
  "aws:kms/alias:Alias": { name: "name", computed: (c) => ({ arn: awsArn(c, "kms", c.physical), targetKeyArn: str(c.inputs["targetKeyId"], "") }) },
  "aws:rds/instance:Instance": {
    name: "identifier",
    computed: (c) => {
      const port = num(c.inputs["port"], DB_PORTS[str(c.inputs["engine"], "postgres")] ?? 5432);
      const address = `${c.physical}.c${hex(c.name, 11)}.${c.region}.rds.amazonaws.com`;
      return { address, endpoint: `${address}:${port}`, port, arn: awsArn(c, "rds", `db:${c.physical}`), resourceId: `db-${hex(c.name, 26).toUpperCase()}`, hostedZoneId: "Z2R2ITUGPM61AM" };
    },
  },
  "aws:rds/cluster:Cluster": {
    name: "clusterIdentifier",
    computed: (c) => {
      const port = num(c.inputs["port"], DB_PORTS[str(c.inputs["engine"], "aurora-postgresql")] ?? 5432);
      const host = `c${hex(c.name, 11)}.${c.region}.rds.amazonaws.com`;
      return { endpoint: `${c.physical}.cluster-${host}`, readerEndpoint: `${c.physical}.cluster-ro-${host}`, port, arn: awsArn(c, "rds", `cluster:${c.physical}`), clusterResourceId: `cluster-${hex(c.name, 26).toUpperCase()}` };
    },
  },
  "aws:rds/subnetGroup:SubnetGroup": { name: "name", computed: (c) => ({ arn: awsArn(c, "rds", `subgrp:${c.physical}`) }) },
  "aws:rds/parameterGroup:ParameterGroup": { name: "name", computed: (c) => ({ arn: awsArn(c, "rds", `pg:${c.physical}`) }) },
  "aws:elasticache/replicationGroup:ReplicationGroup": {
    id: (c) => str(c.inputs["replicationGroupId"], autoname(c.name)),
    computed: (c) => {
      const port = num(c.inputs["port"], 6379);
      const host = `${hex(c.name, 6)}.${c.region.replace(/-(\w)\w+-(\d)$/, "$1$2")}.cache.amazonaws.com`;
      return {
        replicationGroupId: c.id,
        primaryEndpointAddress: `master.${c.id}.${host}`,
        readerEndpointAddress: `replica.${c.id}.${host}`,
        port,
        arn: awsArn(c, "elasticache", `replicationgroup:${c.id}`),
        memberClusters: Array.from({ length: num(c.inputs["numCacheClusters"], 1) }, (_, i) => `${c.id}-00${i + 1}`),
      };
    },
  },
  "aws:elasticache/subnetGroup:SubnetGroup": { name: "name", computed: (c) => ({ arn: awsArn(c, "elasticache", `subnetgroup:${c.physical}`) }) },
  "aws:ec2/securityGroup:SecurityGroup": { name: "name", id: (c) => `sg-${hex(c.name, 17)}`, computed: (c) => ({ arn: awsArn(c, "ec2", `security-group/${c.id}`), ownerId: c.account }) },
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": { id: (c) => `sgr-${hex(c.name, 17)}`, computed: (c) => ({ arn: awsArn(c, "ec2", `security-group-rule/${c.id}`), securityGroupRuleId: c.id }) },
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": { id: (c) => `sgr-${hex(c.name, 17)}`, computed: (c) => ({ arn: awsArn(c, "ec2", `security-group-rule/${c.id}`), securityGroupRuleId: c.id }) },
  "aws:ec2/vpc:Vpc": { id: (c) => `vpc-${hex(c.name, 17)}`, computed: (c) => ({ arn: awsArn(c, "ec2", `vpc/${c.id}`), ownerId: c.account, mainRouteTableId: `rtb-${hex(c.name + "main", 17)}` }) },
  "aws:ec2/subnet:Subnet": { id: (c) => `subnet-${hex(c.name, 17)}`, computed: (c) => ({ arn: awsArn(c, "ec2", `subnet/${c.id}`) }) },
  "aws:ec2/flowLog:FlowLog": { id: (c) => `fl-${hex(c.name, 17)}`, computed: (c) => ({ arn: awsArn(c, "ec2", `vpc-flow-log/${c.id}`) }) },
  "aws:cloudwatch/logGroup:LogGroup": { name: "name", computed: (c) => ({ arn: awsArn(c, "logs", `log-group:${c.physical}`) }) },
  "aws:cloudwatch/metricAlarm:MetricAlarm": { name: "name", computed: (c) => ({ arn: awsArn(c, "cloudwatch", `alarm:${c.physical}`) }) },
  "aws:ecr/repository:Repository": {
    name: "name",
    computed: (c) => ({ arn: awsArn(c, "ecr", `repository/${c.physical}`), registryId: c.account, repositoryUrl: `${c.account}.dkr.ecr.${c.region}.amazonaws.com/${c.physical}` }),
  },
  "aws:secretsmanager/secret:Secret": { name: "name", id: (c) => `arn:aws:secretsmanager:${c.region}:${c.account}:secret:${c.physical}-${hex(c.name, 6)}`, computed: (c) => ({ arn: c.id }) },
  "aws:sns/topic:Topic": { name: "name", id: (c) => `arn:aws:sns:${c.region}:${c.account}:${c.physical}`, computed: (c) => ({ arn: c.id }) },
  "aws:sqs/queue:Queue": { name: "name", id: (c) => `https://sqs.${c.region}.amazonaws.com/${c.account}/${c.physical}`, computed: (c) => ({ arn: awsArn(c, "sqs", c.physical), url: c.id }) },
  "aws:lambda/function:Function": {
    name: "name",
    computed: (c) => {
      const arn = awsArn(c, "lambda", `function:${c.physical}`);
      return { arn, invokeArn: `arn:aws:apigateway:${c.region}:lambda:path/2015-03-31/functions/${arn}/invocations`, qualifiedArn: `${arn}:$LATEST`, version: "$LATEST" };
    },
  },
  "aws:kinesis/stream:Stream": { name: "name", computed: (c) => ({ arn: awsArn(c, "kinesis", `stream/${c.physical}`) }) },
  "aws:msk/cluster:Cluster": {
    name: "clusterName",
    computed: (c) => {
      const brokers = [1, 2, 3].map((i) => `b-${i}.${c.physical}.${hex(c.name, 6)}.c2.kafka.${c.region}.amazonaws.com`);
      return { arn: awsArn(c, "kafka", `cluster/${c.physical}/${uuidOf(c.name)}`), bootstrapBrokersTls: brokers.map((b) => `${b}:9094`).join(","), zookeeperConnectString: brokers.map((b) => `${b}:2181`).join(",") };
    },
  },
  "aws:eks/cluster:Cluster": {
    name: "name",
    computed: (c) => {
      const oidc = `oidc.eks.${c.region}.amazonaws.com/id/${hex(c.name, 32).toUpperCase()}`;
      return { arn: awsArn(c, "eks", `cluster/${c.physical}`), endpoint: `https://${hex(c.name, 32).toUpperCase()}.gr7.${c.region}.eks.amazonaws.com`, certificateAuthority: { data: "bW9jay1jYQ==" }, identities: [{ oidcs: [{ issuer: `https://${oidc}` }] }], status: "ACTIVE" };
    },
  },
  "aws:backup/vault:Vault": { name: "name", computed: (c) => ({ arn: awsArn(c, "backup", `backup-vault:${c.physical}`) }) },
  "aws:backup/plan:Plan": { name: "name", id: (c) => uuidOf(c.name), computed: (c) => ({ arn: awsArn(c, "backup", `backup-plan:${c.id}`), version: hex(c.name, 12) }) },
  "aws:cloudtrail/trail:Trail": { name: "name", computed: (c) => ({ arn: awsArn(c, "cloudtrail", `trail/${c.physical}`) }) },
};

function s3Bucket(c: Ctx): Record<string, unknown> {
  return {
    arn: `arn:aws:s3:::${c.physical}`,
    bucketDomainName: `${c.physical}.s3.amazonaws.com`,
    bucketRegionalDomainName: `${c.physical}.s3.${c.region}.amazonaws.com`,
    hostedZoneId: "Z3AQBSTGFYJSTF",
    region: c.region,
  };
}

const GCP_PRIVATE_IP = (c: Ctx, n: number) => `10.100.${parseInt(hex(c.name, 2), 16) % 250}.${n}`;

const GCP: Record<string, Rule> = {
  "gcp:sql/databaseInstance:DatabaseInstance": {
    name: "name",
    computed: (c) => {
      const ip = GCP_PRIVATE_IP(c, 3);
      return {
        connectionName: `${c.project}:${c.region}:${c.physical}`,
        privateIpAddress: ip,
        firstIpAddress: ip,
        ipAddresses: [{ ipAddress: ip, type: "PRIVATE" }],
        selfLink: `https://sqladmin.googleapis.com/sql/v1beta4/projects/${c.project}/instances/${c.physical}`,
        serviceAccountEmailAddress: `p${MOCK_GCP_PROJECT_NUMBER}-${hex(c.name, 6)}@gcp-sa-cloud-sql.iam.gserviceaccount.com`,
        dnsName: `${hex(c.name, 12)}.${c.region}.sql.goog.`,
      };
    },
  },
  "gcp:redis/instance:Instance": {
    name: "name",
    computed: (c) => ({ host: GCP_PRIVATE_IP(c, 4), port: 6379, authString: `mock-auth-${hex(c.name, 24)}`, currentLocationId: `${c.region}-a`, serverCaCerts: [{ cert: "-----BEGIN CERTIFICATE-----\nmock\n-----END CERTIFICATE-----" }] }),
    id: (c) => `projects/${c.project}/locations/${c.region}/instances/${c.physical}`,
  },
  "gcp:kms/keyRing:KeyRing": { name: "name", id: (c) => `projects/${c.project}/locations/${str(c.inputs["location"], c.region)}/keyRings/${c.physical}` },
  "gcp:kms/cryptoKey:CryptoKey": { name: "name", id: (c) => `${str(c.inputs["keyRing"], `projects/${c.project}/locations/${c.region}/keyRings/mock`)}/cryptoKeys/${c.physical}` },
  "gcp:storage/bucket:Bucket": { name: "name", computed: (c) => ({ url: `gs://${c.physical}`, selfLink: `https://www.googleapis.com/storage/v1/b/${c.physical}` }) },
  "gcp:compute/globalAddress:GlobalAddress": { name: "name", computed: (c) => ({ address: c.inputs["address"] ?? "10.200.0.0" }) },
  "gcp:compute/subnetwork:Subnetwork": {
    name: "name",
    id: (c) => `projects/${c.project}/regions/${str(c.inputs["region"], c.region)}/subnetworks/${c.physical}`,
    computed: (c) => ({
      gatewayAddress: String(c.inputs["ipCidrRange"] ?? "10.0.0.0/20").replace(/\.\d+\/\d+$/, ".1"),
      selfLink: `https://www.googleapis.com/compute/v1/projects/${c.project}/regions/${str(c.inputs["region"], c.region)}/subnetworks/${c.physical}`,
    }),
  },
  "gcp:serviceaccount/account:Account": {
    computed: (c) => {
      const email = `${str(c.inputs["accountId"], c.name)}@${c.project}.iam.gserviceaccount.com`;
      return { email, member: `serviceAccount:${email}`, uniqueId: `1${hex(c.name, 20).replace(/[a-f]/g, "7")}`, name: `projects/${c.project}/serviceAccounts/${email}` };
    },
  },
  "gcp:projects/serviceIdentity:ServiceIdentity": {
    computed: (c) => {
      const service = str(c.inputs["service"], "mock.googleapis.com").split(".")[0] ?? "mock";
      const email = `service-${MOCK_GCP_PROJECT_NUMBER}@gcp-sa-${service}.iam.gserviceaccount.com`;
      return { email, member: `serviceAccount:${email}` };
    },
  },
  "gcp:container/cluster:Cluster": {
    name: "name",
    computed: (c) => ({ endpoint: GCP_PRIVATE_IP(c, 2), masterAuth: { clusterCaCertificate: "bW9jay1jYQ==" }, location: str(c.inputs["location"], c.region) }),
  },
  "gcp:cloudrunv2/service:Service": { name: "name", computed: (c) => ({ uri: `https://${c.physical}-${hex(c.name, 10)}-uc.a.run.app` }) },
  "gcp:pubsub/topic:Topic": { name: "name", id: (c) => `projects/${c.project}/topics/${c.physical}` },
};

const RANDOM: Record<string, Rule> = {
  "random:index/randomPassword:RandomPassword": { id: () => "none", computed: (c) => ({ result: mockPassword(c), bcryptHash: `$2a$10$${hex(c.name, 53)}` }) },
  "random:index/randomString:RandomString": { id: (c) => mockPassword(c), computed: (c) => ({ result: c.id }) },
  "random:index/randomId:RandomId": {
    id: (c) => Buffer.from(hex(c.name, num(c.inputs["byteLength"], 8) * 2), "hex").toString("base64url"),
    computed: (c) => {
      const h = hex(c.name, num(c.inputs["byteLength"], 8) * 2);
      return { hex: h, dec: BigInt(`0x${h}`).toString(), b64Std: Buffer.from(h, "hex").toString("base64"), b64Url: c.id };
    },
  },
  "random:index/randomPet:RandomPet": { id: (c) => [c.inputs["prefix"], "mock", "pet", hex(c.name, 4)].filter(Boolean).join(str(c.inputs["separator"], "-")) },
  "random:index/randomUuid:RandomUuid": { id: (c) => uuidOf(c.name), computed: (c) => ({ result: c.id }) },
  "random:index/randomInteger:RandomInteger": { computed: (c) => ({ result: num(c.inputs["min"], 0) }), id: (c) => String(num(c.inputs["min"], 0)) },
};

const BUILTIN: Record<string, Rule> = {
  "pulumi:pulumi:StackReference": { id: (c) => str(c.inputs["name"], c.name), computed: () => ({ outputs: {}, secretOutputNames: [] }) },
};

/** Every rule by exact type token. */
export const OUTPUT_RULES: Readonly<Record<string, Rule>> = { ...AWS, ...GCP, ...RANDOM, ...BUILTIN };

/** A deterministic password honouring length and the character-class switches. */
function mockPassword(c: Omit<Ctx, "id">): string {
  const length = num(c.inputs["length"], 16);
  const pools = [
    c.inputs["upper"] === false ? "" : "ABCDEFGHJKLMNPQRSTUVWXYZ",
    c.inputs["lower"] === false ? "" : "abcdefghijkmnopqrstuvwxyz",
    c.inputs["numeric"] === false || c.inputs["number"] === false ? "" : "23456789",
    c.inputs["special"] === false ? "" : str(c.inputs["overrideSpecial"], "!#$%&*()-_=+[]{}<>:?"),
  ].filter((p) => p !== "");
  const all = pools.join("") || "x";
  const digits = hex(`${c.type}/${c.name}`, length * 2);
  let out = "";
  for (let i = 0; i < length; i++) {
    // The first characters walk the pools so every enabled class is present.
    const pool = i < pools.length ? (pools[i] ?? all) : all;
    out += pool[parseInt(digits.slice(i * 2, i * 2 + 2), 16) % pool.length];
  }
  return out;
}

/** Compute Engine collections whose names are not the plural of the type, and the global ones. */
const GCE_COLLECTIONS: Record<string, string> = { GlobalAddress: "addresses", Address: "addresses", RouterNat: "routers" };
const GCE_GLOBAL = new Set(["Network", "Firewall", "Route", "GlobalAddress", "HealthCheck", "BackendService", "Image", "Snapshot"]);

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The generic rule of a package, for types the table does not name. */
function packageRule(type: string): Rule {
  const [pkg, modPath = "", typeName = ""] = type.split(":");
  const mod = modPath.split("/")[0] ?? "";
  switch (pkg) {
    case "aws":
      return { computed: (c) => ({ arn: awsArn(c, ARN_SERVICE[mod] ?? mod, c.physical) }) };
    case "gcp": {
      const collection = mod === "compute" ? (GCE_COLLECTIONS[typeName] ?? `${lowerFirst(typeName)}s`) : `${lowerFirst(typeName)}s`;
      const scope = (c: Ctx | Omit<Ctx, "id">) => (mod !== "compute" ? "" : GCE_GLOBAL.has(typeName) ? "global/" : `regions/${c.region}/`);
      const base = mod === "compute" ? "https://www.googleapis.com/compute/v1/projects" : `https://${mod}.googleapis.com/v1/projects`;
      return {
        name: "name",
        id: (c) => `projects/${c.project}/${scope(c)}${collection}/${c.physical}`,
        computed: (c) => ({ selfLink: `${base}/${c.project}/${scope(c)}${collection}/${c.physical}` }),
      };
    }
    case "kubernetes":
      return {
        id: (c) => {
          const meta = isObject(c.inputs["metadata"]) ? c.inputs["metadata"] : {};
          const ns = meta["namespace"];
          return typeof ns === "string" && ns !== "" ? `${ns}/${c.physical}` : c.physical;
        },
        computed: (c) => ({ metadata: { ...(isObject(c.inputs["metadata"]) ? c.inputs["metadata"] : {}), name: c.physical, uid: uuidOf(`${c.type}/${c.name}`) } }),
      };
    default:
      return {};
  }
}

/** The physical name input of a type (`metadata.name` for Kubernetes). */
function physicalName(type: string, rule: Rule, c: OutputContext): { physical: string; named: boolean } {
  if (type.startsWith("kubernetes:")) {
    const meta = c.inputs["metadata"];
    const n = isObject(meta) ? meta["name"] : undefined;
    // Kubernetes autonaming appends 8 random characters.
    return { physical: typeof n === "string" && n !== "" ? n : `${c.name}-${hex(c.name, 8)}`, named: true };
  }
  if (!rule.name) return { physical: c.existingId ?? c.name, named: false };
  const v = c.inputs[rule.name];
  return { physical: typeof v === "string" && v !== "" ? v : (c.existingId ?? autoname(c.name)), named: true };
}

/** The id and the computed outputs (to merge over the inputs) of a custom resource. */
export function cannedOutputs(c: OutputContext): { id: string; computed: Record<string, unknown> } {
  const rule = OUTPUT_RULES[c.type] ?? packageRule(c.type);
  const { physical, named } = physicalName(c.type, rule, c);
  const base = { ...c, physical, h: hex(c.name) };
  const id = c.existingId ?? (rule.id ? rule.id(base) : named ? physical : `${c.name}-${hex(c.name)}`);
  const ctx: Ctx = { ...base, id };
  const computed: Record<string, unknown> = {};
  if (rule.name && c.inputs[rule.name] === undefined) computed[rule.name] = physical;
  if (c.type.startsWith("aws:") && isObject(c.inputs["tags"])) computed["tagsAll"] = c.inputs["tags"];
  if (rule.computed) Object.assign(computed, rule.computed(ctx));
  return { id, computed };
}
