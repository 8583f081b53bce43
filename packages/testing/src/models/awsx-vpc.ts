// awsx ec2.Vpc (@pulumi/awsx 3, awsx/ec2/vpc.ts): the aws.ec2.Vpc, per AZ a subnet of each
// spec (public ones mapPublicIpOnLaunch) with its own route table, association and default
// route (public: the internet gateway; private: a NAT gateway), the NAT gateways with their EIPs
// per strategy, the internet gateway, and the VPC endpoints. Parents as awsx sets them: the
// Vpc under the component, subnets and the gateway under the Vpc, route tables, EIPs and NAT
// gateways under their subnet, associations and routes under their route table.
import { UNKNOWN } from "../types";
import { format, newBits, nextBlock, parseCidr, subBlock, type Block } from "./cidr";
import { arr, bool, known, num, obj, str, tagsOf, Unmodellable, type Child, type ChildSet, type ComponentModel } from "./types";

interface Spec {
  type: string;
  name?: string;
  cidrMask?: number;
  cidrBlocks?: string[];
  tags?: Record<string, unknown>;
}

interface Planned {
  type: string;
  az: string;
  azIndex: number;
  resourceName: string;
  nameTag: string;
  cidrBlock: string;
  tags: Record<string, unknown>;
}

const VPC_INPUTS = ["assignGeneratedIpv6CidrBlock", "enableDnsHostnames", "enableDnsSupport", "enableNetworkAddressUsageMetrics", "instanceTenancy", "ipv4IpamPoolId", "ipv4NetmaskLength", "ipv6CidrBlock", "ipv6CidrBlockNetworkBorderGroup", "ipv6IpamPoolId", "ipv6NetmaskLength", "region"];
const TYPE_ORDER: Record<string, number> = { public: 0, private: 1, isolated: 2 };
const DEFAULT_SPECS: Spec[] = [{ type: "Private" }, { type: "Public" }];

function specsOf(v: unknown): Spec[] | undefined {
  const list = arr(v);
  if (!list) return undefined;
  return list.map((s, i) => {
    const o = obj(s);
    const type = str(o?.["type"]);
    if (!o || !type) throw new Unmodellable(`subnetSpecs[${i}].type is not a known string`);
    const cidrBlocks = arr(o["cidrBlocks"])?.map((b) => str(b) ?? UNKNOWN);
    return { type, ...(str(o["name"]) ? { name: str(o["name"]) } : {}), ...(num(o["cidrMask"]) ? { cidrMask: num(o["cidrMask"]) } : {}), ...(cidrBlocks ? { cidrBlocks } : {}), ...(obj(o["tags"]) ? { tags: obj(o["tags"]) } : {}) };
  });
}

/** The subnets awsx lays out: names, AZ, CIDR, per the subnet strategy. */
function layout(name: string, vpcCidr: string | undefined, azs: string[], specsIn: Spec[] | undefined, strategy: string, azCidrMask: number | undefined, azNameTags: boolean): Planned[] {
  const explicit = specsIn?.some((s) => s.cidrBlocks !== undefined) ?? false;
  const merged = strategy === "AutoMerge" ? mergeDefaults(specsIn ?? []) : (specsIn ?? DEFAULT_SPECS);
  const vpc = vpcCidr ? parseCidr(vpcCidr) : undefined;
  const cidrs = new Map<string, string>();
  if (!explicit && vpc) {
    const azBits = azCidrMask ?? vpc.bits + newBits(azs.length);
    if (strategy === "Legacy") legacyAllocate(vpc, azs.length, specsIn, azBits, cidrs);
    else autoAllocate(vpc, azs.length, specsIn === undefined || strategy === "AutoMerge" ? withDefaultMasks(merged, azBits) : merged, azBits, cidrs);
  }
  const out: Planned[] = [];
  azs.forEach((az, azIndex) => {
    merged.forEach((spec, specIndex) => {
      const specName = spec.name ?? spec.type.toLowerCase();
      const resourceName = `${name}-${specName}-${azIndex + 1}`;
      const suffix = azNameTags ? az.replace(/^[a-z]{2}(?:-[a-z]+)+-/, "") : `${azIndex + 1}`;
      const cidrBlock = explicit ? (spec.cidrBlocks?.[azIndex] ?? UNKNOWN) : (cidrs.get(`${azIndex}#${specIndex}`) ?? UNKNOWN);
      out.push({ type: spec.type, az, azIndex, resourceName, nameTag: `${name}-${specName}-${suffix}`, cidrBlock, tags: spec.tags ?? {} });
    });
  });
  return out;
}

function mergeDefaults(user: Spec[]): Spec[] {
  const overrides = new Map<string, Spec>();
  const extra: Spec[] = [];
  for (const s of user) {
    if (DEFAULT_SPECS.some((d) => d.type.toLowerCase() === s.type.toLowerCase()) && s.name === undefined) overrides.set(s.type.toLowerCase(), s);
    else extra.push(s);
  }
  return [...DEFAULT_SPECS.map((d) => ({ ...d, ...overrides.get(d.type.toLowerCase()) })), ...extra];
}

function withDefaultMasks(specs: Spec[], azBits: number): Spec[] {
  // awsx's defaults: private /(max(az,16)+1), public /(max(az,16)+2).
  const top = Math.max(azBits, 16);
  return specs.map((s) => (s.cidrMask !== undefined ? s : { ...s, cidrMask: s.type.toLowerCase() === "private" ? top + 1 : s.type.toLowerCase() === "public" ? top + 2 : undefined }));
}

/** The "Auto" allocator (subnetDistributorNew): each AZ's block filled in spec order. */
function autoAllocate(vpc: Block, azCount: number, specs: Spec[], azBits: number, into: Map<string, string>): void {
  const defaultBits = azBits + newBits(specs.length);
  for (let az = 0; az < azCount; az++) {
    const azBlock = subBlock(vpc, azBits, az);
    let current: Block | undefined;
    specs.forEach((s, i) => {
      const bits = s.cidrMask ?? defaultBits;
      current = current === undefined ? { base: azBlock.base, bits } : nextBlock(current, bits);
      into.set(`${az}#${i}`, format(current));
    });
  }
}

/** The "Legacy" allocator (subnetDistributorLegacy), for its common layouts: private /19, public /20, isolated /24 per AZ block. */
function legacyAllocate(vpc: Block, azCount: number, specsIn: Spec[] | undefined, azBits: number, into: Map<string, string>): void {
  const azBase = (az: number) => subBlock(vpc, azBits, az);
  if (specsIn === undefined) {
    for (let az = 0; az < azCount; az++) {
      const base = azBase(az);
      const priv: Block = { base: base.base, bits: base.bits + 1 };
      into.set(`${az}#0`, format(priv));
      into.set(`${az}#1`, format(subBlock({ base: priv.base + 2 ** (32 - priv.bits), bits: priv.bits }, priv.bits + 1, 0)));
    }
    return;
  }
  const extraBits = specsIn.length === 1 ? 0 : 1;
  for (let az = 0; az < azCount; az++) {
    const base = azBase(az);
    let current: Block | undefined;
    for (const type of ["private", "public", "isolated"]) {
      specsIn.forEach((s, i) => {
        if (s.type.toLowerCase() !== type) return;
        const floor = type === "private" ? 19 : type === "public" ? 20 : 24;
        const bits = s.cidrMask ?? Math.max(base.bits + extraBits, floor);
        current = current === undefined ? { base: base.base, bits } : nextBlock(current, bits);
        into.set(`${az}#${i}`, format(current));
      });
    }
  }
}

function build(set: ChildSet): Record<string, unknown> {
  const { ctx } = set;
  const inputs = ctx.inputs;
  const name = ctx.name;
  for (const k of ["availabilityZoneNames", "numberOfAvailabilityZones", "subnetSpecs", "natGateways", "subnetStrategy", "vpcEndpointSpecs"]) known(inputs[k], k);
  const azNames = arr(inputs["availabilityZoneNames"])?.map((a, i) => str(a) ?? unknownInput(`availabilityZoneNames[${i}]`));
  const azs = azNames ?? Array.from({ length: num(inputs["numberOfAvailabilityZones"]) ?? 3 }, (_, i) => `${ctx.region}${"abcdefgh"[i] ?? "a"}`);
  const nat = obj(inputs["natGateways"]);
  known(nat?.["strategy"], "natGateways.strategy");
  const natStrategy = (str(nat?.["strategy"]) ?? "OnePerAz").toLowerCase();
  const allocationIds = arr(nat?.["elasticIpAllocationIds"]) ?? [];
  const strategy = str(inputs["subnetStrategy"]) ?? "Legacy";
  const userTags = tagsOf(inputs["tags"]);
  const sharedTags = { Name: name, ...userTags };
  const cidrBlock = inputs["cidrBlock"] === UNKNOWN ? UNKNOWN : (str(inputs["cidrBlock"]) ?? (inputs["ipv4IpamPoolId"] !== undefined ? undefined : "10.0.0.0/16"));

  const vpcInputs: Record<string, unknown> = { cidrBlock, tags: sharedTags };
  for (const k of VPC_INPUTS) if (inputs[k] !== undefined) vpcInputs[k] = inputs[k];
  const vpc = set.add("aws:ec2/vpc:Vpc", name, vpcInputs);
  const region = inputs["region"];
  const igw = set.add("aws:ec2/internetGateway:InternetGateway", name, { region, vpcId: set.ref(vpc), tags: sharedTags }, { parent: vpc, dependsOn: [vpc], id: `igw-${hexOf(set, vpc, "igw")}` });

  const planned = layout(name, typeof cidrBlock === "string" && cidrBlock !== UNKNOWN ? cidrBlock : undefined, azs, specsOf(inputs["subnetSpecs"]), strategy, num(inputs["availabilityZoneCidrMask"]), str(inputs["subnetNameTagStrategy"]) === "AvailabilityZone");
  const subnets: Child[] = [];
  const placed: { subnet: Child; az: string; kind: string }[] = [];
  const byType: Record<string, Child[]> = { public: [], private: [], isolated: [] };
  const routeTables: Child[] = [];
  const associations: Child[] = [];
  const routes: Child[] = [];
  const natGateways: Child[] = [];
  const eips: Child[] = [];
  azs.forEach((_, i) => {
    const here = planned.filter((p) => p.azIndex === i).sort((a, b) => (TYPE_ORDER[a.type.toLowerCase()] ?? 2) - (TYPE_ORDER[b.type.toLowerCase()] ?? 2));
    for (const p of here) {
      const kind = p.type.toLowerCase();
      const subnet = set.add(
        "aws:ec2/subnet:Subnet",
        p.resourceName,
        { region, vpcId: set.ref(vpc), availabilityZone: p.az, mapPublicIpOnLaunch: kind === "public", cidrBlock: p.cidrBlock, assignIpv6AddressOnCreation: bool(inputs["assignGeneratedIpv6CidrBlock"]) ?? false, tags: { ...sharedTags, ...p.tags, Name: p.nameTag, SubnetType: p.type } },
        { parent: vpc, dependsOn: [vpc] },
      );
      subnets.push(subnet);
      placed.push({ subnet, az: p.az, kind });
      (byType[kind] ?? byType["isolated"])?.push(subnet);
      const table = set.add("aws:ec2/routeTable:RouteTable", p.resourceName, { region, vpcId: set.ref(vpc), tags: { ...sharedTags, Name: p.nameTag, SubnetType: p.type } }, { parent: subnet, dependsOn: [subnet], id: `rtb-${hexOf(set, subnet, "rtb")}` });
      routeTables.push(table);
      associations.push(set.add("aws:ec2/routeTableAssociation:RouteTableAssociation", p.resourceName, { region, routeTableId: set.ref(table), subnetId: set.ref(subnet) }, { parent: table, dependsOn: [table], id: `rtbassoc-${hexOf(set, table, "rtbassoc")}` }));
      const wantsNat = kind === "public" && (natStrategy === "single" ? natGateways.length < 1 : natStrategy === "oneperaz" ? natGateways.length < i + 1 : false);
      if (wantsNat) {
        const natName = `${name}-${i + 1}`;
        const createEip = allocationIds.length === 0;
        let allocationId: unknown = allocationIds[i];
        if (createEip) {
          const eip = set.add("aws:ec2/eip:Eip", natName, { region, tags: { ...userTags, Name: natName } }, { parent: subnet, dependsOn: [subnet], id: `eipalloc-${hexOf(set, subnet, "eip")}`, computed: (id) => ({ allocationId: id, publicIp: `52.0.${eips.length}.${10 + eips.length}`, domain: "vpc" }) });
          eips.push(eip);
          allocationId = set.ref(eip, "allocationId");
        }
        natGateways.push(set.add("aws:ec2/natGateway:NatGateway", natName, { region, subnetId: set.ref(subnet), allocationId, tags: { ...userTags, Name: natName } }, { parent: subnet, dependsOn: [subnet], id: `nat-${hexOf(set, subnet, "nat")}`, computed: () => ({ connectivityType: "public" }) }));
      }
      if (kind === "public") {
        routes.push(set.add("aws:ec2/route:Route", p.resourceName, { region, routeTableId: set.ref(table), gatewayId: set.ref(igw), destinationCidrBlock: "0.0.0.0/0" }, { parent: table, dependsOn: [table] }));
      } else if (kind === "private" && natStrategy !== "none") {
        const gateway = natStrategy === "single" ? natGateways[0] : natGateways[i];
        if (!gateway) throw new Unmodellable(`NAT strategy '${natStrategy}' needs a public subnet in each AZ to host the NAT gateway (awsx rejects this layout)`);
        routes.push(set.add("aws:ec2/route:Route", p.resourceName, { region, routeTableId: set.ref(table), natGatewayId: set.ref(gateway), destinationCidrBlock: "0.0.0.0/0" }, { parent: table, dependsOn: [table] }));
      }
    }
  });

  // Endpoints; with vpcEndpointStrategy "Auto", awsx fills in what a spec leaves out: an interface
  // endpoint gets one subnet per AZ (private first), private DNS and its own security group open
  // on 443 to the VPC's range; a gateway endpoint gets every route table.
  const auto = str(inputs["vpcEndpointStrategy"]) === "Auto";
  const endpoints = (arr(inputs["vpcEndpointSpecs"]) ?? []).map((e, i) => {
    const spec = obj(e) ?? {};
    const serviceName = str(spec["serviceName"]) ?? unknownInput(`vpcEndpointSpecs[${i}].serviceName`);
    const { tags, ...rest } = spec;
    const endpointType = (str(spec["vpcEndpointType"]) ?? "Gateway").toLowerCase();
    const extra: Record<string, unknown> = {};
    const endpointRegion = spec["region"] ?? region;
    if (auto && endpointType === "interface") {
      if (spec["subnetIds"] === undefined && spec["subnetConfigurations"] === undefined) {
        extra["subnetIds"] = azs.flatMap((az) => {
          const pick = ["private", "isolated", "public"].map((k) => placed.find((p) => p.az === az && p.kind === k)?.subnet).find((x) => x !== undefined);
          return pick ? [set.ref(pick)] : [];
        });
      }
      if (spec["privateDnsEnabled"] === undefined) extra["privateDnsEnabled"] = true;
      if (spec["securityGroupIds"] === undefined) {
        const sg = set.add("aws:ec2/securityGroup:SecurityGroup", `${serviceName}-sg`, { region: endpointRegion, vpcId: set.ref(vpc), tags: { ...sharedTags, ...tagsOf(tags) } }, { parent: vpc, dependsOn: [vpc] });
        set.add("aws:ec2/securityGroupRule:SecurityGroupRule", `${serviceName}-ingress`, { region: endpointRegion, type: "ingress", securityGroupId: set.ref(sg), protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [set.ref(vpc, "cidrBlock")] }, { parent: vpc, dependsOn: [sg] });
        extra["securityGroupIds"] = [set.ref(sg)];
      }
    }
    if (auto && endpointType === "gateway" && spec["routeTableIds"] === undefined) extra["routeTableIds"] = routeTables.map((t) => set.ref(t));
    return set.add("aws:ec2/vpcEndpoint:VpcEndpoint", serviceName, { ...rest, ...extra, region: endpointRegion, vpcId: set.ref(vpc), tags: { ...sharedTags, ...tagsOf(tags) } }, { parent: vpc, dependsOn: [vpc], id: `vpce-${hexOf(set, vpc, serviceName)}` });
  });

  const plain = (c: Child) => ({ ...c.outputs, id: c.id });
  const ids = (cs: Child[]) => cs.map((c) => c.id);
  return {
    vpcId: vpc.id,
    vpc: plain(vpc),
    subnets: subnets.map(plain),
    publicSubnets: (byType["public"] ?? []).map(plain),
    privateSubnets: (byType["private"] ?? []).map(plain),
    isolatedSubnets: (byType["isolated"] ?? []).map(plain),
    publicSubnetIds: ids(byType["public"] ?? []),
    privateSubnetIds: ids(byType["private"] ?? []),
    isolatedSubnetIds: ids(byType["isolated"] ?? []),
    natGateways: natGateways.map(plain),
    eips: eips.map(plain),
    internetGateway: plain(igw),
    routeTables: routeTables.map(plain),
    routeTableAssociations: associations.map(plain),
    routes: routes.map(plain),
    vpcEndpoints: endpoints.map(plain),
    subnetLayout: [...new Set(planned.map((p) => p.type))].map((type) => ({ type })),
  };
}

function unknownInput(input: string): never {
  throw new Unmodellable(`its input '${input}' is not a known string`);
}

/** 17 hex digits for an AWS-style id, derived from a child's name and a salt. */
function hexOf(set: ChildSet, child: Child, salt: string): string {
  return set.hex(`${child.name}/${salt}`, 17);
}

export const awsxVpc: ComponentModel = {
  summary: "aws.ec2.Vpc, subnets per AZ and spec, route tables, associations, routes, internet gateway, NAT gateways and EIPs per strategy, VPC endpoints",
  build,
};
