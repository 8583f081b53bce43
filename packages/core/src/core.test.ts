import { describe, expect, it } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import { COMPATIBILITY, DEFAULT_MODULES, SLOTS, SLOT_VALUES, incompatibility } from "./config";
import { invalidArg, protectByDefault, requirePlacement, resolveBase } from "./component";
import { dataVolumeClaim, restrictedContainerSecurity, restrictedPodSecurity, sameNamespaceIngress, singleInstanceSpec } from "./kubernetes";
import { physicalName } from "./naming";
import { backendFor, CLOUDS } from "./platform";
import { gcpLabels, kubernetesLabels, REQUIRED_TAG_KEYS, standardTags } from "./tags";
import { TIER_DEFAULTS } from "./tiers";

const ctx = { project: "mlops-platform", stack: "dev", tier: "dev" as const, costCenter: "ML Engineering" };

describe("tags", () => {
  it("carries project, stack, tier, managed-by and cost-center, which extra tags cannot override", () => {
    const tags = standardTags({ ...ctx, extra: { team: "ds", tier: "prod" } });
    expect(Object.keys(tags).sort()).toEqual([...REQUIRED_TAG_KEYS, "team"].sort());
    expect(tags).toMatchObject({ tier: "dev", "managed-by": "pulumi", "cost-center": "ML Engineering", team: "ds" });
  });

  it("lowercases GCP labels and replaces characters GCP rejects", () => {
    expect(gcpLabels({ "Cost Center": "ML Engineering/EU" })).toEqual({ "cost-center": "ml-engineering-eu" });
  });

  it("prefixes Kubernetes labels and keeps values legal", () => {
    expect(kubernetesLabels(standardTags(ctx))).toMatchObject({
      "app.kubernetes.io/managed-by": "pulumi",
      "mlops.platform/cost-center": "ML-Engineering",
      "mlops.platform/tier": "dev",
    });
  });
});

describe("physicalName", () => {
  it("joins, lowercases and cuts to the limit without a trailing dash", () => {
    expect(physicalName(["MLOps", "Data_Store"])).toBe("mlops-data-store");
    expect(physicalName(["a".repeat(10), "b".repeat(10)], 11)).toBe("aaaaaaaaaa");
  });

  it("starts with a letter", () => {
    expect(physicalName(["1st"])).toBe("r-1st");
  });
});

describe("slot compatibility matrix", () => {
  it("only lists known values, and every cloud's defaults are compatible", () => {
    for (const cloud of CLOUDS) {
      for (const slot of SLOTS) {
        for (const v of COMPATIBILITY[cloud][slot]) expect(SLOT_VALUES[slot]).toContain(v);
        expect(incompatibility(cloud, slot, DEFAULT_MODULES[cloud][slot] as never)).toBeUndefined();
      }
    }
  });

  it("keeps managed services on their own cloud", () => {
    expect(incompatibility("gcp", "dataPipeline", "kinesis")).toBe("\"kinesis\" is not available on gcp; allowed on gcp: pubsub, kafka, pulsar, none");
    expect(incompatibility("aws", "mlPlatform", "vertex")).toBeDefined();
    expect(incompatibility("local", "serving", "lambda")).toBeDefined();
  });
});

describe("tiers", () => {
  it("follows the seeds: weekly 7-day backups in dev, daily 30-day in prod", () => {
    expect(TIER_DEFAULTS.dev.backup).toMatchObject({ schedule: "0 3 * * 0", retentionDays: 7 });
    expect(TIER_DEFAULTS.prod.backup).toMatchObject({ schedule: "0 2 * * *", retentionDays: 30 });
    expect(TIER_DEFAULTS.dev.policyEnforcement).toBe("advisory");
    expect(TIER_DEFAULTS.staging.policyEnforcement).toBe("mandatory");
    expect(protectByDefault("dev")).toBe(false);
    expect(protectByDefault("staging")).toBe(true);
  });

  it("maps local to the kubernetes backend", () => {
    expect(backendFor("local")).toBe("kubernetes");
    expect(backendFor("aws")).toBe("aws");
  });
});

describe("component argument errors", () => {
  const component = {} as pulumi.Resource;

  it("names the missing placement", () => {
    expect(() => requirePlacement(component, {}, "aws")).toThrow('placement.aws is required when backend is "aws"');
    expect(requirePlacement(component, { kubernetes: { namespace: "ns" } }, "kubernetes")).toEqual({ namespace: "ns" });
  });

  it("resolves the shared args: tags copied, protect from the tier unless set", () => {
    const tags = { a: "b" };
    const base = resolveBase({ backend: "gcp", tier: "staging", tags, placement: {} });
    expect(base).toEqual({ backend: "gcp", tier: "staging", tags: { a: "b" }, placement: {}, protect: true });
    expect(base.tags).not.toBe(tags);
    expect(resolveBase({ backend: "aws", tier: "prod", tags, placement: {}, protect: false }).protect).toBe(false);
  });

  it("names the input, its value and what is allowed", () => {
    expect(() => invalidArg(component, "sizeGb", -1, "must be >= 20")).toThrow("sizeGb: -1 is not allowed; must be >= 20");
  });
});

describe("kubernetes spec fragments", () => {
  it("meets Pod Security restricted at pod and container level", () => {
    expect(restrictedPodSecurity(70)).toEqual({ runAsNonRoot: true, runAsUser: 70, runAsGroup: 70, fsGroup: 70, fsGroupChangePolicy: "OnRootMismatch", seccompProfile: { type: "RuntimeDefault" } });
    expect(restrictedContainerSecurity(999, 1000)).toMatchObject({ allowPrivilegeEscalation: false, privileged: false, capabilities: { drop: ["ALL"] }, runAsUser: 999, runAsGroup: 1000 });
  });

  it("claims the data volume with the StorageClass only when one is given", () => {
    expect(dataVolumeClaim({ a: "b" }, 5).spec).toEqual({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "5Gi" } } });
    expect(dataVolumeClaim({ a: "b" }, 5, "fast").spec).toMatchObject({ storageClassName: "fast" });
  });

  it("builds a one-replica StatefulSet that keeps its volume and mounts no service-account token", () => {
    const vol = dataVolumeClaim({ a: "b" }, 5);
    const spec = singleInstanceSpec({ serviceName: "svc", selector: { app: "x" }, labels: { app: "x", tier: "dev" }, pod: { containers: [] }, dataVolume: vol });
    expect(spec).toEqual({
      replicas: 1,
      serviceName: "svc",
      selector: { matchLabels: { app: "x" } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
      template: { metadata: { labels: { app: "x", tier: "dev" } }, spec: { automountServiceAccountToken: false, enableServiceLinks: false, containers: [] } },
      volumeClaimTemplates: [vol],
    });
  });

  it("admits the namespace's own pods on one TCP port", () => {
    expect(sameNamespaceIngress({ app: "x" }, 5432)).toEqual({ podSelector: { matchLabels: { app: "x" } }, policyTypes: ["Ingress"], ingress: [{ from: [{ podSelector: {} }], ports: [{ protocol: "TCP", port: 5432 }] }] });
  });
});
