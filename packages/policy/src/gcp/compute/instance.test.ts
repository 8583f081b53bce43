import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

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

  it("does not judge a disk whose key is unknown during preview", async () => {
    const result = await runPolicy(policy, [res("gcp:compute/disk:Disk", "d", { diskEncryptionKey: { kmsKeySelfLink: unknown } })]);
    expect(result.violations).toEqual([]);
    expect(result.indeterminate).toHaveLength(1);
  });
});
