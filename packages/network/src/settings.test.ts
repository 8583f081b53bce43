import { describe, expect, it } from "@jest/globals";
import { ConfigError, NETWORK_DEFAULTS, isAligned, networkSettings, overlaps, parseCidr, resolveSettings, resolveStackConfig, type Backend, type NetworkSettings, type Tier } from "@mlops/core";

const issues = (settings: Record<string, unknown>, backend: Backend = "aws", tier: Tier = "dev") => {
  const r = resolveSettings(networkSettings, settings, { backend, tier });
  return r.ok ? [] : r.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};
const complete = (settings: NetworkSettings = {}, backend: Backend = "aws", tier: Tier = "dev") => {
  const r = resolveSettings(networkSettings, settings, { backend, tier });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

describe("Network settings defaults", () => {
  it.each([
    ["dev", 2, "single", false],
    ["staging", 2, "single", true],
    ["prod", 3, "one-per-az", true],
  ] as const)("%s: %i AZs, NAT %s, VPC endpoints %s, flow logs on", (tier, azCount, natGateways, vpcEndpoints) => {
    expect(complete({}, "aws", tier)).toEqual({ cidr: "10.0.0.0/16", azCount, natGateways, flowLogs: true, vpcEndpoints, privateServicesCidr: "10.100.0.0/16", podsCidr: "10.64.0.0/14", servicesCidr: "10.68.0.0/20" });
  });

  it("keeps every value the caller set", () => {
    const set = { cidr: "10.8.0.0/20", azCount: 2, natGateways: "one-per-az", flowLogs: false, vpcEndpoints: false } as const;
    expect(complete(set, "aws", "prod")).toMatchObject(set);
    const gcp = { cidr: "10.8.0.0/20", privateServicesCidr: "10.9.0.0/24", podsCidr: "10.128.0.0/9", servicesCidr: "10.10.0.0/24" } as const;
    expect(complete(gcp, "gcp", "prod")).toMatchObject(gcp);
  });

  it("has defaults that do not overlap each other", () => {
    const ranges = Object.values(NETWORK_DEFAULTS);
    for (const a of ranges) for (const b of ranges) if (a !== b) expect({ a, b, overlap: overlaps(a, b) }).toEqual({ a, b, overlap: false });
    expect(issues({}, "gcp", "prod")).toEqual([]);
  });
});

describe("Network settings limits (the component and the stack config share them)", () => {
  it.each([
    ["cidr", "10.0.0.0/15", 'cidr: "10.0.0.0/15" is not allowed: must be an IPv4 CIDR block from /16 to /24, e.g. "10.0.0.0/16" (room for the subnets of 2-3 zones)'],
    ["cidr", "10.0.0.0/25", 'cidr: "10.0.0.0/25" is not allowed: must be an IPv4 CIDR block from /16 to /24, e.g. "10.0.0.0/16" (room for the subnets of 2-3 zones)'],
    ["cidr", "10.0.1.0/16", 'cidr: "10.0.1.0/16" is not allowed: must have no address bits set past the prefix, e.g. "10.0.0.0/16"'],
    ["cidr", "10.0.300.0/24", 'cidr: "10.0.300.0/24" is not allowed: must be an IPv4 CIDR block such as "10.0.0.0/16"'],
    ["cidr", "fd00::/56", 'cidr: "fd00::/56" is not allowed: must be an IPv4 CIDR block such as "10.0.0.0/16"'],
    ["azCount", 1, "azCount: 1 is not allowed: must be >= 2"],
    ["azCount", 4, "azCount: 4 is not allowed: must be <= 3"],
    ["azCount", 2.5, "azCount: 2.5 is not allowed: expected int"],
    ["natGateways", "none", 'natGateways: "none" is not allowed; allowed: "single", "one-per-az"'],
    ["flowLogs", "yes", 'flowLogs: "yes" is not allowed: expected boolean'],
    ["vpcEndpoints", 1, "vpcEndpoints: 1 is not allowed: expected boolean"],
  ] as const)("aws %s = %j", (key, value, message) => {
    expect(issues({ [key]: value })).toEqual([message]);
  });

  it.each([
    ["privateServicesCidr", "10.100.0.0/15", 'privateServicesCidr: "10.100.0.0/15" is not allowed: must be an IPv4 CIDR block from /16 to /24, e.g. "10.100.0.0/16" (private services access needs at least a /24)'],
    ["privateServicesCidr", "10.100.0.0/25", 'privateServicesCidr: "10.100.0.0/25" is not allowed: must be an IPv4 CIDR block from /16 to /24, e.g. "10.100.0.0/16" (private services access needs at least a /24)'],
    ["podsCidr", "10.0.0.0/8", 'podsCidr: "10.0.0.0/8" is not allowed: must be an IPv4 CIDR block from /9 to /21, e.g. "10.64.0.0/14" (each node takes a /24, a /21 holds 8 nodes)'],
    ["podsCidr", "10.64.0.0/22", 'podsCidr: "10.64.0.0/22" is not allowed: must be an IPv4 CIDR block from /9 to /21, e.g. "10.64.0.0/14" (each node takes a /24, a /21 holds 8 nodes)'],
    ["podsCidr", "10.65.0.0/14", 'podsCidr: "10.65.0.0/14" is not allowed: must have no address bits set past the prefix, e.g. "10.64.0.0/14"'],
    ["servicesCidr", "10.68.0.0/15", 'servicesCidr: "10.68.0.0/15" is not allowed: must be an IPv4 CIDR block from /16 to /24, e.g. "10.68.0.0/20" (at least 256 Service addresses)'],
    ["servicesCidr", "10.68.0.0/25", 'servicesCidr: "10.68.0.0/25" is not allowed: must be an IPv4 CIDR block from /16 to /24, e.g. "10.68.0.0/20" (at least 256 Service addresses)'],
  ] as const)("gcp %s = %j", (key, value, message) => {
    expect(issues({ [key]: value }, "gcp")).toEqual([message]);
  });

  it("accepts the bounds", () => {
    expect(issues({ cidr: "10.0.0.0/24", azCount: 3 })).toEqual([]);
    expect(issues({ cidr: "10.0.0.0/16", azCount: 2 })).toEqual([]);
    expect(issues({ privateServicesCidr: "10.100.0.0/24", podsCidr: "10.128.0.0/9", servicesCidr: "10.68.0.0/16" }, "gcp")).toEqual([]);
    expect(issues({ podsCidr: "10.64.0.0/21", servicesCidr: "10.68.0.0/24" }, "gcp")).toEqual([]);
  });

  it("rejects an unknown key", () => {
    expect(issues({ subnets: 4 })).toEqual(['subnets: unknown key "subnets"']);
  });
});

describe("Network settings rules across keys and backends", () => {
  it("rejects the gcp-only keys on aws and the aws-only keys on gcp, naming the key", () => {
    expect(issues({ privateServicesCidr: "10.100.0.0/16", podsCidr: "10.64.0.0/14", servicesCidr: "10.68.0.0/20" }, "aws")).toEqual([
      'privateServicesCidr: "10.100.0.0/16" is not allowed on aws: privateServicesCidr has an effect on gcp only (it reserves the GCP private services access range); remove it',
      'podsCidr: "10.64.0.0/14" is not allowed on aws: podsCidr has an effect on gcp only (it is a GKE secondary range); remove it',
      'servicesCidr: "10.68.0.0/20" is not allowed on aws: servicesCidr has an effect on gcp only (it is a GKE secondary range); remove it',
    ]);
    expect(issues({ azCount: 3, natGateways: "single", vpcEndpoints: true }, "gcp")).toEqual([
      "azCount: 3 is not allowed on gcp: azCount has an effect on aws only (a GCP subnetwork is regional); remove it",
      'natGateways: "single" is not allowed on gcp: natGateways has an effect on aws only (Cloud NAT is regional, one per region); remove it',
      "vpcEndpoints: true is not allowed on gcp: vpcEndpoints has an effect on aws only (Private Google Access is always on); remove it",
    ]);
  });

  it("rejects every key on kubernetes, where no network is built", () => {
    expect(issues({ cidr: "10.0.0.0/16", flowLogs: true }, "kubernetes")).toEqual([
      'cidr: "10.0.0.0/16" is not allowed on kubernetes: no network is built in-cluster (the namespace and its NetworkPolicies are the boundary); remove the network section',
      "flowLogs: true is not allowed on kubernetes: no network is built in-cluster (the namespace and its NetworkPolicies are the boundary); remove the network section",
    ]);
    expect(issues({}, "kubernetes")).toEqual([]);
  });

  it("rejects overlapping gcp ranges on the key that was set", () => {
    // A set range colliding with a default: reported on the set key, the default named as such.
    expect(issues({ cidr: "10.64.0.0/16" }, "gcp")).toEqual([
      'cidr: "10.64.0.0/16" is not allowed: overlaps podsCidr ("10.64.0.0/14", its default); the subnetwork\'s ranges and the private services range must not overlap',
    ]);
    expect(issues({ privateServicesCidr: "10.0.128.0/24" }, "gcp")).toEqual([
      'privateServicesCidr: "10.0.128.0/24" is not allowed: overlaps cidr ("10.0.0.0/16", its default); the subnetwork\'s ranges and the private services range must not overlap',
    ]);
    // Two set ranges: reported on the later key.
    expect(issues({ podsCidr: "10.128.0.0/14", servicesCidr: "10.129.0.0/20" }, "gcp")).toEqual([
      'servicesCidr: "10.129.0.0/20" is not allowed: overlaps podsCidr ("10.128.0.0/14"); the subnetwork\'s ranges and the private services range must not overlap',
    ]);
    // On aws only the VPC CIDR is used, whatever the gcp defaults are.
    expect(issues({ cidr: "10.64.0.0/16" }, "aws")).toEqual([]);
  });
});

describe("CIDR arithmetic", () => {
  it("parses, aligns and overlaps IPv4 blocks", () => {
    expect(parseCidr("10.1.2.0/24")).toEqual({ start: 167838208, prefix: 24 });
    expect(parseCidr("256.0.0.0/8")).toBeUndefined();
    expect(parseCidr("10.0.0.0/33")).toBeUndefined();
    expect(isAligned("10.0.0.0/16")).toBe(true);
    expect(isAligned("10.0.0.128/24")).toBe(false);
    expect(overlaps("10.0.0.0/16", "10.0.255.0/24")).toBe(true);
    expect(overlaps("10.0.0.0/16", "10.1.0.0/16")).toBe(false);
    expect(overlaps("10.0.0.0/8", "10.200.0.0/16")).toBe(true);
  });
});

describe("the stack config's network section", () => {
  const NS = "mlops-platform";
  const base = { [`${NS}:cloud`]: "gcp", [`${NS}:tier`]: "prod", [`${NS}:costCenter`]: "ml", [`${NS}:region`]: "us-central1", [`${NS}:gcpProject`]: "my-project-1" };
  const keysOf = (network: Record<string, unknown>, raw = base) => {
    try {
      resolveStackConfig({ ...raw, [`${NS}:network`]: JSON.stringify(network) }, { stack: "gcp" });
      return [];
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as ConfigError).issues.map((i) => `${i.key}: ${i.message}`);
    }
  };

  it("runs the same limits and rules, naming mlops-platform:network.<key>", () => {
    expect(keysOf({ podsCidr: "10.0.0.0/22" })).toEqual([
      `${NS}:network.podsCidr: "10.0.0.0/22" is not allowed: must be an IPv4 CIDR block from /9 to /21, e.g. "10.64.0.0/14" (each node takes a /24, a /21 holds 8 nodes)`,
    ]);
    expect(keysOf({ servicesCidr: "10.0.0.0/20" })).toEqual([
      `${NS}:network.servicesCidr: "10.0.0.0/20" is not allowed: overlaps cidr ("10.0.0.0/16", its default); the subnetwork's ranges and the private services range must not overlap`,
    ]);
    expect(keysOf({ cidr: "10.10.0.0/16" })).toEqual([]);
  });

  it("passes the section through as given: the component completes it", () => {
    const cfg = resolveStackConfig({ ...base, [`${NS}:network`]: JSON.stringify({ cidr: "10.10.0.0/16" }) }, { stack: "gcp" });
    expect(cfg.network).toEqual({ cidr: "10.10.0.0/16" });
  });
});
