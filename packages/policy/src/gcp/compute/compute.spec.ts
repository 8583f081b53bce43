import { describe, expect, it } from "@jest/globals";
import { parseGcpPorts } from "../../lib/network";
import { res, runPolicy, unknown, violations } from "../../testing";
import { publicIngressProblems } from "./firewall-policy-rules";

const FIREWALL = "gcp:compute/firewall:Firewall";
const fw = (inputs: Record<string, unknown>) => res(FIREWALL, "fw", { network: "default", ...inputs });

describe("gcp-compute-no-public-ingress", () => {
  const policy = "gcp-compute-no-public-ingress";

  it("passes HTTP/HTTPS from anywhere and SSH from a private range", async () => {
    const web = fw({ sourceRanges: ["0.0.0.0/0", "::/0"], allows: [{ protocol: "tcp", ports: ["80", "443"] }] });
    const ssh = { ...fw({ sourceRanges: ["10.0.0.0/8"], allows: [{ protocol: "tcp", ports: ["22"] }] }), urn: "urn:x::ssh", name: "ssh" };
    expect(await violations(policy, [web, ssh])).toEqual([]);
  });

  it("passes egress rules and disabled rules", async () => {
    const egress = fw({ direction: "EGRESS", destinationRanges: ["0.0.0.0/0"], allows: [{ protocol: "all" }] });
    const disabled = { ...fw({ disabled: true, sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: ["22"] }] }), urn: "urn:x::d", name: "d" };
    expect(await violations(policy, [egress, disabled])).toEqual([]);
  });

  it("flags SSH open to ::/0", async () => {
    expect(await violations(policy, [fw({ sourceRanges: ["::/0"], allows: [{ protocol: "tcp", ports: ["22"] }] })])).toEqual(["allows tcp 22 from ::/0."]);
  });

  it("flags a rule without any source, which GCP applies to 0.0.0.0/0", async () => {
    expect(await violations(policy, [fw({ allows: [{ protocol: "tcp" }] })])).toEqual(["allows tcp (all ports) from 0.0.0.0/0 (no source given)."]);
  });

  it("flags all protocols from anywhere", async () => {
    expect(await violations(policy, [fw({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "all" }] })])).toEqual(["allows all traffic from 0.0.0.0/0."]);
  });

  it("parses GCP port ranges", () => {
    expect(parseGcpPorts(["22", "8000-8080"])).toEqual([
      { fromPort: 22, toPort: 22 },
      { fromPort: 8000, toPort: 8080 },
    ]);
    expect(parseGcpPorts([])).toBeUndefined();
  });
});

const rule = (type: string, match: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  res(type, "rule", { action: "allow", direction: "INGRESS", priority: 1000, firewallPolicy: "fp", match, ...extra });
const HIERARCHICAL = "gcp:compute/firewallPolicyRule:FirewallPolicyRule";
const NETWORK = "gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule";
const REGIONAL = "gcp:compute/regionNetworkFirewallPolicyRule:RegionNetworkFirewallPolicyRule";
const tcp = (...ports: string[]) => [{ ipProtocol: "tcp", ports }];

describe("gcp-compute-firewall-policy-rule-no-public-ingress", () => {
  const policy = "gcp-compute-firewall-policy-rule-no-public-ingress";

  it("passes HTTPS from anywhere, internal HTTP, deny rules, egress and disabled rules", async () => {
    const rules = [
      rule(HIERARCHICAL, { srcIpRanges: ["0.0.0.0/0"], layer4Configs: tcp("443") }),
      rule(NETWORK, { srcIpRanges: ["10.0.0.0/8"], layer4Configs: tcp("80") }),
      rule(REGIONAL, { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "all" }] }, { action: "deny" }),
      rule(NETWORK, { destIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "all" }] }, { direction: "EGRESS" }),
      rule(HIERARCHICAL, { srcIpRanges: ["0.0.0.0/0"], layer4Configs: tcp("22") }, { disabled: true }),
      rule(NETWORK, { srcAddressGroups: ["partners"], layer4Configs: tcp("22") }),
    ].map((r, i) => ({ ...r, name: `r${i}`, urn: `${r.urn}${i}` }));
    expect(await violations(policy, rules)).toEqual([]);
  });

  it("flags inbound plaintext HTTP from the internet on each of the three rule types", async () => {
    for (const type of [HIERARCHICAL, NETWORK, REGIONAL]) {
      expect(await violations(policy, [rule(type, { srcIpRanges: ["0.0.0.0/0"], layer4Configs: tcp("80", "443") })])).toEqual([
        "The rule would allow tcp 80 (plaintext HTTP) from 0.0.0.0/0: narrow match.srcIpRanges to known ranges, or serve HTTPS (443) only.",
      ]);
    }
  });

  it("flags all ports, all protocols, the INTERNET scope and a rule without any source", async () => {
    expect(await violations(policy, [rule(NETWORK, { srcIpRanges: ["::/0"], layer4Configs: [{ ipProtocol: "tcp" }, { ipProtocol: "all" }] })])).toEqual([
      "The rule would allow tcp (all ports) (plaintext HTTP) from ::/0: narrow match.srcIpRanges to known ranges, or serve HTTPS (443) only.",
      "The rule would allow all traffic (plaintext HTTP) from ::/0: narrow match.srcIpRanges to known ranges, or serve HTTPS (443) only.",
    ]);
    expect(publicIngressProblems({ action: "allow", direction: "INGRESS", match: { srcNetworkScope: "INTERNET", layer4Configs: [{ ipProtocol: "tcp", ports: ["22"] }] } }, [443])).toEqual([
      "allow tcp 22 from the internet (srcNetworkScope INTERNET)",
    ]);
    expect(publicIngressProblems({ action: "apply_security_profile_group", direction: "INGRESS", match: { layer4Configs: [{ ipProtocol: "udp", ports: ["53"] }] } }, [443])).toEqual([
      "apply_security_profile_group udp 53 from 0.0.0.0/0 (no source given)",
    ]);
  });

  it("admits HTTP when allowedPorts lists 80", () => {
    const http = { action: "allow", direction: "INGRESS", match: { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "tcp", ports: ["80"] }] } };
    expect(publicIngressProblems(http, [80, 443])).toEqual([]);
    expect(publicIngressProblems(http, [443])).toHaveLength(1);
  });

  it("reports a rule whose source ranges are unknown during preview as not evaluated, not as a violation", async () => {
    const result = await runPolicy(policy, [rule(NETWORK, { srcIpRanges: unknown, layer4Configs: tcp("80") })]);
    expect(result.violations).toEqual([]);
    expect(result.indeterminate.map((v) => v.policyName)).toEqual([policy]);
  });
});

const INSTANCE = "gcp:compute/instance:Instance";
const TEMPLATE = "gcp:compute/instanceTemplate:InstanceTemplate";
const REGION_TEMPLATE = "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate";
const KEY = "projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k";
const shielded = { enableSecureBoot: true };

const vm = (inputs: Record<string, unknown> = {}) =>
  res(INSTANCE, "vm", {
    machineType: "e2-small",
    bootDisk: { kmsKeySelfLink: KEY, initializeParams: { image: "debian-12" } },
    networkInterfaces: [{ subnetwork: "private" }],
    shieldedInstanceConfig: shielded,
    ...inputs,
  });
const template = (type: string, inputs: Record<string, unknown> = {}) =>
  res(type, "tpl", {
    machineType: "e2-small",
    disks: [{ sourceImage: "debian-12", diskEncryptionKey: { kmsKeySelfLink: KEY } }],
    networkInterfaces: [{ subnetwork: "private" }],
    shieldedInstanceConfig: shielded,
    ...inputs,
  });

describe("gcp-compute-instance-no-public-ip", () => {
  const policy = "gcp-compute-instance-no-public-ip";

  it("passes VMs and templates with internal addresses only", async () => {
    expect(await violations(policy, [vm(), template(TEMPLATE), template(REGION_TEMPLATE)])).toEqual([]);
  });

  it("flags external IPv4 and IPv6 access configs", async () => {
    expect(
      await violations(policy, [
        vm({ networkInterfaces: [{ subnetwork: "a" }, { subnetwork: "b", accessConfigs: [{}] }] }),
        template(REGION_TEMPLATE, { networkInterfaces: [{ subnetwork: "a", ipv6AccessConfigs: [{ networkTier: "PREMIUM" }] }] }),
      ]),
    ).toEqual([
      "networkInterfaces[1] has accessConfigs: the VM gets an external IPv4 address. Remove them and use Cloud NAT for egress.",
      "networkInterfaces[0] has ipv6AccessConfigs: the VM gets an external IPv6 address. Remove them (use internal IPv6).",
    ]);
  });
});

describe("gcp-compute-instance-shielded-vm", () => {
  const policy = "gcp-compute-instance-shielded-vm";

  it("passes Secure Boot with vTPM and integrity monitoring left on", async () => {
    expect(await violations(policy, [vm(), template(TEMPLATE)])).toEqual([]);
  });

  it("flags Secure Boot left at its default and vTPM or integrity monitoring turned off", async () => {
    expect(await violations(policy, [vm({ shieldedInstanceConfig: undefined })])).toEqual([
      "shieldedInstanceConfig.enableSecureBoot is not true (the default is false): set it, with a Shielded VM image.",
    ]);
    expect(await violations(policy, [template(TEMPLATE, { shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: false, enableIntegrityMonitoring: false } })])).toEqual([
      "shieldedInstanceConfig.enableVtpm is false: remove it (the default is true).",
      "shieldedInstanceConfig.enableIntegrityMonitoring is false: remove it (the default is true).",
    ]);
  });
});

describe("gcp-compute-instance-serial-port-disabled", () => {
  const policy = "gcp-compute-instance-serial-port-disabled";
  const message = 'metadata "serial-port-enable" is true: the interactive serial console accepts connections from any IP address. Remove the key or set it to "false".';

  it("passes metadata without the serial port or with it off", async () => {
    expect(
      await violations(policy, [
        vm({ metadata: { "serial-port-enable": "FALSE", "enable-oslogin": "TRUE" } }),
        res("gcp:compute/projectMetadataItem:ProjectMetadataItem", "item", { key: "enable-oslogin", value: "true" }),
      ]),
    ).toEqual([]);
  });

  it("flags the serial port on an instance, a template and the project", async () => {
    expect(
      await violations(policy, [
        vm({ metadata: { "serial-port-enable": "TRUE" } }),
        template(TEMPLATE, { metadata: { "serial-port-enable": "1" } }),
        res("gcp:compute/projectMetadata:ProjectMetadata", "pm", { metadata: { "serial-port-enable": "true" } }),
        res("gcp:compute/projectMetadataItem:ProjectMetadataItem", "item", { key: "serial-port-enable", value: "true" }),
      ]),
    ).toEqual([message, message, `Project ${message}`, `Project ${message}`]);
  });
});

describe("gcp-compute-disk-encrypted-with-kms", () => {
  const policy = "gcp-compute-disk-encrypted-with-kms";

  it("passes CMEK disks, a boot disk attached from a Disk, and template disks that attach existing disks", async () => {
    expect(
      await violations(policy, [
        res("gcp:compute/disk:Disk", "d", { zone: "europe-west1-b", diskEncryptionKey: { kmsKeySelfLink: KEY } }),
        res("gcp:compute/regionDisk:RegionDisk", "rd", { replicaZones: ["a", "b"], diskEncryptionKey: { kmsKeyName: KEY } }),
        vm(),
        vm({ bootDisk: { source: "projects/p/zones/z/disks/d" } }),
        template(TEMPLATE, { disks: [{ sourceImage: "img", diskEncryptionKey: { kmsKeySelfLink: KEY } }, { source: "existing" }] }),
      ]),
    ).toEqual([]);
  });

  it("flags disks with Google-managed or raw customer-supplied keys", async () => {
    expect(
      await violations(policy, [
        res("gcp:compute/disk:Disk", "d", { zone: "europe-west1-b", diskEncryptionKey: { rawKey: "c2VjcmV0" } }),
        vm({ bootDisk: { initializeParams: { image: "debian-12" } } }),
        template(REGION_TEMPLATE, { disks: [{ sourceImage: "img" }] }),
      ]),
    ).toEqual([
      "diskEncryptionKey.kmsKeySelfLink is not set: the disk uses a Google-managed key; set a Cloud KMS key.",
      "bootDisk.kmsKeySelfLink is not set: the boot disk uses a Google-managed key; set a Cloud KMS key.",
      "disks[0] has no diskEncryptionKey.kmsKeySelfLink: the disk uses a Google-managed key; set a Cloud KMS key.",
    ]);
  });

  it("counts a disk key created in the same update (unknown in preview) as set, so the check runs", async () => {
    const result = await runPolicy(policy, [res("gcp:compute/disk:Disk", "d", { diskEncryptionKey: { kmsKeySelfLink: unknown } })]);
    expect(result.violations).toEqual([]);
    expect(result.indeterminate).toEqual([]);
  });
});
