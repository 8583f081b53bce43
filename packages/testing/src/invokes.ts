// Canned provider functions (invokes) and component methods (calls) that common programs use.
// Every canned value is the MOCK ENGINE'S, not the cloud's: deterministic, shaped like the SDK's
// result (its property names), consistent with the other canned values (account, region, the
// awsx VPC of remote.ts). Anything not here and not mocked by the caller (`--mocks`, `invokes`)
// fails the run: a silently empty answer (a Helm chart rendering nothing) must not pass for a plan.
import YAML from "yaml";
import { MOCK_GCP_PROJECT_NUMBER } from "./ids";
import { getAmi, getSubnet, getSubnets, getVpc } from "./invokes-ec2";
import { renderPolicyDocument } from "./policy-document";
import { sdkResultSkeleton } from "./sdk-results";
import { UNKNOWN, type RecordedResource } from "./types";

/** What a canned function knows besides its arguments. */
export interface InvokeContext {
  /** The AWS or GCP region of the provider the invoke goes through (else the stack config's). */
  region: string;
  /** The GCP project of the provider (else the stack config's). */
  project: string;
  account: string;
  /** For a component method call: the component (`__self__`) as recorded. */
  self?: RecordedResource;
  /** What the program registered so far: lookups of its own VPCs and subnets answer from it. */
  resources: readonly RecordedResource[];
}

type Canned = (args: Record<string, unknown>, c: InvokeContext) => Record<string, unknown>;

const AZ_SUFFIXES = ["a", "b", "c", "d", "e", "f"];

/** Canned invokes by token. */
export const INVOKE_RULES: Readonly<Record<string, Canned>> = {
  "aws:index/getCallerIdentity:getCallerIdentity": (_, c) => ({ accountId: c.account, arn: `arn:aws:iam::${c.account}:user/mock`, userId: "AIDAMOCKUSERID", id: c.account }),
  "aws:index/getRegion:getRegion": (args, c) => {
    const region = typeof args["region"] === "string" ? args["region"] : typeof args["name"] === "string" ? args["name"] : c.region;
    return { name: region, region, id: region, description: `Mock ${region}`, endpoint: `ec2.${region}.amazonaws.com` };
  },
  "aws:index/getPartition:getPartition": (_, c) => ({ partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws", region: c.region }),
  "aws:index/getAvailabilityZones:getAvailabilityZones": (_, c) => {
    const short = c.region.replace(/^(\w\w)-(\w)\w+-(\d)$/, "$1$2$3");
    return {
      names: AZ_SUFFIXES.slice(0, 3).map((s) => `${c.region}${s}`),
      zoneIds: [1, 2, 3].map((i) => `${short}-az${i}`),
      groupNames: [c.region],
      id: c.region,
      region: c.region,
      state: "available",
    };
  },
  "aws:iam/getPolicyDocument:getPolicyDocument": (args) => renderPolicyDocument(args),
  "gcp:organizations/getProject:getProject": (args, c) => {
    const projectId = typeof args["projectId"] === "string" ? args["projectId"] : c.project;
    return { projectId, number: MOCK_GCP_PROJECT_NUMBER, name: projectId, id: `projects/${projectId}`, orgId: "123456789", labels: {}, effectiveLabels: {}, autoCreateNetwork: true };
  },
  "gcp:organizations/getClientConfig:getClientConfig": (_, c) => ({ project: c.project, region: c.region, zone: `${c.region}-a`, accessToken: "mock-access-token", id: `projects/${c.project}/regions/${c.region}/zones/${c.region}-a`, defaultLabels: {} }),
  "gcp:storage/getProjectServiceAccount:getProjectServiceAccount": (args, c) => {
    const project = typeof args["project"] === "string" ? args["project"] : c.project;
    const emailAddress = `service-${MOCK_GCP_PROJECT_NUMBER}@gs-project-accounts.iam.gserviceaccount.com`;
    return { emailAddress, member: `serviceAccount:${emailAddress}`, project, id: emailAddress };
  },
  "gcp:compute/getZones:getZones": (_, c) => ({ names: ["a", "b", "c"].map((s) => `${c.region}-${s}`), id: `projects/${c.project}/regions/${c.region}`, project: c.project, region: c.region }),
  "aws:ec2/getAmi:getAmi": getAmi,
  "aws:ec2/getVpc:getVpc": getVpc,
  "aws:ec2/getSubnets:getSubnets": getSubnets,
  "aws:ec2/getSubnet:getSubnet": getSubnet,
  "gcp:container/getEngineVersions:getEngineVersions": gkeEngineVersions,
  // @pulumi/kubernetes yaml v1 ConfigFile / ConfigGroup: the provider parses the text; so do we, in-process.
  "kubernetes:yaml:decode": (args) => ({ result: decodeYaml(args["text"]) }),
};

/** The GKE versions the mock engine offers (made up, shaped like GKE's): newest first. */
const GKE_VERSIONS = ["1.33.2-gke.1240000", "1.32.6-gke.1096000", "1.31.10-gke.1055000", "1.30.14-gke.1097000"];

function gkeEngineVersions(args: Record<string, unknown>, c: InvokeContext): Record<string, unknown> {
  const prefix = typeof args["versionPrefix"] === "string" ? args["versionPrefix"] : "";
  const location = typeof args["location"] === "string" ? args["location"] : c.region;
  const project = typeof args["project"] === "string" ? args["project"] : c.project;
  // A prefix for a minor the table lacks (`1.29.`) gets a made-up patch of that minor, as GKE would list one.
  const minor = /^(\d+\.\d+)\.?$/.exec(prefix)?.[1];
  const matching = GKE_VERSIONS.filter((v) => v.startsWith(prefix));
  const versions = matching.length > 0 ? matching : minor ? [`${minor}.0-gke.1000000`] : [];
  if (versions.length === 0) throw new Error(`gcp:container/getEngineVersions: no canned GKE version matches versionPrefix ${JSON.stringify(prefix)}; supply the result with --mocks`);
  const [latest = "", regular = latest, stable = regular] = versions;
  const channels = (rapid: string, reg: string, st: string) => ({ RAPID: rapid, REGULAR: reg, STABLE: st, EXTENDED: st });
  return {
    id: `projects/${project}/locations/${location}`,
    project,
    location,
    defaultClusterVersion: regular,
    latestMasterVersion: latest,
    latestNodeVersion: latest,
    validMasterVersions: versions,
    validNodeVersions: versions,
    releaseChannelDefaultVersion: channels(latest, regular, stable),
    releaseChannelLatestVersion: channels(latest, latest, regular),
    releaseChannelUpgradeTargetVersion: channels(latest, regular, stable),
    ...(prefix ? { versionPrefix: prefix } : {}),
  };
}

/** Multi-document YAML (or JSON) to objects, empty documents dropped, as the Kubernetes provider's decode does. */
function decodeYaml(text: unknown): unknown[] {
  if (typeof text !== "string") throw new Error(`kubernetes:yaml:decode: 'text' must be a string, got ${JSON.stringify(text)}`);
  const out: unknown[] = [];
  for (const doc of YAML.parseAllDocuments(text)) {
    const err = doc.errors[0];
    if (err) throw new Error(`kubernetes:yaml:decode: ${err.message}`);
    const value: unknown = doc.toJS();
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

/** Canned component methods by token. `__self__` is the component's URN. */
export const CALL_RULES: Readonly<Record<string, Canned>> = {
  // eks.Cluster.getKubeconfig(): the cluster's kubeconfig, as a string (the canned one of the cluster).
  "eks:index:Cluster/getKubeconfig": (_, c) => {
    const json = c.self?.outputs["kubeconfigJson"];
    // In a preview the cluster's outputs are unknown, and so is its kubeconfig.
    return { result: typeof json === "string" ? json : UNKNOWN };
  },
};

/** A run failed for want of a mock: the run fails even when the program swallowed the error. */
export class MissingMockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingMockError";
  }
}

/** Thrown by a `--mocks` invoke given as a list of `when` cases when none matches the arguments. */
export class UnmatchedInvokeMock extends Error {
  constructor(readonly whens: readonly Record<string, unknown>[]) {
    super("no `when` case matches the arguments");
    this.name = "UnmatchedInvokeMock";
  }
}

/** The value shown in place of a secret argument. */
export const SECRET_SHOWN = "[secret]";

/** The value at a dotted path (`a.0.b`). */
export function valueAtPath(root: unknown, dotted: string): unknown {
  let at = root;
  for (const k of dotted.split(".")) at = at !== null && typeof at === "object" ? (at as Record<string, unknown>)[k] : undefined;
  return at;
}

/**
 * A copy of `args` for an error message: the values at `secretPaths` (dotted, `a.0.b`), and any
 * string holding one of `secretValues`, replaced by {@link SECRET_SHOWN}. The SDK sends invoke
 * arguments without their secret marks, so known secret values (secret config, secret inputs of
 * recorded resources) are how a secret argument is recognised.
 */
export function maskSecretArgs(args: Record<string, unknown>, secretPaths: readonly string[], secretValues: readonly string[] = []): Record<string, unknown> {
  const copy = structuredClone(args);
  for (const p of secretPaths) {
    const keys = p.split(".");
    const at = valueAtPath(copy, keys.slice(0, -1).join("."));
    const last = keys[keys.length - 1] ?? "";
    if (at !== null && typeof at === "object" && last in at) (at as Record<string, unknown>)[last] = SECRET_SHOWN;
  }
  const values = secretValues.filter((v) => v.length >= 4);
  if (values.length === 0) return copy;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return values.some((s) => v.includes(s)) ? SECRET_SHOWN : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(copy) as Record<string, unknown>;
}

/** Result shapes of provider functions with no SDK result interface to read them from. */
const RESULT_SHAPES: Readonly<Record<string, Record<string, string>>> = {
  // helm v3 Chart / kustomize Directory: the rendered objects, registered by the SDK one by one.
  "kubernetes:helm:template": { result: "<list of Kubernetes objects>" },
  "kubernetes:kustomize:directory": { result: "<list of Kubernetes objects>" },
};

/** `value` as YAML, indented by `indent` spaces. */
function yamlBlock(value: unknown, indent: number): string {
  const pad = " ".repeat(indent);
  return YAML.stringify(value, { lineWidth: 0 })
    .trimEnd()
    .split("\n")
    .map((l) => pad + l)
    .join("\n");
}

/** Arguments for an error message: JSON, cut short when long. */
function showArgs(args: Record<string, unknown>): string {
  const text = JSON.stringify(args);
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

/**
 * The error for a function with no mock: names the function and its arguments (secrets masked),
 * and shows the `--mocks` entry that would answer it (the result's property names from the SDK's
 * type definitions when they can be found) and the `runWithMocks` option for tests.
 * `unmatched`: the `when` cases of a `--mocks` entry, none of which matched.
 */
export function missingMockError(kind: "invoke" | "call", token: string, args: Record<string, unknown> = {}, unmatched?: readonly Record<string, unknown>[]): MissingMockError {
  const shown = Object.keys(args).length > 0 ? `, called with ${showArgs(args)}` : "";
  if (kind === "call") {
    return new MissingMockError(
      `No mock for call '${token}'${shown}: the mock engine will not answer it with an empty result. ` +
        `Add one with runWithMocks(program, { calls: { "${token}": (args) => ({ ... }) } }), or to the canned table in @mlops/testing.`,
    );
  }
  const skeleton = sdkResultSkeleton(token) ?? RESULT_SHAPES[token] ?? { "<property>": "<value>" };
  const fill = "(keep the properties the program reads, with real values; drop the rest)";
  if (unmatched) {
    const item = yamlBlock([{ when: args, result: skeleton }], 4);
    return new MissingMockError(
      `No mock for invoke '${token}'${shown}: none of the ${unmatched.length} \`when\` case(s) under invokes."${token}" in the --mocks file matches these arguments. ` +
        `Add a case (or one without \`when\`, last, for every other call) ${fill}:\n\ninvokes:\n  "${token}":\n${item}\n`,
    );
  }
  return new MissingMockError(
    `No mock for invoke '${token}'${shown}: the mock engine does not know its result and will not answer it with an empty one. ` +
      `Supply it in a --mocks file (YAML or JSON) ${fill}:\n\ninvokes:\n  "${token}":\n${yamlBlock(skeleton, 4)}\n\n` +
      `To answer by arguments, give a list of { when: <arguments to match>, result: ... } instead. ` +
      `In a test: runWithMocks(program, { invokes: { "${token}": (args) => ({ ... }) } }).`,
  );
}
