// The remote-component models, by type token: data, one file per model. A remote component
// with a model gets its children recorded (labelled `modelled`); any other is `unverified`.
import { awsxEcrImage, awsxEcrRepository } from "./awsx-ecr";
import { awsxFargateService } from "./awsx-ecs";
import { awsxApplicationLoadBalancer } from "./awsx-lb";
import { awsxVpc } from "./awsx-vpc";
import { eksCluster } from "./eks-cluster";
import { k8sConfigFile, k8sConfigGroup } from "./k8s-yaml";
import { ChildSet, Unmodellable, type Child, type ComponentModel, type ModelContext, type Resolve } from "./types";

/** The models, by the component's type token. */
export const MODELS: Readonly<Record<string, ComponentModel>> = {
  "awsx:ec2:Vpc": awsxVpc,
  "awsx:ecs:FargateService": awsxFargateService,
  "awsx:lb:ApplicationLoadBalancer": awsxApplicationLoadBalancer,
  "awsx:ecr:Repository": awsxEcrRepository,
  "awsx:ecr:Image": awsxEcrImage,
  "eks:index:Cluster": eksCluster,
  "kubernetes:yaml/v2:ConfigGroup": k8sConfigGroup,
  "kubernetes:yaml/v2:ConfigFile": k8sConfigFile,
};

/** Remote components that can never be modelled offline, and why. */
export const UNMODELLABLE: Readonly<Record<string, string>> = {
  "kubernetes:helm.sh/v4:Chart": "a Helm chart is rendered by the provider at deploy time (templates, values, hooks, the chart repository), so no policy saw the objects it creates",
};

/** The type tokens of the modelled remote components, sorted: for docs and the plan report. */
export const MODELLED_COMPONENTS: readonly string[] = Object.keys(MODELS).sort();

/** What each model records, by type token: for docs and the plan report. */
export const MODELLED_COMPONENT_SUMMARIES: Readonly<Record<string, string>> = Object.fromEntries(MODELLED_COMPONENTS.map((t) => [t, MODELS[t]?.summary ?? ""]));

/** What modelling a remote component gave: its children and outputs, or why it is unverified. */
export type ModelResult = { children: Child[]; outputs: Record<string, unknown> } | { unverified: string };

/** Models the remote component `ctx` describes; `resolve` answers each child's id and outputs. */
export function modelComponent(ctx: ModelContext, resolve: Resolve): ModelResult {
  const model = MODELS[ctx.type];
  if (!model) return { unverified: UNMODELLABLE[ctx.type] ?? `no model of the remote component ${ctx.type}: the offline plan cannot know the resources its provider creates, so no policy saw them` };
  const set = new ChildSet(ctx, resolve);
  try {
    const outputs = model.build(set);
    return { children: set.children, outputs };
  } catch (err) {
    if (err instanceof Unmodellable) return { unverified: `${ctx.type} '${ctx.name}': ${err.message}` };
    throw err;
  }
}

export { Unmodellable, type ComponentModel, type ModelContext } from "./types";
