// The Kubernetes schema check that tests/stacks.test.ts runs on every object of every shipped stack.
//
// The schema: kubernetes-models 4.5.1 (a devDependency of this package), ajv validators generated
// from the Kubernetes v1.33.0 OpenAPI spec (merged with older specs for APIs removed since, so an
// old apiVersion still finds its schema). No stack pins a cluster version; 1.33 is what EKS and
// Kind run today. kubernetes-models 5.x (Kubernetes 1.36) is ESM-only, which jest cannot load on
// Node 22 (it can from Node 24.9); the module layout and the validate API are the same, so moving
// to it is a version bump here.
import { describe, expect, it } from "@jest/globals";
import { isKubernetesObjectType, kubernetesApiOf, kubernetesModelsSchemas, validateKubernetesObject } from "@mlops/testing";

const schemas = kubernetesModelsSchemas(require);

const meta = { name: "db", namespace: "data", labels: { "app.kubernetes.io/name": "postgresql" } };
const selector = { matchLabels: { "app.kubernetes.io/name": "postgresql" } };
const statefulSet = (spec: Record<string, unknown>) => ({
  apiVersion: "apps/v1",
  kind: "StatefulSet",
  metadata: meta,
  spec: {
    replicas: 1,
    serviceName: "db",
    selector,
    template: { metadata: { labels: selector.matchLabels }, spec: { containers: [{ name: "postgres", image: "postgres:17", resources: { limits: { cpu: "1", memory: "1Gi" } } }] } },
    ...spec,
  },
});
const networkPolicy = (spec: Record<string, unknown>) => ({ metadata: meta, spec: { podSelector: {}, policyTypes: ["Ingress"], ...spec } });

describe("validateKubernetesObject", () => {
  it("accepts a valid object, map keys (labels, resource limits) included", () => {
    expect(validateKubernetesObject("kubernetes:apps/v1:StatefulSet", statefulSet({}), schemas)).toEqual([]);
    expect(validateKubernetesObject("kubernetes:core/v1:Namespace", { metadata: { name: "data", labels: { "pod-security.kubernetes.io/enforce": "restricted" } } }, schemas)).toEqual([]);
  });

  it("rejects a StatefulSet with replicas: \"two\", naming the field", () => {
    expect(validateKubernetesObject("kubernetes:apps/v1:StatefulSet", statefulSet({ replicas: "two" }), schemas)).toEqual(["spec.replicas: must be integer (got string)"]);
  });

  it("rejects an unknown field, at any depth", () => {
    expect(validateKubernetesObject("kubernetes:networking.k8s.io/v1:NetworkPolicy", networkPolicy({ podSelectr: {} }), schemas)).toEqual(["spec.podSelectr: unknown field (not in the schema)"]);
    const pod = statefulSet({});
    (pod.spec.template.spec.containers[0] as Record<string, unknown>)["imagePullPolicyy"] = "Always";
    expect(validateKubernetesObject("kubernetes:apps/v1:StatefulSet", pod, schemas)).toEqual(["spec.template.spec.containers.0.imagePullPolicyy: unknown field (not in the schema)"]);
    expect(validateKubernetesObject("kubernetes:core/v1:Secret", { metadata: meta, stringData: { password: "x" }, typ: "Opaque" }, schemas)).toEqual(["typ: unknown field (not in the schema)"]);
  });

  it("reports a missing required field and a value outside an enum, with the allowed values", () => {
    expect(validateKubernetesObject("kubernetes:apps/v1:StatefulSet", statefulSet({ selector: undefined }), schemas)).toEqual(["spec: must have required property selector"]);
    expect(validateKubernetesObject("kubernetes:apps/v1:StatefulSet", statefulSet({ podManagementPolicy: "Sometimes" }), schemas)).toEqual([
      "spec.podManagementPolicy: must be equal to one of the allowed values: OrderedReady, Parallel (got string)",
    ]);
  });

  it("reports a type the schema package has no schema for, never passes it", () => {
    expect(validateKubernetesObject("kubernetes:example.com/v1:Widget", { spec: {} }, schemas)).toEqual(["no schema for example.com/v1 Widget (kubernetes:example.com/v1:Widget) in the schema package"]);
    expect(validateKubernetesObject("kubernetes:apps/v1:StatefulSetSpec", {}, schemas)).toEqual(["no schema for apps/v1 StatefulSetSpec (kubernetes:apps/v1:StatefulSetSpec) in the schema package"]);
    expect(validateKubernetesObject("kubernetes:apiextensions.k8s.io:CustomResource", { apiVersion: "kafka.strimzi.io/v1beta2", kind: "Kafka", spec: {} }, schemas)).toEqual([
      "no schema for kafka.strimzi.io/v1beta2 Kafka (kubernetes:apiextensions.k8s.io:CustomResource) in the schema package",
    ]);
    expect(validateKubernetesObject("kubernetes:helm.sh/v3:Release", { chart: "x" }, schemas)).toEqual(["kubernetes:helm.sh/v3:Release is not a Kubernetes object type"]);
  });

  it("takes apiVersion and kind from the type token, and refuses inputs that disagree", () => {
    expect(kubernetesApiOf("kubernetes:core/v1:ServiceAccount")).toEqual({ apiVersion: "v1", kind: "ServiceAccount", patch: false });
    expect(kubernetesApiOf("kubernetes:rbac.authorization.k8s.io/v1:Role")).toEqual({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", patch: false });
    expect(validateKubernetesObject("kubernetes:apps/v1:StatefulSet", { ...statefulSet({}), apiVersion: "apps/v1beta1" }, schemas)).toEqual([
      'apiVersion: "apps/v1beta1" in the inputs, but the type kubernetes:apps/v1:StatefulSet is apps/v1',
    ]);
  });

  it("validates the other kinds the platform renders", () => {
    const ok: Array<[string, Record<string, unknown>]> = [
      ["kubernetes:core/v1:ResourceQuota", { metadata: meta, spec: { hard: { "requests.cpu": "4", pods: "20" } } }],
      ["kubernetes:core/v1:LimitRange", { metadata: meta, spec: { limits: [{ type: "Container", default: { cpu: "500m" }, defaultRequest: { cpu: "100m" } }] } }],
      ["kubernetes:core/v1:ServiceAccount", { metadata: meta, automountServiceAccountToken: false }],
      ["kubernetes:batch/v1:Job", { metadata: meta, spec: { backoffLimit: 3, template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "mc", image: "minio/mc" }] } } } }],
      ["kubernetes:storage.k8s.io/v1:StorageClass", { metadata: { name: "gp3" }, provisioner: "ebs.csi.aws.com", parameters: { type: "gp3", encrypted: "true" }, allowVolumeExpansion: true }],
      ["kubernetes:policy/v1:PodDisruptionBudget", { metadata: meta, spec: { maxUnavailable: 1, selector } }],
      ["kubernetes:rbac.authorization.k8s.io/v1:Role", { metadata: meta, rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }] }],
      ["kubernetes:networking.k8s.io/v1:NetworkPolicy", networkPolicy({ ingress: [{ from: [{ podSelector: {} }], ports: [{ protocol: "TCP", port: 5432 }] }] })],
    ];
    for (const [type, inputs] of ok) expect({ type, errors: validateKubernetesObject(type, inputs, schemas) }).toEqual({ type, errors: [] });
    expect(validateKubernetesObject("kubernetes:storage.k8s.io/v1:StorageClass", { metadata: { name: "gp3" }, provisioner: "ebs.csi.aws.com", allowVolumeExpansion: "yes" }, schemas)).toEqual([
      "allowVolumeExpansion: must be boolean (got string)",
    ]);
  });

  it("lets a preview's unknown value stand for any type, but not hide unknown fields", () => {
    expect(validateKubernetesObject("kubernetes:apps/v1:StatefulSet", statefulSet({ replicas: "<unknown>" }), schemas)).toEqual([]);
    expect(validateKubernetesObject("kubernetes:networking.k8s.io/v1:NetworkPolicy", { metadata: meta, spec: "<unknown>" }, schemas)).toEqual([]);
    expect(validateKubernetesObject("kubernetes:networking.k8s.io/v1:NetworkPolicy", networkPolicy({ podSelectr: "<unknown>" }), schemas)).toEqual(["spec.podSelectr: unknown field (not in the schema)"]);
  });

  it("lets a Patch type leave out required fields", () => {
    expect(kubernetesApiOf("kubernetes:apps/v1:StatefulSetPatch")).toEqual({ apiVersion: "apps/v1", kind: "StatefulSet", patch: true });
    expect(validateKubernetesObject("kubernetes:apps/v1:StatefulSetPatch", { metadata: meta, spec: { replicas: 2 } }, schemas)).toEqual([]);
    expect(validateKubernetesObject("kubernetes:apps/v1:StatefulSetPatch", { metadata: meta, spec: { replicas: 2, replica: 1 } }, schemas)).toEqual(["spec.replica: unknown field (not in the schema)"]);
  });

  it("tells Kubernetes objects from Helm, YAML and kustomize resources", () => {
    for (const t of ["kubernetes:core/v1:Namespace", "kubernetes:apps/v1:DeploymentPatch", "kubernetes:core/v1:ConfigMapList", "kubernetes:apiextensions.k8s.io:CustomResource"]) expect({ t, is: isKubernetesObjectType(t) }).toEqual({ t, is: true });
    for (const t of ["pulumi:providers:kubernetes", "kubernetes:helm.sh/v3:Chart", "kubernetes:helm.sh/v3:Release", "kubernetes:helm.sh/v4:Chart", "kubernetes:yaml:ConfigFile", "kubernetes:yaml/v2:ConfigGroup", "kubernetes:kustomize/v2:Directory"]) {
      expect({ t, is: isKubernetesObjectType(t) }).toEqual({ t, is: false });
    }
  });
});
