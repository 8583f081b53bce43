// awsx ecs.FargateService (@pulumi/awsx 3, awsx/ecs/fargateService.ts, fargateTaskDefinition.ts):
// from `taskDefinitionArgs`, an awsx:ecs:FargateTaskDefinition with its log group, task role,
// execution role (+ the ECS task execution policy) and the aws.ecs.TaskDefinition (containers
// sorted by name, awslogs logging, the cheapest Fargate cpu/memory that fits); the aws.ecs.Service
// (FARGATE, desiredCount 1, waitForSteadyState); without `networkConfiguration`, the default
// VPC's subnets (public ones with `assignPublicIp`) and a security group open to the world.
import { createHash } from "node:crypto";
import { UNKNOWN } from "../types";
import { mockDefaultVpc } from "./awsx-network";
import { arr, bool, num, obj, Unmodellable, type Child, type ChildSet, type ComponentModel } from "./types";

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex").slice(0, 8);
const SERVICE_ONLY = new Set(["taskDefinitionArgs", "assignPublicIp", "continueBeforeSteadyState", "useClusterDefaultCapacityProviderStrategy"]);
const TASK_ONLY = new Set(["container", "containers", "logGroup", "taskRole", "executionRole"]);
const ASSUME_ECS_TASKS = JSON.stringify({ Version: "2012-10-17", Statement: [{ Action: "sts:AssumeRole", Principal: { Service: "ecs-tasks.amazonaws.com" }, Effect: "Allow", Sid: "" }] });
const EXECUTION_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

/** awsx's Fargate sizes: vCPU and the memory (GB) each allows. */
const FARGATE_SIZES: [number, number[]][] = [
  [0.25, [0.5, 1, 2]],
  [0.5, [1, 2, 3, 4]],
  [1, [2, 3, 4, 5, 6, 7, 8]],
  [2, Array.from({ length: 13 }, (_, i) => i + 4)],
  [4, Array.from({ length: 23 }, (_, i) => i + 8)],
  [8, Array.from({ length: 45 }, (_, i) => i + 16)],
  [16, Array.from({ length: 89 }, (_, i) => i + 32)],
  [32, [60, 120, 244]],
];

/** `calculateFargateMemoryAndCPU`: the cheapest size with at least the containers' summed cpu and memory. */
function fargateSize(containers: Record<string, unknown>[]): { cpu: string; memory: string } {
  const memMB = containers.reduce((s, c) => s + (num(c["memoryReservation"]) ?? num(c["memory"]) ?? 0), 0);
  const cpuUnits = containers.reduce((s, c) => s + (num(c["cpu"]) ?? 0), 0);
  const configs = FARGATE_SIZES.flatMap(([vcpu, mems]) => mems.map((memGB) => ({ vcpu, memGB, cost: 0.04048 * vcpu + 0.004445 * memGB }))).sort((x, y) => x.cost - y.cost);
  const fit = configs.find((c) => c.vcpu >= cpuUnits / 1024 && c.memGB >= memMB / 1024);
  if (!fit) throw new Error(`Could not find fargate config that could satisfy: ${cpuUnits / 1024} vCPU and ${memMB / 1024}GB.`);
  return { memory: `${fit.memGB * 1024}`, cpu: `${fit.vcpu * 1024}` };
}

/** awsx's role helper: a role unless `skip` or an existing `roleArn`, and its policy attachments. */
function defaultRole(set: ChildSet, name: string, option: unknown, policies: string[], parent: Child): unknown {
  const o = obj(option);
  if (o?.["skip"] === true) return undefined;
  if (o?.["roleArn"] !== undefined) return o["roleArn"];
  const role = set.add("aws:iam/role:Role", name, { assumeRolePolicy: ASSUME_ECS_TASKS, ...obj(o?.["args"]) }, { parent });
  for (const policyArn of policies) set.add("aws:iam/rolePolicyAttachment:RolePolicyAttachment", `${name}-${sha1(policyArn)}`, { role: set.ref(role, "name"), policyArn }, { parent });
  return set.ref(role, "arn");
}

function taskDefinition(set: ChildSet, name: string, args: Record<string, unknown>): { task: Child; loadBalancers: Record<string, unknown>[] } {
  const component = set.add("awsx:ecs:FargateTaskDefinition", name, {}, { custom: false });
  const containers: Record<string, Record<string, unknown>> = obj(args["containers"]) ? (Object.fromEntries(Object.entries(obj(args["containers"]) ?? {}).map(([k, v]) => [k, obj(v) ?? {}])) as Record<string, Record<string, unknown>>) : obj(args["container"]) ? { [String(obj(args["container"])?.["name"] ?? "container")]: obj(args["container"]) ?? {} } : {};
  if (Object.keys(containers).length === 0) throw new Error(`awsx:ecs:FargateTaskDefinition '${name}': exactly one of [container] or [containers] must be provided`);
  const logOption = obj(args["logGroup"]);
  let logGroupName: unknown;
  let logGroup: Child | undefined;
  if (logOption?.["skip"] !== true) {
    const existing = obj(logOption?.["existing"]);
    if (existing) logGroupName = existing["name"] ?? String(existing["arn"] ?? "").split(":")[6];
    else {
      logGroup = set.add("aws:cloudwatch/logGroup:LogGroup", name, { ...obj(logOption?.["args"]) }, { parent: component });
      logGroupName = set.value(logGroup, "name");
    }
  }
  const taskRoleArn = defaultRole(set, `${name}-task`, args["taskRole"], [], component);
  const executionRoleArn = defaultRole(set, `${name}-execution`, args["executionRole"], [EXECUTION_POLICY], component);
  const loadBalancers: Record<string, unknown>[] = [];
  const definitions = Object.entries(containers)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([containerName, c]) => {
      const portMappings = arr(c["portMappings"])?.map((m) => {
        const p = obj(m) ?? {};
        // A target group resource arrives as its id: its arn and port are those the program registered.
        const tg = obj(p["targetGroup"]) ?? (typeof p["targetGroup"] === "string" ? set.ctx.outputsById(p["targetGroup"]) : undefined);
        const tgPort = tg?.["port"];
        if (tg?.["arn"] !== undefined && tgPort !== undefined) loadBalancers.push({ containerName, containerPort: tgPort, targetGroupArn: tg["arn"] });
        return { name: p["name"], containerPortRange: p["containerPortRange"], appProtocol: p["appProtocol"], containerPort: p["containerPort"] ?? p["hostPort"] ?? tgPort, hostPort: p["hostPort"] ?? tgPort ?? p["containerPort"], protocol: p["protocol"] };
      });
      const def: Record<string, unknown> = { ...c, portMappings, name: containerName };
      if (def["logConfiguration"] === undefined && logGroupName !== undefined) {
        def["logConfiguration"] = { logDriver: "awslogs", options: { "awslogs-group": logGroupName, "awslogs-region": set.ctx.region, "awslogs-stream-prefix": containerName } };
      }
      return def;
    });
  const size = fargateSize(Object.values(containers));
  const rest = Object.fromEntries(Object.entries(args).filter(([k]) => !TASK_ONLY.has(k)));
  // A JSON string of the definitions: unknown while anything in it is (the log group's name in a preview).
  const json = JSON.stringify(definitions);
  const containerDefinitions = json.includes(UNKNOWN) ? UNKNOWN : json;
  const task = set.add(
    "aws:ecs/taskDefinition:TaskDefinition",
    name,
    { ...rest, cpu: args["cpu"] ?? size.cpu, memory: args["memory"] ?? size.memory, requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", taskRoleArn, executionRoleArn, family: args["family"] ?? (containerDefinitions === UNKNOWN ? UNKNOWN : `${name}-${sha1(set.ctx.stack + json)}`), containerDefinitions },
    { parent: component, dependsOn: logGroup ? [logGroup] : [], computed: () => ({ arn: `arn:aws:ecs:${set.ctx.region}:${set.ctx.account}:task-definition/${String(args["family"] ?? name)}:1`, revision: 1 }) },
  );
  return { task, loadBalancers };
}

function build(set: ChildSet): Record<string, unknown> {
  const { ctx } = set;
  const a = ctx.inputs;
  const name = ctx.name;
  if (a["taskDefinition"] !== undefined && a["taskDefinitionArgs"] !== undefined) throw new Error("Only one of `taskDefinition` or `taskDefinitionArgs` can be provided.");
  if (a["networkConfiguration"] !== undefined && a["assignPublicIp"] !== undefined) throw new Error("Only one of `networkConfiguration` or `assignPublicIp` can be provided.");
  const tdArgs = obj(a["taskDefinitionArgs"]);
  const td = tdArgs ? taskDefinition(set, name, tdArgs) : undefined;
  const taskDefinitionId = td ? set.ref(td.task, "arn") : a["taskDefinition"];
  if (taskDefinitionId === undefined) throw new Error("Either `taskDefinition` or `taskDefinitionArgs` must be provided.");
  let networkConfiguration = a["networkConfiguration"];
  let securityGroup: Child | undefined;
  if (networkConfiguration === undefined) {
    const defaultVpc = mockDefaultVpc(ctx);
    const world = { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] };
    securityGroup = set.add("aws:ec2/securityGroup:SecurityGroup", `${name}-sg`, { vpcId: defaultVpc.vpcId, ingress: [{ fromPort: 0, toPort: 0, protocol: "-1", ...world }], egress: [{ fromPort: 0, toPort: 65535, protocol: "tcp", ...world }] });
    const assignPublicIp = bool(a["assignPublicIp"]) ?? false;
    // An AWS default VPC has only public subnets: awsx fails without assignPublicIp unless someone added private ones.
    if (!assignPublicIp) throw new Unmodellable("no networkConfiguration and assignPublicIp false: awsx puts the tasks in the default VPC's private subnets, which only a deployment can find (a default VPC has none unless someone added them)");
    networkConfiguration = { subnets: assignPublicIp ? defaultVpc.publicSubnetIds : defaultVpc.privateSubnetIds, assignPublicIp, securityGroups: [set.ref(securityGroup)] };
  }
  const serviceArgs = Object.fromEntries(Object.entries(a).filter(([k]) => !SERVICE_ONLY.has(k)));
  const launchType = a["capacityProviderStrategies"] !== undefined || bool(a["useClusterDefaultCapacityProviderStrategy"]) === true ? undefined : "FARGATE";
  const service = set.add("aws:ecs/service:Service", name, {
    desiredCount: 1,
    ...serviceArgs,
    networkConfiguration,
    // A Cluster resource arrives as its id: awsx passes its arn.
    cluster: typeof a["cluster"] === "string" ? (ctx.outputsById(a["cluster"])?.["arn"] ?? a["cluster"]) : a["cluster"],
    launchType,
    loadBalancers: a["loadBalancers"] ?? (td && td.loadBalancers.length > 0 ? td.loadBalancers : undefined),
    waitForSteadyState: !(bool(a["continueBeforeSteadyState"]) ?? false),
    taskDefinition: taskDefinitionId,
  });
  const plain = (c: Child) => ({ ...c.outputs, id: c.id });
  return { service: plain(service), ...(td ? { taskDefinition: plain(td.task) } : {}) };
}

export const awsxFargateService: ComponentModel = {
  summary: "aws.ecs.Service, and from taskDefinitionArgs the task definition with its containers, log group, task and execution roles; without networkConfiguration the default VPC's subnets and an open security group",
  build,
};
