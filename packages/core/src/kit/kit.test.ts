import { describe, expect, it } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { byType, one, runWithMocks } from "@mlops/testing";
import { PlatformComponent, type ComponentDefinition, type Implementation } from "./component";
import { defineSettings, resolveSettings } from "./settings";
import { cronHour, dailyWindow, weeklyWindow } from "./cron";
import { MAX_STATEFULSET_NAME, inClusterService } from "./in-cluster-service";
import { awsKeyFor, gcpKeyFor } from "./customer-key";
import type { PlatformComponentArgs } from "../component";

// A toy component declared with the kit: settings, a tier table, a wiring check, two engines on
// aws and none on gcp.
const TIER = { dev: 1, staging: 2, prod: 3 } as const;
const settings = defineSettings({
  section: "widget",
  schema: z.strictObject({ size: z.number().int().min(1).max(10).optional(), engine: z.enum(["a", "b"]).optional(), fast: z.boolean().optional() }),
  complete: (given, { tier }) => ({ size: given.size ?? TIER[tier], engine: given.engine ?? "a", fast: given.fast ?? false }),
  check: (c) => (c.size > 5 && c.engine === "b" ? [{ path: ["size"], value: c.size, message: `${c.size} is not allowed with engine "b": at most 5` }] : []),
  noEffect: { kubernetes: { fast: "in-cluster widgets have one speed" } },
});
type Resolved = ReturnType<typeof settings.complete> & { tier: string; secretName: string };
interface Outputs { size: pulumi.Output<number>; token: pulumi.Output<string> }
type Native = { aws?: { engine: string } };
const impl = (engine: string): Implementation<Resolved, Outputs, { engine: string }> => ({
  build: (_parent, _name, r) => ({ outputs: { size: pulumi.output(r.size), token: pulumi.output(r.secretName) }, native: { engine } }),
});
const WIDGET: ComponentDefinition<typeof settings.schema, ReturnType<typeof settings.complete>, { secretName: string }, Resolved, Outputs, Native> = {
  type: "mlops:test:Widget",
  settings,
  validateWiring(args, fail) {
    if (args.secretName.length === 0) fail("secretName", args.secretName, "use a non-empty name");
  },
  resolve: (c, base, args) => ({ ...c, tier: base.tier, secretName: args.secretName }),
  engine: (r) => r.engine,
  implementations: { aws: { a: () => impl("a"), b: () => impl("b") }, kubernetes: { a: () => impl("k") } },
  secretOutputs: ["token"],
};
class Widget extends PlatformComponent<Outputs, Native> {
  declare readonly size: pulumi.Output<number>;
  declare readonly token: pulumi.Output<string>;
  constructor(name: string, args: PlatformComponentArgs & z.input<typeof settings.schema> & { secretName: string }) {
    super(WIDGET, name, args, {});
  }
}

const base = { backend: "aws" as const, tier: "prod" as const, tags: {}, placement: {}, secretName: "s3cr3t" };
const build = (args: Partial<ConstructorParameters<typeof Widget>[1]>) =>
  runWithMocks(() => {
    const w = new Widget("w", { ...base, ...args });
    return { size: w.size, token: w.token, native: w.native, frozen: Object.isFrozen(w.native) };
  }, { project: "p", stack: "s" });

describe("PlatformComponent", () => {
  it("completes settings from the tier, picks the engine's implementation and registers the outputs once", async () => {
    const run = await build({ engine: "b" });
    const component = one(run.resources, "mlops:test:Widget");
    expect(component.outputs).toEqual({ size: 3, token: "s3cr3t" });
    expect(run.stackOutputs).toMatchObject({ size: 3, native: { aws: { engine: "b" } }, frozen: true });
  });

  it("keeps the declared secret outputs secret", async () => {
    const run = await build({});
    expect(run.secretOutputs).toEqual(["token"]);
  });

  it("names the backend and engine, and the available ones, when no implementation exists", async () => {
    await expect(build({ backend: "gcp" })).rejects.toHaveProperty("message", 'backend: "gcp/a" is not allowed; mlops:test:Widget has no implementation on gcp');
    await expect(build({ backend: "kubernetes", engine: "b" })).rejects.toHaveProperty("message", 'backend: "kubernetes/b" is not allowed; on kubernetes use one of "a"');
  });

  it("reports every settings problem at once, with the config's wording, before the wiring", async () => {
    await expect(build({ size: 0, engine: "c" as never, secretName: "" })).rejects.toHaveProperty("message", 'size: 0 is not allowed: must be >= 1\nengine: "c" is not allowed; allowed: "a", "b"');
    await expect(build({ size: 6, engine: "b" })).rejects.toHaveProperty("message", 'size: 6 is not allowed with engine "b": at most 5');
    await expect(build({ secretName: "" })).rejects.toHaveProperty("message", 'secretName: "" is not allowed; use a non-empty name');
  });

  it("rejects a setting the backend cannot honour, but not its default", () => {
    expect(resolveSettings(settings, { fast: true }, { backend: "kubernetes", tier: "dev" })).toEqual({
      ok: false, issues: [{ path: ["fast"], value: true, message: "true is not allowed on kubernetes: it has no effect there (in-cluster widgets have one speed); remove it" }],
    });
    expect(resolveSettings(settings, {}, { backend: "kubernetes", tier: "dev" }).ok).toBe(true);
  });
});

describe("cron helpers", () => {
  it("reads the hour of a cron schedule and falls back when it is not a plain hour", () => {
    expect(cronHour("0 2 * * *")).toBe(2);
    expect(cronHour("30 23 * * 0")).toBe(23);
    expect(cronHour("0 */6 * * *")).toBe(2);
    expect(cronHour("0 25 * * *", 4)).toBe(4);
  });

  it("builds one-hour windows that roll over midnight", () => {
    expect(dailyWindow(23)).toBe("23:00-00:00");
    expect(weeklyWindow("sat", 23)).toBe("sat:23:00-sun:00:00");
    expect(weeklyWindow("sun", 26)).toBe("sun:02:00-sun:03:00");
  });
});

describe("inClusterService", () => {
  it("caps every name so the controllers' labels fit, and wires the headless Service, PDB and client namespaces", async () => {
    const name = "a-very-long-component-name-that-goes-on-and-on-for-more-than-sixty-three";
    const run = await runWithMocks(() => {
      const parent = new pulumi.ComponentResource("mlops:test:Holder", "holder");
      const svc = inClusterService(parent, name, {
        app: "thing", component: "test", namespace: "data", tags: { project: "p" }, protect: false,
        secretSuffix: "credentials", secretData: { PASSWORD: "x" }, port: { name: "tcp", port: 1234 },
        clientNamespaces: ["ml"], uid: 1000, sizeGb: 1, pod: () => ({ containers: [{ name: "c", image: "busybox:1.37" }] }),
      });
      return { host: svc.host };
    }, { project: "p", stack: "s" });
    const sts = one(run.resources, "kubernetes:apps/v1:StatefulSet");
    const stsName = (sts.inputs["metadata"] as { name: string }).name;
    expect(stsName.length).toBeLessThanOrEqual(MAX_STATEFULSET_NAME);
    expect(`${stsName}-0123456789`.length).toBeLessThanOrEqual(63);
    for (const r of run.resources.filter((x) => x.type.startsWith("kubernetes:"))) {
      expect((r.inputs["metadata"] as { name: string }).name.length).toBeLessThanOrEqual(63);
    }
    const services = byType(run.resources, "kubernetes:core/v1:Service");
    const headless = services.find((x) => (x.inputs["spec"] as { clusterIP?: string }).clusterIP === "None");
    expect((sts.inputs["spec"] as { serviceName: string }).serviceName).toBe((headless?.outputs["metadata"] as { name: string }).name);
    expect(one(run.resources, "kubernetes:policy/v1:PodDisruptionBudget").inputs["spec"]).toMatchObject({ maxUnavailable: 1 });
    expect((one(run.resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy").inputs["spec"] as { ingress: unknown[] }).ingress).toEqual([
      { from: [{ podSelector: {} }, { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ml" } } }], ports: [{ protocol: "TCP", port: 1234 }] },
    ]);
    expect((sts.inputs["spec"] as { template: { spec: { securityContext: unknown } } }).template.spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
  });
});

describe("customer keys", () => {
  it("creates a rotated Cloud KMS key, each service agent before its grant, and hands back the grants to wait for", async () => {
    const run = await runWithMocks(() => {
      const parent = new pulumi.ComponentResource("mlops:test:Holder", "holder");
      const key = gcpKeyFor(parent, "cache", { project: "prj", location: "us-central1", tags: {}, protect: false, agents: [{ short: "redis", service: "redis.googleapis.com" }] });
      return { waitFor: key.dependsOn.map((r) => r.urn) };
    }, { project: "p", stack: "s" });
    const agent = one(run.resources, "gcp:projects/serviceIdentity:ServiceIdentity");
    const grant = one(run.resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember");
    expect(agent.inputs).toMatchObject({ service: "redis.googleapis.com", project: "prj" });
    expect(grant.name).toBe("cache-key-redis-agent");
    expect(grant.dependencies).toContain(agent.urn);
    expect(grant.inputs["role"]).toBe("roles/cloudkms.cryptoKeyEncrypterDecrypter");
    expect(one(run.resources, "gcp:kms/cryptoKey:CryptoKey").inputs["rotationPeriod"]).toBe("7776000s");
    expect(run.stackOutputs["waitFor"]).toEqual([grant.urn]);
  });

  it("uses a given key as is and creates nothing", async () => {
    const run = await runWithMocks(() => {
      const parent = new pulumi.ComponentResource("mlops:test:Holder", "holder");
      return { aws: awsKeyFor(parent, "db", { given: "arn:aws:kms:us-east-1:111122223333:key/k", description: "d", tags: {}, protect: true }).keyArn };
    }, { project: "p", stack: "s" });
    expect(run.resources.filter((r) => r.custom)).toEqual([]);
    expect(run.stackOutputs["aws"]).toBe("arn:aws:kms:us-east-1:111122223333:key/k");
  });
});
