import { z } from "zod";
import type { Backend, Tier } from "../platform";
import { defineSettings } from "../kit/settings";
import { show, type SettingIssue } from "../kit/issues";

/**
 * Kubernetes minor versions both EKS (standard support) and GKE (release channels) offer today.
 * EKS: 1.31 to 1.34 in standard support; GKE: 1.31 to 1.34 across the Rapid / Regular / Stable
 * channels. Older minors are in extended support on EKS only, so they are not offered here.
 */
export const KUBERNETES_VERSIONS = ["1.31", "1.32", "1.33", "1.34"] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];
export const DEFAULT_KUBERNETES_VERSION: KubernetesVersion = "1.33";

/** GKE release channels (`UNSPECIFIED` opts out of auto-upgrades and is not offered). */
export const GKE_RELEASE_CHANNELS = ["RAPID", "REGULAR", "STABLE", "EXTENDED"] as const;

/** EKS service quota "nodes per managed node group" (450); GKE allows more, one limit for both. */
export const MAX_NODE_GROUP_SIZE = 450;
/** EKS managed node groups accept at most 20 instance types (Spot diversification). */
export const MAX_INSTANCE_TYPES = 20;

/** EC2 instance type (`m5.xlarge`, `g5.2xlarge`). */
export const AWS_INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[0-9]*[a-z0-9]+$/;
/** Compute Engine machine type (`e2-standard-4`, `n1-standard-8`, `g2-standard-4`). */
export const GCP_MACHINE_TYPE = /^[a-z][a-z0-9]*-[a-z0-9]+(-[a-z0-9]+)*$/;
/** GKE accelerator type (`nvidia-tesla-t4`, `nvidia-l4`). */
export const GCP_ACCELERATOR_TYPE = /^nvidia-[a-z0-9-]+$/;

const instanceType = z.string().regex(new RegExp(`${AWS_INSTANCE_TYPE.source}|${GCP_MACHINE_TYPE.source}`), 'must be an EC2 instance type ("m5.xlarge") or a GCE machine type ("e2-standard-4")');
const size = z.number().int().min(0).max(MAX_NODE_GROUP_SIZE);

const nodeGroupSchema = z.strictObject({
  /** EC2 instance types (aws, up to 20, Spot diversification) or exactly one GCE machine type (gcp). Default: the tier's. */
  instanceTypes: z.array(instanceType).min(1).max(MAX_INSTANCE_TYPES).optional(),
  /** Fewest nodes, 0 to 450. Default: the tier's. */
  minSize: size.optional(),
  /** Nodes at creation (the autoscaler owns it afterwards), minSize to maxSize. Default: the tier's. */
  desiredSize: size.optional(),
  /** Most nodes, 1 to 450 (EKS: nodes per managed node group). Default: the tier's. */
  maxSize: size.min(1).optional(),
});

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** `true` when the text is a well-formed IPv4 CIDR block. */
export function isIpv4Cidr(text: string): boolean {
  const m = CIDR.exec(text);
  return m !== null && m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) <= 32;
}

export const clusterSettingsSchema = z.strictObject({
  /** Kubernetes minor version (EKS `version`, GKE `minMasterVersion`). Default "1.33". kubernetes: no effect (the existing cluster's). */
  kubernetesVersion: z.enum(KUBERNETES_VERSIONS).optional(),
  /** System nodes (CoreDNS, the autoscaler, CSI controllers), tainted CriticalAddonsOnly. Default: the tier's. kubernetes: not allowed. */
  system: nodeGroupSchema.optional(),
  /** Workload nodes. Default: the tier's (dev: Spot). kubernetes: not allowed. */
  workload: nodeGroupSchema.extend({
    /** Spot (aws) / Spot VMs (gcp). Default: dev only. */
    spot: z.boolean().optional(),
  }).optional(),
  /** GPU nodes, scaled from zero, tainted `nvidia.com/gpu=true:NoSchedule`. kubernetes: not allowed. */
  gpu: z.strictObject({
    /** Default: on when a team in `teams:` asks for gpu > 0. */
    enabled: z.boolean().optional(),
    /** aws: instance types with NVIDIA GPUs (default ["g5.xlarge"]); gcp: one machine type (default ["n1-standard-4"]). */
    instanceTypes: z.array(instanceType).min(1).max(MAX_INSTANCE_TYPES).optional(),
    /** gcp only: the accelerator attached to each node. Default "nvidia-tesla-t4". */
    acceleratorType: z.string().regex(GCP_ACCELERATOR_TYPE, 'must be a GKE accelerator type such as "nvidia-tesla-t4" or "nvidia-l4"').optional(),
    /** gcp only: accelerators per node, 1 to 8. Default 1. */
    acceleratorCount: z.number().int().min(1).max(8).optional(),
    /** Most GPU nodes, 1 to 450 (the group scales from 0). Default: dev/staging 2, prod 4. */
    maxSize: size.min(1).optional(),
  }).optional(),
  /**
   * CIDR blocks allowed to reach a PUBLIC API endpoint (EKS `publicAccessCidrs`, GKE master
   * authorized networks with the public endpoint on). Default: none, the endpoint is private
   * only. 0.0.0.0/0 is never allowed. kubernetes: not allowed.
   */
  publicAccessCidrs: z.array(z.string().refine(isIpv4Cidr, 'must be an IPv4 CIDR block such as "203.0.113.0/24"')).max(40).optional(),
  /** gcp only: the GKE release channel. Default: "REGULAR" (prod "STABLE"). */
  releaseChannel: z.enum(GKE_RELEASE_CHANNELS).optional(),
});

export type ClusterSettings = z.output<typeof clusterSettingsSchema>;

export interface NodeGroupSettings {
  instanceTypes: string[];
  minSize: number;
  desiredSize: number;
  maxSize: number;
}

export interface CompleteClusterSettings {
  kubernetesVersion: KubernetesVersion;
  system: NodeGroupSettings;
  workload: NodeGroupSettings & { spot: boolean };
  /** `enabled` undefined: decided by the teams' GPU quotas (wiring). */
  gpu: { enabled: boolean | undefined; instanceTypes: string[]; acceleratorType: string; acceleratorCount: number; maxSize: number };
  publicAccessCidrs: string[];
  releaseChannel: (typeof GKE_RELEASE_CHANNELS)[number];
}

interface TierNodes {
  system: NodeGroupSettings;
  workload: NodeGroupSettings & { spot: boolean };
  gpuMaxSize: number;
}

/**
 * Per-tier node groups. aws prod is seed 002's "3 x m5.xlarge" (max 10); dev is its
 * "3 x m5.xlarge spot", diversified over equivalent types so a Spot shortage in one pool does
 * not stop the group. gcp counts are cluster totals over the region's zones.
 */
export const CLUSTER_TIER_DEFAULTS: Readonly<Record<"aws" | "gcp", Readonly<Record<Tier, TierNodes>>>> = {
  aws: {
    dev: {
      system: { instanceTypes: ["m5.large"], minSize: 1, desiredSize: 2, maxSize: 3 },
      workload: { instanceTypes: ["m5.xlarge", "m5a.xlarge", "m6i.xlarge"], minSize: 1, desiredSize: 3, maxSize: 6, spot: true },
      gpuMaxSize: 2,
    },
    staging: {
      system: { instanceTypes: ["m5.large"], minSize: 2, desiredSize: 2, maxSize: 4 },
      workload: { instanceTypes: ["m5.xlarge"], minSize: 2, desiredSize: 3, maxSize: 6, spot: false },
      gpuMaxSize: 2,
    },
    prod: {
      system: { instanceTypes: ["m5.large"], minSize: 3, desiredSize: 3, maxSize: 6 },
      workload: { instanceTypes: ["m5.xlarge"], minSize: 3, desiredSize: 3, maxSize: 10, spot: false },
      gpuMaxSize: 4,
    },
  },
  gcp: {
    dev: {
      system: { instanceTypes: ["e2-standard-2"], minSize: 1, desiredSize: 1, maxSize: 3 },
      workload: { instanceTypes: ["e2-standard-4"], minSize: 1, desiredSize: 3, maxSize: 6, spot: true },
      gpuMaxSize: 2,
    },
    staging: {
      system: { instanceTypes: ["e2-standard-2"], minSize: 3, desiredSize: 3, maxSize: 6 },
      workload: { instanceTypes: ["e2-standard-4"], minSize: 3, desiredSize: 3, maxSize: 6, spot: false },
      gpuMaxSize: 2,
    },
    prod: {
      system: { instanceTypes: ["e2-standard-4"], minSize: 3, desiredSize: 3, maxSize: 6 },
      workload: { instanceTypes: ["n2-standard-4"], minSize: 3, desiredSize: 3, maxSize: 10, spot: false },
      gpuMaxSize: 4,
    },
  },
};

export const DEFAULT_GPU_INSTANCE_TYPES: Readonly<Record<"aws" | "gcp", string[]>> = { aws: ["g5.xlarge"], gcp: ["n1-standard-4"] };
export const DEFAULT_GCP_ACCELERATOR = "nvidia-tesla-t4";

function nodeGroup<T extends NodeGroupSettings>(given: Partial<T> | undefined, defaults: T): T {
  return { ...defaults, ...Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined)) } as T;
}

const OPEN = ["0.0.0.0/0"];

function sizeIssues(path: string, g: NodeGroupSettings): SettingIssue[] {
  const issues: SettingIssue[] = [];
  if (g.minSize > g.maxSize) issues.push({ path: [path, "minSize"], value: g.minSize, message: `${g.minSize} is not allowed: must be <= ${path}.maxSize (${g.maxSize})` });
  if (g.desiredSize < g.minSize || g.desiredSize > g.maxSize) {
    issues.push({ path: [path, "desiredSize"], value: g.desiredSize, message: `${g.desiredSize} is not allowed: must be between ${path}.minSize (${g.minSize}) and ${path}.maxSize (${g.maxSize})` });
  }
  return issues;
}

function typeIssues(path: readonly PropertyKey[], types: readonly string[], backend: Backend): SettingIssue[] {
  const issues: SettingIssue[] = [];
  types.forEach((t, i) => {
    if (backend === "aws" && !AWS_INSTANCE_TYPE.test(t)) issues.push({ path: [...path, i], value: t, message: `"${t}" is not allowed on aws: use an EC2 instance type such as "m5.xlarge"` });
    if (backend === "gcp" && !GCP_MACHINE_TYPE.test(t)) issues.push({ path: [...path, i], value: t, message: `"${t}" is not allowed on gcp: use a GCE machine type such as "e2-standard-4"` });
  });
  if (backend === "gcp" && types.length > 1) issues.push({ path, value: types, message: `${JSON.stringify(types)} is not allowed on gcp: a GKE node pool has exactly one machine type` });
  return issues;
}

export const clusterSettings = defineSettings({
  section: "cluster",
  schema: clusterSettingsSchema,
  complete(given, { backend, tier }): CompleteClusterSettings {
    const cloud = backend === "gcp" ? "gcp" : "aws";
    const t = CLUSTER_TIER_DEFAULTS[cloud][tier];
    return {
      kubernetesVersion: given.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
      system: nodeGroup(given.system, t.system),
      workload: nodeGroup(given.workload, t.workload),
      gpu: {
        enabled: given.gpu?.enabled,
        instanceTypes: given.gpu?.instanceTypes ?? DEFAULT_GPU_INSTANCE_TYPES[cloud],
        acceleratorType: given.gpu?.acceleratorType ?? DEFAULT_GCP_ACCELERATOR,
        acceleratorCount: given.gpu?.acceleratorCount ?? 1,
        maxSize: given.gpu?.maxSize ?? t.gpuMaxSize,
      },
      publicAccessCidrs: given.publicAccessCidrs ?? [],
      releaseChannel: given.releaseChannel ?? (tier === "prod" ? "STABLE" : "REGULAR"),
    };
  },
  check(c, given, { backend }): SettingIssue[] {
    const issues: SettingIssue[] = [];
    (given.publicAccessCidrs ?? []).forEach((cidr, i) => {
      if (OPEN.includes(cidr) || cidr.endsWith("/0")) {
        issues.push({ path: ["publicAccessCidrs", i], value: cidr, message: `"${cidr}" is not allowed: list the CIDR blocks of your offices or VPN (the API endpoint must never be open to the internet), or leave publicAccessCidrs empty for a private endpoint` });
      }
    });
    if (backend === "kubernetes") {
      for (const key of ["kubernetesVersion", "system", "workload", "gpu", "publicAccessCidrs", "releaseChannel"] as const) {
        if (given[key] !== undefined) {
          issues.push({ path: [key], value: given[key], message: `${show(given[key])} is not allowed on the kubernetes backend: the existing cluster's version, nodes, GPUs and endpoint are not managed by the platform; remove cluster.${key}` });
        }
      }
      return issues;
    }
    if (backend === "aws" && given.releaseChannel !== undefined) {
      issues.push({ path: ["releaseChannel"], value: given.releaseChannel, message: `"${given.releaseChannel}" is not allowed on aws: release channels are a GKE setting (EKS upgrades follow kubernetesVersion)` });
    }
    if (backend === "aws" && given.gpu?.acceleratorType !== undefined) {
      issues.push({ path: ["gpu", "acceleratorType"], value: given.gpu.acceleratorType, message: `"${given.gpu.acceleratorType}" is not allowed on aws: the GPU comes with the instance type (gpu.instanceTypes)` });
    }
    if (backend === "aws" && given.gpu?.acceleratorCount !== undefined) {
      issues.push({ path: ["gpu", "acceleratorCount"], value: given.gpu.acceleratorCount, message: `${given.gpu.acceleratorCount} is not allowed on aws: the GPU count comes with the instance type (gpu.instanceTypes)` });
    }
    issues.push(...sizeIssues("system", c.system), ...sizeIssues("workload", c.workload));
    if (c.system.minSize < 1) issues.push({ path: ["system", "minSize"], value: c.system.minSize, message: "0 is not allowed: the system nodes run CoreDNS and the autoscaler; use at least 1" });
    issues.push(...typeIssues(["system", "instanceTypes"], c.system.instanceTypes, backend));
    issues.push(...typeIssues(["workload", "instanceTypes"], c.workload.instanceTypes, backend));
    issues.push(...typeIssues(["gpu", "instanceTypes"], c.gpu.instanceTypes, backend));
    return issues;
  },
});

/** GPUs each team asks for (`teams[].gpu`), for the Cluster's GPU node group decision. */
export interface TeamGpuRequest {
  name: string;
  gpu?: number | undefined;
}

/** The teams that ask for GPUs, and how many in all. */
export function teamGpus(teams: readonly TeamGpuRequest[]): { total: number; askers: string[] } {
  const askers = teams.filter((t) => (t.gpu ?? 0) > 0);
  return { total: askers.reduce((n, t) => n + (t.gpu ?? 0), 0), askers: askers.map((t) => `${t.name} ${t.gpu}`) };
}

/**
 * The Cluster's rules that span config sections (paths are stack-config keys): a kubeconfig
 * context only selects an existing cluster (kubernetes backend), and GPU quotas need GPU nodes.
 * The config resolver and the component run the same function.
 */
/**
 * The GPU settings against the teams' requests, paths relative to the cluster section: GPU nodes
 * turned off while teams ask for GPUs, and GPU settings given while no GPU group is built (no team
 * asks and `gpu.enabled` is not true), which would otherwise be ignored. The component and the
 * config run this same check.
 */
export function gpuIssues(args: { backend: Backend; gpu?: Readonly<Record<string, unknown>> | undefined; teams: readonly TeamGpuRequest[] }): SettingIssue[] {
  if (args.backend === "kubernetes" || !args.gpu) return [];
  const gpus = teamGpus(args.teams);
  if (args.gpu["enabled"] === false && gpus.total > 0) {
    return [{
      path: ["gpu", "enabled"],
      value: false,
      message: `false is not allowed while teams ask for ${gpus.total} GPUs (${gpus.askers.join(", ")}): their quota would never be schedulable; enable the GPU nodes or set the teams' gpu to 0`,
    }];
  }
  if (gpus.total > 0 || args.gpu["enabled"] === true) return [];
  return Object.keys(args.gpu).filter((k) => k !== "enabled").map((k) => ({
    path: ["gpu", k],
    value: args.gpu?.[k],
    message: `${show(args.gpu?.[k])} is not allowed: no GPU node group is built (no team asks for GPUs and gpu.enabled is not true), so it would have no effect; set gpu.enabled to true or remove it`,
  }));
}

export function clusterCrossIssues(args: { backend: Backend; context?: string | undefined; gpu?: Readonly<Record<string, unknown>> | undefined; teams: readonly TeamGpuRequest[] }): SettingIssue[] {
  const issues: SettingIssue[] = [];
  if (args.context !== undefined && args.backend !== "kubernetes") {
    issues.push({
      path: ["kubernetes", "context"],
      value: args.context,
      message: `${show(args.context)} is not allowed on ${args.backend}: the platform creates the cluster there (its kubeconfig is an output); kubernetes.context selects an existing cluster on the local stack only`,
    });
  }
  issues.push(...gpuIssues({ backend: args.backend, gpu: args.gpu, teams: args.teams }).map((i) => ({ ...i, path: ["cluster", ...i.path] })));
  return issues;
}
