// kubernetes yaml/v2 ConfigGroup and ConfigFile (pulumi-kubernetes provider/pkg/provider/yaml/v2):
// the manifests parsed in-process — `files` (globs, relative to the program's directory), `yaml`,
// `objs` — lists expanded, each object registered as the provider registers it: type
// `kubernetes:<group|core>/<version>:<Kind>`, name `[<prefix>:][<namespace>/]<name>` (prefix: the
// component's name unless `resourcePrefix` is given), namespaced kinds without a namespace put in
// the provider's namespace ("default" unless it sets one), Secret `data`/`stringData` secret, Namespaces and CRDs first and depended on.
import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { UNKNOWN } from "../types";
import { arr, bool, obj, str, Unmodellable, type Child, type ChildSet, type ComponentModel } from "./types";

/** Built-in kinds that are cluster-scoped (not given a default namespace). */
const CLUSTER_SCOPED = new Set([
  "Namespace", "Node", "PersistentVolume", "ComponentStatus", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass",
  "CSIDriver", "CSINode", "VolumeAttachment", "PriorityClass", "RuntimeClass", "IngressClass", "APIService", "MutatingWebhookConfiguration",
  "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
  "CertificateSigningRequest", "FlowSchema", "PriorityLevelConfiguration", "PodSecurityPolicy", "ClusterTrustBundle", "IPAddress", "ServiceCIDR",
  "DeviceClass", "ResourceSlice", "TokenReview", "SelfSubjectReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview",
]);
/** Built-in API groups: a kind in one of these not listed above is namespaced. */
const BUILTIN_GROUPS = new Set(["", "core", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io", "scheduling.k8s.io", "node.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "events.k8s.io", "certificates.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io", "flowcontrol.apiserver.k8s.io", "resource.k8s.io"]);

type KObject = Record<string, unknown>;

const groupOf = (apiVersion: string) => (apiVersion.includes("/") ? (apiVersion.split("/")[0] ?? "") : "");

/** The type token the provider registers an object under. */
export function typeTokenOf(apiVersion: string, kind: string): string {
  const group = groupOf(apiVersion);
  const version = apiVersion.includes("/") ? apiVersion.split("/")[1] : apiVersion;
  return `kubernetes:${group === "" || group === "core" ? "core" : group}/${version}:${kind}`;
}

function parseYaml(text: string, where: string): KObject[] {
  const out: KObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`decoding YAML (${where}): ${doc.errors[0]?.message ?? "invalid YAML"}`);
    const value: unknown = doc.toJS();
    if (obj(value) && Object.keys(value as KObject).length > 0) out.push(value as KObject);
  }
  return out;
}

const isGlob = (p: string) => /[*?[]/.test(p);

/** Go's filepath.Glob: each path segment may be a pattern (`*`, `?`, `[...]`); no `**`. Sorted. */
function glob(pattern: string): string[] {
  const abs = path.resolve(pattern);
  const parts = abs.split(path.sep).filter((p, i) => p !== "" || i === 0);
  let current = [parts[0] === "" ? path.sep : (parts[0] ?? path.sep)];
  for (const part of parts.slice(1)) {
    if (!isGlob(part)) {
      current = current.map((c) => path.join(c, part));
      continue;
    }
    const re = new RegExp(`^${part.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")}$`);
    current = current.flatMap((dir) => (fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? fs.readdirSync(dir).filter((f) => re.test(f)).map((f) => path.join(dir, f)) : []));
  }
  return current.filter((f) => fs.existsSync(f)).sort();
}

function readFiles(files: string[], cwd: string): KObject[] {
  const out: KObject[] = [];
  for (const file of files) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) throw new Unmodellable(`its manifest '${file}' is fetched over the network at deploy time`);
    const resolved = path.resolve(cwd, file);
    const paths = isGlob(file) ? glob(resolved) : [resolved];
    for (const p of paths) {
      let text: string;
      try {
        text = fs.readFileSync(p, "utf8");
      } catch (err) {
        throw new Error(`reading YAML file from disk: ${file} (resolved to ${p}): ${(err as Error).message}`, { cause: err });
      }
      out.push(...parseYaml(text, file));
    }
  }
  return out;
}

/** Lists (`v1/List`, `*List` with items) expanded into their items, recursively. */
function expand(objects: KObject[]): KObject[] {
  const out: KObject[] = [];
  for (const o of objects) {
    const items = arr(o["items"]);
    if (typeof o["kind"] === "string" && o["kind"].endsWith("List") && items) out.push(...expand(items.filter((i): i is KObject => obj(i) !== undefined)));
    else out.push(o);
  }
  return out;
}

interface Prepared {
  object: KObject;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** Checks and normalises each object as the provider does (its default namespace for namespaced kinds). */
function normalize(objects: KObject[], defaultNamespace: string): Prepared[] {
  const crdScopes = new Map<string, string>();
  for (const o of objects) {
    if (o["kind"] !== "CustomResourceDefinition") continue;
    const spec = obj(o["spec"]);
    const kind = str(obj(spec?.["names"])?.["kind"]);
    if (kind) crdScopes.set(`${String(spec?.["group"])}/${kind}`, String(spec?.["scope"] ?? "Namespaced"));
  }
  return objects.map((o) => {
    const apiVersion = str(o["apiVersion"]);
    const kind = str(o["kind"]);
    if (!apiVersion || !kind) throw new Error(`Kubernetes resources require a kind and apiVersion: ${JSON.stringify(o).slice(0, 200)}`);
    const meta = obj(o["metadata"]) ?? {};
    const name = str(meta["name"]);
    if (!name) throw new Error(`Kubernetes resources require a .metadata.name: ${JSON.stringify(o).slice(0, 200)}`);
    let namespace = str(meta["namespace"]);
    if (!namespace) {
      const group = groupOf(apiVersion);
      const scope = crdScopes.get(`${group}/${kind}`);
      const namespaced = scope ? scope === "Namespaced" : BUILTIN_GROUPS.has(group) ? !CLUSTER_SCOPED.has(kind) : undefined;
      // A custom kind with no CRD among the objects: its scope is unknown offline, so the provider leaves it as is.
      if (namespaced) namespace = defaultNamespace;
    }
    const object = namespace && !str(meta["namespace"]) ? { ...o, metadata: { ...meta, namespace } } : o;
    return { object, apiVersion, kind, name, ...(namespace ? { namespace } : {}) };
  });
}

function register(set: ChildSet, prepared: Prepared[], prefix: string, skipAwait: boolean): Child[] {
  // Namespaces and CRDs first: what the others depend on (the provider sorts by dependency).
  const rank = (p: Prepared) => (p.kind === "CustomResourceDefinition" ? 0 : p.kind === "Namespace" ? 1 : 2);
  const ordered = [...prepared].sort((a, b) => rank(a) - rank(b));
  const byKey = new Map<string, Child>();
  const children: Child[] = [];
  for (const p of ordered) {
    const base = p.namespace ? `${p.namespace}/${p.name}` : p.name;
    const resourceName = prefix ? `${prefix}:${base}` : base;
    let object = p.object;
    if (skipAwait) {
      const meta = obj(object["metadata"]) ?? {};
      object = { ...object, metadata: { ...meta, annotations: { ...obj(meta["annotations"]), "pulumi.com/skipAwait": "true" } } };
    }
    const secretPaths = p.apiVersion === "v1" && p.kind === "Secret" ? ["data", "stringData"].filter((k) => object[k] !== undefined) : [];
    const dependsOn: Child[] = [];
    const ns = p.namespace ? byKey.get(`Namespace/${p.namespace}`) : undefined;
    if (ns) dependsOn.push(ns);
    const crd = byKey.get(`CRD/${groupOf(p.apiVersion)}/${p.kind}`);
    if (crd) dependsOn.push(crd);
    const child = set.add(typeTokenOf(p.apiVersion, p.kind), resourceName, object, { dependsOn, secretPaths });
    if (p.kind === "Namespace") byKey.set(`Namespace/${p.name}`, child);
    if (p.kind === "CustomResourceDefinition") {
      const spec = obj(p.object["spec"]);
      byKey.set(`CRD/${String(spec?.["group"])}/${String(obj(spec?.["names"])?.["kind"])}`, child);
    }
    children.push(child);
  }
  return children;
}

/** The provider's `namespace` (its default for namespaced objects), else "default". */
function defaultNamespaceOf(set: ChildSet): string {
  return str(set.ctx.providerInputs["namespace"]) ?? "default";
}

function prefixOf(set: ChildSet): string {
  const given = set.ctx.inputs["resourcePrefix"];
  if (given === UNKNOWN) throw new Unmodellable("its input 'resourcePrefix' is unknown in a preview");
  return typeof given === "string" ? given : set.ctx.name;
}

function checkKnown(inputs: Record<string, unknown>, keys: string[]): void {
  for (const k of keys) {
    if (JSON.stringify(inputs[k] ?? null).includes(UNKNOWN)) throw new Unmodellable(`its input '${k}' is unknown in a preview, so the objects it holds are unknown too (the provider warns "Preview is incomplete")`);
  }
}

function outputsOf(children: Child[]): Record<string, unknown> {
  return { resources: children.map((c) => c.id || UNKNOWN) };
}

function buildGroup(set: ChildSet): Record<string, unknown> {
  const a = set.ctx.inputs;
  checkKnown(a, ["files", "yaml", "objs", "skipAwait"]);
  const files = typeof a["files"] === "string" ? [a["files"]] : (arr(a["files"])?.map(String) ?? []);
  const yamls = typeof a["yaml"] === "string" ? [a["yaml"]] : (arr(a["yaml"])?.map(String) ?? []);
  const objs = arr(a["objs"]) ?? (obj(a["objs"]) ? [a["objs"]] : []);
  const objects = [...readFiles(files, set.ctx.cwd), ...yamls.flatMap((y, i) => parseYaml(y, `yaml[${i}]`)), ...objs.filter((o): o is KObject => obj(o) !== undefined)];
  return outputsOf(register(set, normalize(expand(objects), defaultNamespaceOf(set)), prefixOf(set), bool(a["skipAwait"]) === true));
}

function buildFile(set: ChildSet): Record<string, unknown> {
  const a = set.ctx.inputs;
  checkKnown(a, ["file", "skipAwait"]);
  const file = str(a["file"]);
  if (!file) throw new Error(`kubernetes:yaml/v2:ConfigFile '${set.ctx.name}': 'file' is required`);
  return outputsOf(register(set, normalize(expand(readFiles([file], set.ctx.cwd)), defaultNamespaceOf(set)), prefixOf(set), bool(a["skipAwait"]) === true));
}

export const k8sConfigGroup: ComponentModel = { summary: "every object of `files` (globs), `yaml` and `objs`, parsed in-process, as the provider registers it", build: buildGroup };
export const k8sConfigFile: ComponentModel = { summary: "every object of `file`, parsed in-process, as the provider registers it", build: buildFile };
