import { describe, expect, it } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { MODELLED_COMPONENTS, MODELLED_COMPONENT_SUMMARIES, one, runWithMocks } from "../index";

const base = { project: "proj", stack: "dev" };

/** A multi-language component no model knows, as a provider SDK declares one. */
class Widget extends pulumi.ComponentResource {
  constructor(name: string, args: Record<string, unknown>, opts?: pulumi.ComponentResourceOptions) {
    super("acme:index:Widget", name, args, opts, true);
  }
}

describe("remote components without a model", () => {
  it("a Helm v4 Chart is unverified: the chart is rendered at deploy time", async () => {
    const run = await runWithMocks(() => new k8s.helm.v4.Chart("ingress", { chart: "ingress-nginx", repositoryOpts: { repo: "https://kubernetes.github.io/ingress-nginx" } }), base);
    const chart = one(run.resources, "kubernetes:helm.sh/v4:Chart");
    expect(chart.remote).toBe(true);
    expect(chart.unverified).toMatch(/rendered by the provider at deploy time/);
    expect(run.resources.filter((r) => r.parent === chart.urn)).toEqual([]);
  });

  it("an unknown remote component is unverified, naming its type; a local component is not", async () => {
    const run = await runWithMocks(() => {
      new Widget("w", { size: 3 });
      new pulumi.ComponentResource("acme:index:Local", "l", {});
    }, { ...base, preview: true });
    expect(one(run.resources, "acme:index:Widget").unverified).toBe("no model of the remote component acme:index:Widget: the offline plan cannot know the resources its provider creates, so no policy saw them");
    expect(one(run.resources, "acme:index:Local").unverified).toBeUndefined();
  });

  it("lists the modelled components, each with what it records", () => {
    expect(MODELLED_COMPONENTS).toEqual(["awsx:ec2:Vpc", "awsx:ecr:Image", "awsx:ecr:Repository", "awsx:ecs:FargateService", "awsx:lb:ApplicationLoadBalancer", "eks:index:Cluster", "kubernetes:yaml/v2:ConfigFile", "kubernetes:yaml/v2:ConfigGroup"]);
    for (const t of MODELLED_COMPONENTS) expect(MODELLED_COMPONENT_SUMMARIES[t]?.length).toBeGreaterThan(20);
  });
});
