import type { Cloud } from "../platform";

/** The module slots a stack chooses (seed 000), with every value the platform knows. */
export const SLOT_VALUES = {
  dataPipeline: ["kafka", "kinesis", "pulsar", "pubsub", "none"],
  mlPlatform: ["mlflow", "kubeflow", "sagemaker", "vertex"],
  monitoring: ["prometheus", "datadog", "cloudwatch", "cloud-monitoring"],
  serving: ["kubernetes", "ecs", "lambda", "cloudrun"],
  featureStore: ["feast", "none"],
} as const;

export type Slot = keyof typeof SLOT_VALUES;
export type SlotValue<S extends Slot> = (typeof SLOT_VALUES)[S][number];
export type Modules = { [S in Slot]: SlotValue<S> };
export const SLOTS = Object.keys(SLOT_VALUES) as Slot[];

/**
 * Which slot values each cloud can run. Managed services live on their own cloud; `local`
 * (Kind) runs only in-cluster software.
 */
export const COMPATIBILITY: { readonly [C in Cloud]: { readonly [S in Slot]: readonly SlotValue<S>[] } } = {
  aws: {
    dataPipeline: ["kafka", "kinesis", "pulsar", "none"],
    mlPlatform: ["mlflow", "kubeflow", "sagemaker"],
    monitoring: ["prometheus", "datadog", "cloudwatch"],
    serving: ["kubernetes", "ecs", "lambda"],
    featureStore: ["feast", "none"],
  },
  gcp: {
    dataPipeline: ["pubsub", "kafka", "pulsar", "none"],
    mlPlatform: ["mlflow", "kubeflow", "vertex"],
    monitoring: ["prometheus", "datadog", "cloud-monitoring"],
    serving: ["kubernetes", "cloudrun"],
    featureStore: ["feast", "none"],
  },
  local: {
    dataPipeline: ["kafka", "pulsar", "none"],
    mlPlatform: ["mlflow", "kubeflow"],
    monitoring: ["prometheus"],
    serving: ["kubernetes"],
    featureStore: ["feast", "none"],
  },
};

/** The defaults a stack gets for slots it leaves out: open-source, cost-conscious (seed 000 "startup"). */
export const DEFAULT_MODULES: { readonly [C in Cloud]: Modules } = {
  aws: { dataPipeline: "kinesis", mlPlatform: "mlflow", monitoring: "prometheus", serving: "kubernetes", featureStore: "none" },
  gcp: { dataPipeline: "pubsub", mlPlatform: "mlflow", monitoring: "cloud-monitoring", serving: "cloudrun", featureStore: "none" },
  local: { dataPipeline: "kafka", mlPlatform: "mlflow", monitoring: "prometheus", serving: "kubernetes", featureStore: "none" },
};

/** Values of `slot` that `cloud` cannot run, as a sentence, or undefined when compatible. */
export function incompatibility<S extends Slot>(cloud: Cloud, slot: S, value: SlotValue<S>): string | undefined {
  const allowed = COMPATIBILITY[cloud][slot] as readonly string[];
  if (allowed.includes(value)) return undefined;
  return `"${value}" is not available on ${cloud}; allowed on ${cloud}: ${allowed.join(", ")}`;
}
