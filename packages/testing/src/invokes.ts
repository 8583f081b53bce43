// Canned provider functions (invokes) and component methods (calls) a platform program uses.
// Anything not here and not mocked by the caller fails the run: a silently empty answer
// (a Helm chart rendering nothing) must not pass for a plan.
import { MOCK_GCP_PROJECT_NUMBER } from "./ids";
import { renderPolicyDocument } from "./policy-document";
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
};

/** Canned component methods by token. `__self__` is the component's URN. */
export const CALL_RULES: Readonly<Record<string, Canned>> = {
  // eks.Cluster.getKubeconfig(): the cluster's kubeconfig, as a string (the canned one of the cluster).
  "eks:index:Cluster/getKubeconfig": (_, c) => {
    const json = c.self?.outputs["kubeconfigJson"];
    // In a preview the cluster's outputs are unknown, and so is its kubeconfig.
    return { result: typeof json === "string" ? json : UNKNOWN };
  },
};

/** The error for a function with no mock: names the token and how to add one. */
export function missingMockError(kind: "invoke" | "call", token: string): Error {
  const option = kind === "invoke" ? "invokes" : "calls";
  return new Error(
    `No mock for ${kind} '${token}': the mock engine will not answer it with an empty result. ` +
      `Add one with runWithMocks(program, { ${option}: { "${token}": (args) => ({ ... }) } }), or to the canned table in @mlops/testing.`,
  );
}
