import { describe, expect, it } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { one, runWithMocks } from "@mlops/testing";
import { Network } from "./network";
import type { NetworkArgs } from "./types";

const tags = { project: "mlops" };

function run(args: Partial<NetworkArgs> = {}, opts?: () => pulumi.ComponentResourceOptions) {
  return runWithMocks(() => {
    const net = new Network("network", { backend: "aws", tier: "dev", tags, placement: {}, region: "us-east-1", ...args }, opts?.());
    return { frozen: Object.isFrozen(net.native), native: Object.keys(net.native), vpc: net.native.aws?.vpc.urn };
  }, { project: "mlops-platform", stack: "dev" });
}

const failure = (p: Promise<unknown>) => p.then(() => "no error", (e: unknown) => (e instanceof Error ? e.message : String(e)));

describe("Network component", () => {
  it("registers under mlops:network:Network with every output", async () => {
    const { resources } = await run();
    const component = one(resources, "mlops:network:Network");
    expect(component.custom).toBe(false);
    expect(Object.keys(component.outputs).sort()).toEqual(["apis", "cidr", "networkId", "placement", "privateSubnetIds", "privateSubnetsByZone", "publicSubnetIds"]);
  });

  it("exposes only the active backend's native resources, read-only", async () => {
    const { stackOutputs, resources } = await run();
    expect(stackOutputs).toMatchObject({ frozen: true, native: ["aws"], vpc: one(resources, "awsx:ec2:Vpc").urn });
  });

  it("puts every child, the awsx VPC included, on the component's provider", async () => {
    const { resources } = await run({}, () => ({ providers: [new aws.Provider("primary", { region: "us-east-1" })] }));
    const provider = one(resources, "pulumi:providers:aws", "primary");
    const kids = resources.filter((r) => r.parent === one(resources, "mlops:network:Network").urn && r.custom);
    expect(kids.length).toBeGreaterThan(3);
    for (const k of kids) expect({ name: k.name, provider: k.provider?.split("::").slice(0, -1).join("::") }).toEqual({ name: k.name, provider: provider.urn });
    // (awsx's own default provider only constructs the component; its AWS children take the map.)
    expect(resources.filter((r) => r.type === "pulumi:providers:aws" && r.name.startsWith("default")).map((r) => r.urn)).toEqual([]);
  });

  it("has no kubernetes implementation: in-cluster, the namespace is the boundary", async () => {
    expect(await failure(run({ backend: "kubernetes" }))).toContain('backend: "kubernetes/vpc" is not allowed; mlops:network:Network has no implementation on kubernetes');
  });

  it.each([
    [{ region: "" }, 'region: "" is not allowed; use the stack\'s region, e.g. "us-east-1" or "us-central1"'],
    [{ backend: "gcp" as const, region: "us-central1" }, 'project is required when backend is "gcp"'],
    [{ apis: ["pubsub.googleapis.com"] }, 'apis: ["pubsub.googleapis.com"] is not allowed; Google APIs are enabled on gcp only; leave apis empty'],
    [{ backend: "gcp" as const, region: "us-central1", project: "p-123456", apis: ["pubsub"] }, 'apis: "pubsub" is not allowed; use Google API service names such as "pubsub.googleapis.com"'],
  ])("rejects bad wiring %j", async (args, message) => {
    expect(await failure(run(args))).toContain(message);
  });

  it("rejects bad settings naming the key, as the stack config does", async () => {
    expect(await failure(run({ cidr: "10.0.0.0/8" }))).toContain('cidr: "10.0.0.0/8" is not allowed: must be an IPv4 CIDR block from /16 to /24');
    expect(await failure(run({ podsCidr: "10.64.0.0/14" }))).toContain('podsCidr: "10.64.0.0/14" is not allowed on aws: podsCidr has an effect on gcp only');
  });
});
