/** The classic provider's VM resources that state a full instance configuration. */
export const INSTANCE_TYPES = {
  instance: "gcp:compute/instance:Instance",
  template: "gcp:compute/instanceTemplate:InstanceTemplate",
  regionTemplate: "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate",
} as const;

/** The instance fields the compute policies read; Instance and both template kinds share them. */
export interface InstanceLike {
  networkInterfaces?: { accessConfigs?: unknown[]; ipv6AccessConfigs?: unknown[] }[];
  shieldedInstanceConfig?: { enableSecureBoot?: boolean; enableVtpm?: boolean; enableIntegrityMonitoring?: boolean };
  metadata?: Record<string, string>;
}

/** Metadata values GCE reads as true (`serial-port-enable`, `enable-oslogin`, ...). */
export const isTrueMetadata = (value: unknown): boolean => typeof value === "string" && ["true", "1", "yes", "y"].includes(value.trim().toLowerCase());
