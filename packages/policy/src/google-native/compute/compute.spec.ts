import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const firewall = (inputs: Record<string, unknown>, type = "google-native:compute/v1:Firewall") => res(type, "fw", { network: "n", ...inputs });

describe("google-native-compute-firewall-no-public-ingress", () => {
  const policy = "google-native-compute-firewall-no-public-ingress";

  it("passes web ports from anywhere, SSH from IAP's range and egress", async () => {
    expect(
      await violations(policy, [
        firewall({ sourceRanges: ["0.0.0.0/0"], allowed: [{ ipProtocol: "tcp", ports: ["80", "443"] }] }),
        firewall({ sourceRanges: ["35.235.240.0/20"], allowed: [{ ipProtocol: "tcp", ports: ["22"] }] }),
        firewall({ direction: "EGRESS", destinationRanges: ["0.0.0.0/0"], allowed: [{ ipProtocol: "all" }] }),
      ]),
    ).toEqual([]);
  });

  it("flags SSH from anywhere and any traffic from an unspecified source", async () => {
    expect(
      await violations(policy, [
        firewall({ sourceRanges: ["0.0.0.0/0"], allowed: [{ ipProtocol: "tcp", ports: ["22"] }] }, "google-native:compute/beta:Firewall"),
        firewall({ allowed: [{ ipProtocol: "all" }] }),
      ]),
    ).toEqual([
      "allows tcp 22 from 0.0.0.0/0: narrow sourceRanges, or reach the service through IAP or a load balancer.",
      "allows all traffic from 0.0.0.0/0 (no source given): narrow sourceRanges, or reach the service through IAP or a load balancer.",
    ]);
  });
});

describe("google-native-compute-firewall-policy-no-public-ingress", () => {
  const policy = "google-native-compute-firewall-policy-no-public-ingress";
  const rule = (priority: number, match: Record<string, unknown>, action = "allow") => ({ priority, action, direction: "INGRESS", match });

  it("passes HTTPS from anywhere and internal rules", async () => {
    expect(
      await violations(policy, [
        res("google-native:compute/v1:NetworkFirewallPolicy", "p", {
          rules: [rule(100, { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "tcp", ports: ["443"] }] }), rule(200, { srcIpRanges: ["10.0.0.0/8"], layer4Configs: [{ ipProtocol: "all" }] })],
        }),
      ]),
    ).toEqual([]);
  });

  it("flags inbound HTTP from the internet in a hierarchical policy's rules", async () => {
    expect(
      await violations(policy, [
        res("google-native:compute/v1:FirewallPolicy", "p", {
          parentId: "organizations/1",
          rules: [rule(100, { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "tcp", ports: ["80"] }] }), rule(200, { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "all" }] }, "deny")],
        }),
      ]),
    ).toEqual(["rules[0] (priority 100) would allow tcp 80 (plaintext HTTP) from 0.0.0.0/0: narrow match.srcIpRanges, or serve HTTPS (443) only."]);
  });
});

const KEY = "projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k";
const settings = {
  disks: [{ boot: true, initializeParams: { sourceImage: "debian-12" }, diskEncryptionKey: { kmsKeyName: KEY } }],
  networkInterfaces: [{ subnetwork: "private" }],
  shieldedInstanceConfig: { enableSecureBoot: true },
  metadata: { items: [{ key: "enable-oslogin", value: "TRUE" }] },
};
const instance = (inputs: Record<string, unknown> = {}) => res("google-native:compute/v1:Instance", "vm", { machineType: "e2-small", ...settings, ...inputs });
const template = (properties: Record<string, unknown> = {}) => res("google-native:compute/v1:InstanceTemplate", "tpl", { properties: { ...settings, ...properties } });
const fromTemplate = res("google-native:compute/v1:Instance", "from-template", { sourceInstanceTemplate: "global/instanceTemplates/tpl" });

describe("google-native-compute-instance-no-public-ip", () => {
  const policy = "google-native-compute-instance-no-public-ip";

  it("passes internal interfaces", async () => {
    expect(await violations(policy, [instance(), template(), fromTemplate])).toEqual([]);
  });

  it("flags external addresses on instances and in templates", async () => {
    expect(await violations(policy, [instance({ networkInterfaces: [{ accessConfigs: [{ type: "ONE_TO_ONE_NAT" }] }] }), template({ networkInterfaces: [{ ipv6AccessConfigs: [{}] }] })])).toEqual([
      "networkInterfaces[0] has accessConfigs: the VM gets an external IPv4 address. Remove them and use Cloud NAT.",
      "properties.networkInterfaces[0] has ipv6AccessConfigs: the VM gets an external IPv6 address. Remove them.",
    ]);
  });
});

describe("google-native-compute-instance-shielded-vm", () => {
  const policy = "google-native-compute-instance-shielded-vm";

  it("passes Secure Boot, and an instance that takes it from its template", async () => {
    expect(await violations(policy, [instance(), template(), fromTemplate])).toEqual([]);
  });

  it("flags Secure Boot off and vTPM off", async () => {
    expect(await violations(policy, [instance({ shieldedInstanceConfig: undefined }), template({ shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: false } })])).toEqual([
      "shieldedInstanceConfig.enableSecureBoot is not true (the default is false): set it, with a Shielded VM image.",
      "properties.shieldedInstanceConfig.enableVtpm is false: remove it (the default is true).",
    ]);
  });
});

describe("google-native-compute-instance-serial-port-disabled", () => {
  const policy = "google-native-compute-instance-serial-port-disabled";

  it("passes metadata without the serial port", async () => {
    expect(await violations(policy, [instance(), template({ metadata: { items: [{ key: "serial-port-enable", value: "false" }] } })])).toEqual([]);
  });

  it("flags the serial port", async () => {
    expect(await violations(policy, [template({ metadata: { items: [{ key: "serial-port-enable", value: "TRUE" }] } })])).toEqual([
      'properties.metadata item "serial-port-enable" is true: the interactive serial console accepts connections from any IP address. Remove it or set it to "false".',
    ]);
  });
});

describe("google-native-compute-disk-encrypted-with-kms", () => {
  const policy = "google-native-compute-disk-encrypted-with-kms";

  it("passes CMEK disks, VM disks with a key and disks attached by source", async () => {
    expect(
      await violations(policy, [
        res("google-native:compute/v1:Disk", "d", { sizeGb: "10", diskEncryptionKey: { kmsKeyName: KEY } }),
        instance({ disks: [...settings.disks, { source: "zones/z/disks/data" }] }),
        template(),
      ]),
    ).toEqual([]);
  });

  it("flags Google-managed keys on disks, VM disks and template disks", async () => {
    expect(
      await violations(policy, [
        res("google-native:compute/v1:RegionDisk", "rd", { replicaZones: ["a", "b"] }),
        instance({ disks: [{ boot: true, initializeParams: { sourceImage: "debian-12" } }] }),
        template({ disks: [{ boot: true, initializeParams: { sourceImage: "debian-12" } }] }),
      ]),
    ).toEqual([
      "diskEncryptionKey.kmsKeyName is not set: the disk uses a Google-managed key; set a Cloud KMS key.",
      "disks[0] has no diskEncryptionKey.kmsKeyName: the disk it creates uses a Google-managed key; set a Cloud KMS key.",
      "properties.disks[0] has no diskEncryptionKey.kmsKeyName: the disk it creates uses a Google-managed key; set a Cloud KMS key.",
    ]);
  });
});
