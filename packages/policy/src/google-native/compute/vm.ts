/** The VM settings the google-native compute policies read (Instance, and a template's `properties`). */
export interface NativeVmSettings {
  disks?: { boot?: boolean; deviceName?: string; source?: string; diskEncryptionKey?: { kmsKeyName?: string } }[];
  networkInterfaces?: { accessConfigs?: unknown[]; ipv6AccessConfigs?: unknown[] }[];
  shieldedInstanceConfig?: { enableSecureBoot?: boolean; enableVtpm?: boolean; enableIntegrityMonitoring?: boolean };
  metadata?: { items?: { key?: string; value?: string }[] };
}

interface NativeVmResource extends NativeVmSettings {
  /** Instance: settings it leaves out come from this template. */
  sourceInstanceTemplate?: string;
  /** InstanceTemplate, RegionInstanceTemplate. */
  properties?: NativeVmSettings;
}

const VERSIONS = ["v1", "beta", "alpha"];
export const NATIVE_INSTANCE_TYPES: readonly string[] = VERSIONS.map((v) => `google-native:compute/${v}:Instance`);
export const NATIVE_TEMPLATE_TYPES: readonly string[] = VERSIONS.flatMap((v) =>
  ["InstanceTemplate", "RegionInstanceTemplate"].map((kind) => `google-native:compute/${v}:${kind}`),
);
export const NATIVE_VM_TYPES: readonly string[] = [...NATIVE_INSTANCE_TYPES, ...NATIVE_TEMPLATE_TYPES];

/** Where a VM resource states its settings, for messages and reads. */
export interface VmSettingsAt {
  /** `""` for an Instance, `"properties."` for a template. */
  prefix: string;
  settings: NativeVmSettings;
  /** An Instance created from a template: settings it omits are the template's (checked there). */
  fromTemplate: boolean;
}

export function vmSettings(type: string, props: NativeVmResource): VmSettingsAt {
  if (NATIVE_TEMPLATE_TYPES.includes(type)) return { prefix: "properties.", settings: props.properties ?? {}, fromTemplate: false };
  return { prefix: "", settings: props, fromTemplate: Boolean(props.sourceInstanceTemplate) };
}
