// The network registry entry: the Network on aws and gcp (none on local), the data key at the
// stack root, the placement the data services use and the stack outputs it shipped with.
import { describe, expect, it } from "@jest/globals";
import path from "node:path";
import { byType, loadStackConfig, one, runWithMocks } from "@mlops/testing";
import { main } from "./index";

const root = path.resolve(__dirname, "../../..");

async function plan(stack: string, extra: Record<string, string> = {}) {
  const file = loadStackConfig(root, stack);
  return runWithMocks(main, { project: file.project, stack, config: { ...file.config, ...extra }, secretKeys: file.secretKeys });
}

describe("network entry", () => {
  it("on aws builds the Network from the stack's network section, keeps the data key at the root and places the data services in the VPC", async () => {
    const run = await plan("prod");
    const vpc = one(run.resources, "awsx:ec2:Vpc");
    expect(vpc.inputs).toMatchObject({ cidrBlock: "10.30.0.0/16", numberOfAvailabilityZones: 3, natGateways: { strategy: "OnePerAz" } });
    const key = one(run.resources, "aws:kms/key:Key", "data-key");
    expect(key.urn).toBe("urn:pulumi:prod::mlops-platform::aws:kms/key:Key::data-key");
    expect(key.protect).toBe(true);
    expect(one(run.resources, "aws:rds/instance:Instance").inputs["kmsKeyId"]).toBe(key.outputs["arn"]);
    expect(one(run.resources, "aws:rds/subnetGroup:SubnetGroup").inputs["subnetIds"]).toEqual(vpc.outputs["privateSubnetIds"]);
    expect(run.stackOutputs).toMatchObject({ vpcId: vpc.outputs["vpcId"], privateSubnetIds: vpc.outputs["privateSubnetIds"] });
    // prod: VPC endpoints on.
    expect(byType(run.resources, "aws:ec2/vpcEndpoint:VpcEndpoint")).toHaveLength(5);
  });

  it("on gcp enables the APIs of the chosen modules and makes the data services wait for the private services connection", async () => {
    const run = await plan("gcp");
    const services = byType(run.resources, "gcp:projects/service:Service").map((s) => s.inputs["service"]);
    expect(services).toEqual(expect.arrayContaining(["pubsub.googleapis.com", "aiplatform.googleapis.com", "run.googleapis.com", "sqladmin.googleapis.com"]));
    const connection = one(run.resources, "gcp:servicenetworking/connection:Connection");
    expect(one(run.resources, "gcp:sql/databaseInstance:DatabaseInstance").dependencies).toContain(connection.urn);
    const subnet = one(run.resources, "gcp:compute/subnetwork:Subnetwork");
    expect(run.stackOutputs).toMatchObject({ networkId: one(run.resources, "gcp:compute/network:Network").id, subnetId: subnet.id });
  });

  it("on gcp leaves out the APIs of modules the stack does not use", async () => {
    const run = await plan("gcp", { "mlops-platform:modules": JSON.stringify({ dataPipeline: "none", mlPlatform: "mlflow", monitoring: "prometheus", serving: "kubernetes", featureStore: "none" }) });
    const services = byType(run.resources, "gcp:projects/service:Service").map((s) => s.inputs["service"]);
    for (const api of ["pubsub.googleapis.com", "aiplatform.googleapis.com", "run.googleapis.com"]) expect(services).not.toContain(api);
  });

  it("builds no network on local: the namespace is the boundary", async () => {
    const run = await plan("local");
    expect(byType(run.resources, "mlops:network:Network")).toEqual([]);
    expect(run.stackOutputs["vpcId"]).toBeUndefined();
  });
});
