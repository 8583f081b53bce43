// Resource transforms (`transforms` option, `pulumi.runtime.registerResourceTransform`) are run by
// the engine, not the SDK: the mock monitor runs them here, in the engine's order (the resource's
// own, then each ancestor's, then the stack's), with the SDK's own (de)serialization.
import * as pulumi from "@pulumi/pulumi";
import { toStruct } from "./proto";

/** The registration a transform may rewrite: wire props and the options the monitor records. */
export interface Registration {
  type: string;
  name: string;
  custom: boolean;
  parent: string;
  /** Wire properties. */
  props: Record<string, unknown>;
  protect: boolean;
  retainOnDelete: boolean;
  provider: string;
  dependsOn: string[];
  ignoreChanges: string[];
  additionalSecretOutputs: string[];
}

/** Runs `transforms` over `reg` in order; returns the rewritten registration. */
export async function applyTransforms(transforms: readonly pulumi.ResourceTransform[], reg: Registration): Promise<Registration> {
  let cur = reg;
  for (const transform of transforms) {
    const opts: pulumi.CustomResourceOptions = {
      protect: cur.protect,
      retainOnDelete: cur.retainOnDelete,
      ignoreChanges: cur.ignoreChanges,
      dependsOn: cur.dependsOn.map((urn) => new pulumi.DependencyResource(urn)),
      parent: cur.parent ? new pulumi.DependencyResource(cur.parent) : undefined,
      provider: cur.provider ? new pulumi.DependencyProviderResource(cur.provider) : undefined,
      additionalSecretOutputs: cur.additionalSecretOutputs,
    };
    const props = pulumi.runtime.deserializeProperties(toStruct(cur.props));
    const result = await transform({ custom: cur.custom, type: cur.type, name: cur.name, props, opts });
    if (!result) continue;
    const next: Registration = { ...cur, props: (await pulumi.runtime.serializeProperties("props", result.props)) as Record<string, unknown> };
    const o = result.opts as pulumi.CustomResourceOptions | undefined;
    if (o) {
      if (o.protect !== undefined) next.protect = Boolean(await o.protect);
      if (o.retainOnDelete !== undefined) next.retainOnDelete = Boolean(await o.retainOnDelete);
      if (o.ignoreChanges !== undefined) next.ignoreChanges = o.ignoreChanges;
      if (o.additionalSecretOutputs !== undefined) next.additionalSecretOutputs = o.additionalSecretOutputs;
      if (o.provider !== undefined) next.provider = await providerRef(o.provider);
      if (o.dependsOn !== undefined) next.dependsOn = await urnsOf(o.dependsOn);
    }
    cur = next;
  }
  return cur;
}

/** An Output's value (`promise()` is internal to the SDK, not in its declarations). */
function valueOf<T>(o: pulumi.Output<T>): Promise<T> {
  return (o as unknown as { promise(): Promise<T> }).promise();
}

async function providerRef(p: pulumi.ProviderResource): Promise<string> {
  const urn = await valueOf(p.urn);
  const id = (await valueOf(p.id)) || pulumi.runtime.unknownValue;
  return `${urn}::${id}`;
}

async function urnsOf(deps: pulumi.Input<pulumi.Input<pulumi.Resource>[]> | pulumi.Input<pulumi.Resource>): Promise<string[]> {
  const resolved = await valueOf(pulumi.output(deps as pulumi.Input<pulumi.Resource[]>));
  const list: pulumi.Resource[] = Array.isArray(resolved) ? resolved : [resolved as pulumi.Resource];
  return Promise.all(list.map((r) => valueOf(r.urn)));
}
