import { describe, expect, it } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import { evaluatePolicies } from "@mlops/policy/rules";
import { byType, one, runWithMocks } from "../index";
import { UNKNOWN } from "../types";

const base = { project: "proj", stack: "dev" };

describe("model: awsx lb.ApplicationLoadBalancer", () => {
  it("by default: an HTTP 80 listener forwarding to an ip target group, and a security group open to the world on every port", async () => {
    const run = await runWithMocks(() => {
      const vpc = new awsx.ec2.Vpc("net", { numberOfAvailabilityZones: 2 });
      const lb = new awsx.lb.ApplicationLoadBalancer("web", { subnetIds: vpc.publicSubnetIds });
      return { dns: lb.loadBalancer.dnsName };
    }, base);
    const component = one(run.resources, "awsx:lb:ApplicationLoadBalancer");
    const sg = byType(run.resources, "aws:ec2/securityGroup:SecurityGroup").find((s) => s.parent === component.urn);
    const vpc = one(run.resources, "aws:ec2/vpc:Vpc");
    expect(sg?.inputs).toEqual({ vpcId: vpc.id, ingress: [{ fromPort: 0, toPort: 0, protocol: "-1", cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }], egress: [{ fromPort: 0, toPort: 65535, protocol: "tcp", cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }] });
    const lb = one(run.resources, "aws:lb/loadBalancer:LoadBalancer");
    expect(lb).toMatchObject({ name: "web", parent: component.urn, modelled: true });
    expect(lb.inputs).toMatchObject({ loadBalancerType: "application", securityGroups: [sg?.id], subnets: byType(run.resources, "aws:ec2/subnet:Subnet").filter((s) => s.name.includes("public")).map((s) => s.id) });
    const tg = one(run.resources, "aws:lb/targetGroup:TargetGroup");
    expect(tg.inputs).toEqual({ vpcId: vpc.id, targetType: "ip", port: 80, protocol: "HTTP" });
    const listener = one(run.resources, "aws:lb/listener:Listener");
    expect(listener).toMatchObject({ name: "web-0", propertyDependencies: { defaultActions: [tg.urn], loadBalancerArn: [lb.urn] } });
    expect(listener.inputs).toMatchObject({ port: 80, protocol: "HTTP", defaultActions: [{ type: "forward", targetGroupArn: tg.outputs["arn"] }] });
    expect(run.stackOutputs["dns"]).toBe(lb.outputs["dnsName"]);

    // The policies see the world-open group: awsx's default is all ports, not just the listener's.
    const { violations } = await evaluatePolicies(run.resources, { enforcementLevel: "mandatory" });
    expect(violations.filter((v) => v.policyName === "aws-ec2-no-public-ingress").map((v) => v.resourceName)).toEqual(["web"]);
  });

  it("follows `listeners` and a given security group (no default group)", async () => {
    const run = await runWithMocks(
      () => new awsx.lb.ApplicationLoadBalancer("api", { subnetIds: ["subnet-1", "subnet-2"], securityGroups: ["sg-given"], listeners: [{ port: 443, certificateArn: "arn:cert" }, { port: 80 }] }),
      { ...base, preview: true },
    );
    expect(byType(run.resources, "aws:ec2/securityGroup:SecurityGroup")).toEqual([]);
    expect(byType(run.resources, "aws:lb/listener:Listener").map((l) => [l.name, l.inputs["port"], l.inputs["protocol"], l.inputs["loadBalancerArn"]])).toEqual([
      ["api-0", 443, "HTTPS", UNKNOWN],
      ["api-1", 80, "HTTP", UNKNOWN],
    ]);
    // Several listeners: the target group takes the first one's port and protocol.
    expect(one(run.resources, "aws:lb/targetGroup:TargetGroup").inputs).toMatchObject({ port: 443, protocol: "HTTPS" });
  });
});

describe("model: awsx ecs.FargateService", () => {
  it("records the task definition with its containers, roles and log group, and the service with its network configuration", async () => {
    const run = await runWithMocks(() => {
      const cluster = new aws.ecs.Cluster("c");
      return new awsx.ecs.FargateService("app", {
        cluster: cluster.arn,
        networkConfiguration: { subnets: ["subnet-a"], securityGroups: ["sg-a"], assignPublicIp: true },
        taskDefinitionArgs: { container: { name: "web", image: "nginx", cpu: 512, memory: 1024, portMappings: [{ containerPort: 80 }] } },
      });
    }, base);
    const component = one(run.resources, "awsx:ecs:FargateService");
    const taskComponent = one(run.resources, "awsx:ecs:FargateTaskDefinition");
    expect(taskComponent).toMatchObject({ name: "app", parent: component.urn, custom: false, modelled: true });
    const task = one(run.resources, "aws:ecs/taskDefinition:TaskDefinition");
    expect(task.urn).toBe("urn:pulumi:dev::proj::awsx:ecs:FargateService$awsx:ecs:FargateTaskDefinition$aws:ecs/taskDefinition:TaskDefinition::app");
    const logGroup = one(run.resources, "aws:cloudwatch/logGroup:LogGroup");
    expect(task.inputs).toMatchObject({ cpu: "512", memory: "1024", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: one(run.resources, "aws:iam/role:Role", "app-execution").outputs["arn"] });
    expect(JSON.parse(String(task.inputs["containerDefinitions"]))).toEqual([
      { name: "web", image: "nginx", cpu: 512, memory: 1024, portMappings: [{ containerPort: 80, hostPort: 80 }], logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": logGroup.outputs["name"], "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web" } } },
    ]);
    expect(one(run.resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").inputs["policyArn"]).toBe("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
    const service = one(run.resources, "aws:ecs/service:Service");
    expect(service.inputs).toMatchObject({ desiredCount: 1, launchType: "FARGATE", waitForSteadyState: true, taskDefinition: task.outputs["arn"], networkConfiguration: { subnets: ["subnet-a"], securityGroups: ["sg-a"], assignPublicIp: true } });
    expect(service.inputs["taskDefinitionArgs"]).toBeUndefined();
  });

  it("keeps what it builds from a secret input secret: the container definitions holding a secret environment value", async () => {
    const run = await runWithMocks(
      () =>
        new awsx.ecs.FargateService("app", {
          networkConfiguration: { subnets: ["subnet-a"] },
          taskDefinitionArgs: { container: { name: "web", image: "nginx", environment: [{ name: "PASSWORD", value: pulumi.secret("hunter2-secret") }] } },
        }),
      base,
    );
    expect(one(run.resources, "awsx:ecs:FargateService").secretPaths).toEqual(["taskDefinitionArgs.container.environment.0.value"]);
    const task = one(run.resources, "aws:ecs/taskDefinition:TaskDefinition");
    expect(String(task.inputs["containerDefinitions"])).toContain("hunter2-secret");
    expect(task.secretPaths).toEqual(["containerDefinitions"]);
    expect(one(run.resources, "aws:ecs/service:Service").secretPaths).toEqual([]);
  });

  it("without networkConfiguration: the default VPC's public subnets and an open security group when assignPublicIp, unverified otherwise", async () => {
    const open = await runWithMocks(() => {
      new awsx.ecs.FargateService("pub", { assignPublicIp: true, taskDefinition: "arn:td" });
      return { defaultVpcId: aws.ec2.getVpcOutput({ default: true }).id };
    }, base);
    const sg = one(open.resources, "aws:ec2/securityGroup:SecurityGroup");
    expect(sg.name).toBe("pub-sg");
    // The mock default VPC is the one the canned ec2.getVpc answers.
    expect(sg.inputs["vpcId"]).toBe(open.stackOutputs["defaultVpcId"]);
    expect(one(open.resources, "aws:ecs/service:Service").inputs["networkConfiguration"]).toMatchObject({ assignPublicIp: true, securityGroups: [sg.id] });
    const closed = await runWithMocks(() => new awsx.ecs.FargateService("priv", { taskDefinition: "arn:td" }), base);
    expect(one(closed.resources, "awsx:ecs:FargateService").unverified).toMatch(/default VPC's private subnets/);
    expect(byType(closed.resources, "aws:ecs/service:Service")).toEqual([]);
  });
});

describe("model: awsx ecr.Repository and ecr.Image", () => {
  it("a repository (lower-cased name, inputs passed through) with awsx's default lifecycle policy; an image as the docker-build child that pushes to it", async () => {
    const run = await runWithMocks(() => {
      const repo = new awsx.ecr.Repository("Models", { forceDelete: true, imageTagMutability: "IMMUTABLE" });
      const image = new awsx.ecr.Image("img", { repositoryUrl: repo.url, context: "./app", imageTag: "v1" });
      return { uri: image.imageUri, url: repo.url };
    }, base);
    const repository = one(run.resources, "aws:ecr/repository:Repository");
    expect(repository).toMatchObject({ name: "models", modelled: true });
    expect(repository.inputs).toEqual({ forceDelete: true, imageTagMutability: "IMMUTABLE" });
    const policy = one(run.resources, "aws:ecr/lifecyclePolicy:LifecyclePolicy");
    expect(policy.inputs).toEqual({ repository: repository.outputs["name"], policy: { rules: [{ rulePriority: 1, description: "remove untagged images", selection: { tagStatus: "untagged", countType: "imageCountMoreThan", countNumber: 1 }, action: { type: "expire" } }] } });
    const url = String(repository.outputs["repositoryUrl"]);
    expect(run.stackOutputs["url"]).toBe(url);
    const build = one(run.resources, "docker-build:index:Image");
    expect(build).toMatchObject({ name: "v1", modelled: true, parent: one(run.resources, "awsx:ecr:Image").urn });
    expect(build.inputs).toMatchObject({ tags: [`${url}:v1`], context: { location: "./app" }, push: true });
    expect(String(run.stackOutputs["uri"])).toMatch(new RegExp(`^${url.replace(/\./g, "\\.")}@sha256:[0-9a-f]{64}$`));
  });
  it("fails as the engine would when two images would create the same child (registered concurrently)", async () => {
    const program = () => {
      const repo = new awsx.ecr.Repository("repo", {});
      for (const name of ["web", "worker"]) new awsx.ecr.Image(name, { repositoryUrl: repo.url, context: "./app", imageTag: "v1" });
    };
    await expect(runWithMocks(program, base)).rejects.toThrow(/Duplicate resource URN '.*awsx:ecr:Image\$docker-build:index:Image::v1'/);
  });
});
