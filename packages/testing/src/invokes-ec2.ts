// Canned EC2 lookups (getAmi, getVpc, getSubnets, getSubnet). These are the MOCK ENGINE'S values,
// not the account's: a VPC or subnet the program itself created (or an awsx Vpc's modelled ones) is
// answered from the recorded graph; anything else gets a deterministic made-up answer of the same
// shape. Property names are the SDK's (@pulumi/aws 7 `Get*Result`). Supply real values with `--mocks`.
import { hex } from "./ids";
import type { InvokeContext } from "./invokes";
import { isObject } from "./wire";

type Args = Record<string, unknown>;
type Subnet = { id: string; vpcId: string; cidrBlock: string; availabilityZone: string; mapPublicIpOnLaunch: boolean; defaultForAz: boolean; tags: Record<string, string> };
type Vpc = { id: string; cidrBlock: string; default: boolean; tags: Record<string, string> };

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const tagsOf = (v: unknown): Record<string, string> => (isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) : {});
const arn = (c: InvokeContext, resource: string) => `arn:aws:ec2:${c.region}:${c.account}:${resource}`;
const zoneId = (c: InvokeContext, i: number) => `${c.region.replace(/^(\w\w)-(\w)\w+-(\d)$/, "$1$2$3")}-az${i + 1}`;

/** The `filters` argument as name → accepted values. */
function filtersOf(args: Args): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!Array.isArray(args["filters"])) return out;
  for (const f of args["filters"]) {
    if (isObject(f) && typeof f["name"] === "string" && Array.isArray(f["values"])) out.set(f["name"], f["values"].map(String));
  }
  return out;
}

/** An EC2 filter value match: `*` and `?` are wildcards. */
function wildcard(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  return re.test(value);
}

/** Whether a subnet or VPC passes the EC2 filters and `tags` of a lookup (a filter the mock does not model passes). */
function passes(fields: Record<string, string>, tags: Record<string, string>, args: Args): boolean {
  for (const [name, values] of filtersOf(args)) {
    if (name === "tag-key") {
      if (!values.some((v) => Object.keys(tags).some((k) => wildcard(v, k)))) return false;
      continue;
    }
    const isTag = name.startsWith("tag:");
    if (!isTag && !(name in fields)) continue;
    const actual = isTag ? tags[name.slice(4)] : fields[name];
    if (actual === undefined || !values.some((v) => wildcard(v, actual))) return false;
  }
  for (const [k, v] of Object.entries(tagsOf(args["tags"]))) if (tags[k] !== v) return false;
  return true;
}

// ---- what the program created ------------------------------------------------------------------

function recordedVpcs(c: InvokeContext): Vpc[] {
  const out: Vpc[] = [];
  for (const r of c.resources) {
    if (r.type === "aws:ec2/vpc:Vpc" && typeof r.id === "string") out.push({ id: r.id, cidrBlock: str(r.outputs["cidrBlock"]) ?? "10.0.0.0/16", default: false, tags: tagsOf(r.outputs["tags"]) });
    const v = r.type === "awsx:ec2:Vpc" ? r.outputs["vpc"] : undefined;
    if (isObject(v) && typeof v["id"] === "string") out.push({ id: v["id"], cidrBlock: str(v["cidrBlock"]) ?? "10.0.0.0/16", default: false, tags: tagsOf(v["tags"]) });
  }
  return out;
}

function recordedSubnets(c: InvokeContext): Subnet[] {
  const out = new Map<string, Subnet>();
  const add = (s: Record<string, unknown>, id: unknown) => {
    if (typeof id !== "string" || typeof s["vpcId"] !== "string") return;
    out.set(id, {
      id,
      vpcId: s["vpcId"],
      cidrBlock: str(s["cidrBlock"]) ?? "",
      availabilityZone: str(s["availabilityZone"]) ?? `${c.region}a`,
      mapPublicIpOnLaunch: s["mapPublicIpOnLaunch"] === true,
      defaultForAz: false,
      tags: tagsOf(s["tags"]),
    });
  };
  for (const r of c.resources) {
    if (r.type === "aws:ec2/subnet:Subnet") add(r.outputs, r.id);
    if (r.type === "awsx:ec2:Vpc" && Array.isArray(r.outputs["subnets"])) for (const s of r.outputs["subnets"]) if (isObject(s)) add(s, s["id"]);
  }
  return [...out.values()];
}

// ---- made-up answers -----------------------------------------------------------------------

/** The region's default VPC, as AWS creates it (172.31.0.0/16, one public /20 per zone). */
function defaultVpc(c: InvokeContext): Vpc {
  return { id: `vpc-${hex(`default/${c.region}`, 17)}`, cidrBlock: "172.31.0.0/16", default: true, tags: {} };
}

/** Three subnets, one per zone, of a VPC the program did not create. */
function cannedSubnets(c: InvokeContext, vpc: Vpc): Subnet[] {
  return ["a", "b", "c"].map((az, i) => ({
    id: `subnet-${hex(`${vpc.id}/${i}`, 17)}`,
    vpcId: vpc.id,
    cidrBlock: vpc.default ? `172.31.${i * 16}.0/20` : `10.0.${i * 32}.0/19`,
    availabilityZone: `${c.region}${az}`,
    mapPublicIpOnLaunch: vpc.default,
    defaultForAz: vpc.default,
    tags: {},
  }));
}

/** The VPC a lookup names: by id, `default`, or filters and tags over the recorded ones; else made up. */
function findVpc(args: Args, c: InvokeContext): Vpc {
  const id = str(args["id"]);
  const known = recordedVpcs(c);
  if (id) return known.find((v) => v.id === id) ?? (id === defaultVpc(c).id ? defaultVpc(c) : { id, cidrBlock: str(args["cidrBlock"]) ?? "10.0.0.0/16", default: false, tags: tagsOf(args["tags"]) });
  if (args["default"] === true) return defaultVpc(c);
  const match = known.find((v) => passes({ "vpc-id": v.id, "cidr-block": v.cidrBlock, cidr: v.cidrBlock, "is-default": String(v.default) }, v.tags, args));
  return match ?? { id: `vpc-${hex(JSON.stringify(args), 17)}`, cidrBlock: str(args["cidrBlock"]) ?? "10.0.0.0/16", default: false, tags: tagsOf(args["tags"]) };
}

/** All subnets a lookup can see: the recorded ones, plus made-up ones of a VPC it names but the program did not create. */
function candidateSubnets(args: Args, c: InvokeContext): Subnet[] {
  const known = recordedSubnets(c);
  const named = [...(filtersOf(args).get("vpc-id") ?? []), ...(str(args["vpcId"]) ? [String(args["vpcId"])] : [])];
  const unknownVpcs = named.filter((id) => !known.some((s) => s.vpcId === id));
  const made = unknownVpcs.flatMap((id) => cannedSubnets(c, findVpc({ id }, c)));
  // Nothing named, nothing created: the account's default VPC is what AWS would list.
  if (named.length === 0 && known.length === 0) made.push(...cannedSubnets(c, defaultVpc(c)));
  return [...known, ...made];
}

function subnetFields(s: Subnet): Record<string, string> {
  return {
    "vpc-id": s.vpcId,
    "subnet-id": s.id,
    "availability-zone": s.availabilityZone,
    "cidr-block": s.cidrBlock,
    cidr: s.cidrBlock,
    "map-public-ip-on-launch": String(s.mapPublicIpOnLaunch),
    "default-for-az": String(s.defaultForAz),
  };
}

function subnetResult(s: Subnet, c: InvokeContext): Record<string, unknown> {
  const az = s.availabilityZone;
  return {
    id: s.id,
    arn: arn(c, `subnet/${s.id}`),
    vpcId: s.vpcId,
    cidrBlock: s.cidrBlock,
    availabilityZone: az,
    availabilityZoneId: zoneId(c, Math.max(0, "abcdef".indexOf(az.slice(-1)))),
    availableIpAddressCount: 4091,
    assignIpv6AddressOnCreation: false,
    customerOwnedIpv4Pool: "",
    defaultForAz: s.defaultForAz,
    enableDns64: false,
    enableLniAtDeviceIndex: 0,
    enableResourceNameDnsARecordOnLaunch: false,
    enableResourceNameDnsAaaaRecordOnLaunch: false,
    ipv6CidrBlock: "",
    ipv6CidrBlockAssociationId: "",
    ipv6Native: false,
    mapCustomerOwnedIpOnLaunch: false,
    mapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
    outpostArn: "",
    ownerId: c.account,
    privateDnsHostnameTypeOnLaunch: "ip-name",
    region: c.region,
    state: "available",
    tags: s.tags,
  };
}

// ---- the canned functions ------------------------------------------------------------------

export function getVpc(args: Args, c: InvokeContext): Record<string, unknown> {
  const v = findVpc(args, c);
  return {
    id: v.id,
    arn: arn(c, `vpc/${v.id}`),
    cidrBlock: v.cidrBlock,
    cidrBlockAssociations: [{ associationId: `vpc-cidr-assoc-${hex(v.id, 17)}`, cidrBlock: v.cidrBlock, state: "associated" }],
    default: v.default,
    dhcpOptionsId: `dopt-${hex(c.region, 17)}`,
    enableDnsHostnames: true,
    enableDnsSupport: true,
    enableNetworkAddressUsageMetrics: false,
    instanceTenancy: "default",
    ipv6AssociationId: "",
    ipv6CidrBlock: "",
    ipv6CidrBlockAssociations: [],
    mainRouteTableId: `rtb-${hex(`${v.id}/main`, 17)}`,
    ownerId: c.account,
    region: c.region,
    state: "available",
    tags: v.tags,
  };
}

export function getSubnets(args: Args, c: InvokeContext): Record<string, unknown> {
  const ids = candidateSubnets(args, c)
    .filter((s) => passes(subnetFields(s), s.tags, args))
    .map((s) => s.id);
  return { id: c.region, ids, region: c.region, tags: tagsOf(args["tags"]), ...(args["filters"] ? { filters: args["filters"] } : {}) };
}

export function getSubnet(args: Args, c: InvokeContext): Record<string, unknown> {
  const id = str(args["id"]);
  const candidates = candidateSubnets(args, c);
  const wanted = (s: Subnet) =>
    (!id || s.id === id) &&
    (!str(args["vpcId"]) || s.vpcId === args["vpcId"]) &&
    (!str(args["availabilityZone"]) || s.availabilityZone === args["availabilityZone"]) &&
    (!str(args["cidrBlock"]) || s.cidrBlock === args["cidrBlock"]) &&
    (args["defaultForAz"] === undefined || s.defaultForAz === args["defaultForAz"]) &&
    passes(subnetFields(s), s.tags, args);
  const found = candidates.find(wanted);
  if (found) return subnetResult(found, c);
  // A subnet id from config or another stack: made up around the id it was asked for.
  const vpc = findVpc(str(args["vpcId"]) ? { id: args["vpcId"] } : {}, c);
  const [first] = cannedSubnets(c, vpc);
  if (!first) throw new Error("aws:ec2/getSubnet: no canned subnet");
  const made = { ...first, ...(id ? { id } : {}), ...(str(args["availabilityZone"]) ? { availabilityZone: String(args["availabilityZone"]) } : {}) };
  return subnetResult(made, c);
}

/** Owner aliases the AMI lookups use, and the accounts behind them. */
const OWNER_ACCOUNTS: Record<string, string> = { amazon: "137112412989", "aws-marketplace": "679593333241", canonical: "099720109477" };

export function getAmi(args: Args, c: InvokeContext): Record<string, unknown> {
  const filters = filtersOf(args);
  const namePattern = filters.get("name")?.[0] ?? "mock-image-*";
  const name = namePattern.replace(/\*/g, "20250101").replace(/\?/g, "0");
  const architecture = filters.get("architecture")?.[0] ?? (/arm64|aarch64/.test(name) ? "arm64" : "x86_64");
  const owners = Array.isArray(args["owners"]) ? args["owners"].map(String) : [];
  const owner = owners[0] ?? "self";
  const ownerId = /^\d{12}$/.test(owner) ? owner : owner === "self" ? c.account : (OWNER_ACCOUNTS[owner] ?? c.account);
  const id = `ami-${hex(`${c.region}/${JSON.stringify(args)}`, 17)}`;
  const snapshot = `snap-${hex(id, 17)}`;
  return {
    id,
    imageId: id,
    arn: `arn:aws:ec2:${c.region}::image/${id}`,
    architecture,
    name,
    description: `Mock image matching ${namePattern}`,
    creationDate: "2025-01-01T00:00:00.000Z",
    deprecationTime: "2027-01-01T00:00:00.000Z",
    lastLaunchedTime: "",
    blockDeviceMappings: [
      {
        deviceName: "/dev/xvda",
        ebs: { delete_on_termination: "true", encrypted: "false", iops: "3000", snapshot_id: snapshot, throughput: "125", volume_size: "8", volume_type: "gp3" },
        noDevice: "",
        virtualName: "",
      },
    ],
    bootMode: architecture === "arm64" ? "uefi" : "uefi-preferred",
    enaSupport: true,
    hypervisor: "xen",
    imageLocation: `${owner === "self" ? c.account : owner}/${name}`,
    imageOwnerAlias: owner in OWNER_ACCOUNTS ? owner : "",
    imageType: "machine",
    imdsSupport: "v2.0",
    kernelId: "",
    ownerId,
    platform: "",
    platformDetails: "Linux/UNIX",
    productCodes: [],
    public: owner !== "self",
    ramdiskId: "",
    region: c.region,
    rootDeviceName: "/dev/xvda",
    rootDeviceType: "ebs",
    rootSnapshotId: snapshot,
    sriovNetSupport: "simple",
    state: "available",
    stateReason: { code: "UNSET", message: "UNSET" },
    tags: {},
    tpmSupport: "",
    usageOperation: "RunInstances",
    virtualizationType: "hvm",
    ...(args["mostRecent"] !== undefined ? { mostRecent: args["mostRecent"] } : {}),
    ...(owners.length > 0 ? { owners } : {}),
    ...(args["filters"] ? { filters: args["filters"] } : {}),
  };
}
