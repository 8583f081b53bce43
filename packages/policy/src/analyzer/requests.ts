import type { PlannedResource } from "../types";
import { encodeProperties, type Path } from "./encode";
import { proto, Struct, type analyzerPb } from "./policy-internals";

/** What the request builders need to know about the whole graph. */
export interface Graph {
  byUrn: ReadonlyMap<string, PlannedResource>;
  /** Secret paths per URN, resolved against the resource's inputs. */
  secretPaths: ReadonlyMap<string, readonly Path[]>;
}

/** The provider resource of `r`: its reference is `<urn>::<id>` (or just the URN). */
function providerOf(r: PlannedResource, graph: Graph): analyzerPb.AnalyzerProviderResource | undefined {
  if (!r.provider) return undefined;
  const resource = graph.byUrn.get(r.provider) ?? graph.byUrn.get(r.provider.slice(0, r.provider.lastIndexOf("::")));
  if (!resource) return undefined;
  const provider = new proto.AnalyzerProviderResource();
  provider.setUrn(resource.urn);
  provider.setType(resource.type);
  provider.setName(resource.name);
  provider.setProperties(Struct.fromJavaScript(encodeProperties(resource.inputs, graph.secretPaths.get(resource.urn) ?? [])));
  return provider;
}

function optionsOf(r: PlannedResource): analyzerPb.AnalyzerResourceOptions {
  const options = new proto.AnalyzerResourceOptions();
  options.setProtect(r.protect);
  if (r.parent) options.setParent(r.parent);
  return options;
}

/** The `AnalyzeRequest` the engine sends before creating or updating `r` (its inputs). */
export function analyzeRequest(r: PlannedResource, graph: Graph): analyzerPb.AnalyzeRequest {
  const request = new proto.AnalyzeRequest();
  request.setUrn(r.urn);
  request.setType(r.type);
  request.setName(r.name);
  request.setProperties(Struct.fromJavaScript(encodeProperties(r.inputs, graph.secretPaths.get(r.urn) ?? [])));
  request.setOptions(optionsOf(r));
  const provider = providerOf(r, graph);
  if (provider) request.setProvider(provider);
  return request;
}

/**
 * The properties the engine sends for `r` at the end of the run: its outputs. The mock engine
 * may return fewer outputs than inputs, so inputs fill the gaps; `id` is added as bridged
 * providers report it among their outputs.
 */
function stackProperties(r: PlannedResource): Record<string, unknown> {
  const props: Record<string, unknown> = { ...r.inputs, ...(r.outputs ?? {}) };
  if (r.id !== undefined && r.id !== "" && props["id"] === undefined) props["id"] = r.id;
  return props;
}

/** The `AnalyzeStackRequest` the engine sends after the run: every resource, with its links. */
export function analyzeStackRequest(resources: readonly PlannedResource[], graph: Graph): analyzerPb.AnalyzeStackRequest {
  const request = new proto.AnalyzeStackRequest();
  request.setResourcesList(
    resources.map((r) => {
      const resource = new proto.AnalyzerResource();
      resource.setUrn(r.urn);
      resource.setType(r.type);
      resource.setName(r.name);
      resource.setProperties(Struct.fromJavaScript(encodeProperties(stackProperties(r), graph.secretPaths.get(r.urn) ?? [])));
      resource.setOptions(optionsOf(r));
      if (r.parent) resource.setParent(r.parent);
      resource.setDependenciesList([...r.dependencies]);
      const deps = resource.getPropertydependenciesMap();
      for (const [key, urns] of Object.entries(r.propertyDependencies ?? {})) {
        if (urns.length > 0) deps.set(key, new proto.AnalyzerPropertyDependencies().setUrnsList([...urns]));
      }
      const provider = providerOf(r, graph);
      if (provider) resource.setProvider(provider);
      return resource;
    }),
  );
  return request;
}
