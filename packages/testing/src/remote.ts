// Canned outputs of the multi-language (remote) components a platform program uses. The
// property names match the output properties the components declare (@pulumi/awsx 3, @pulumi/eks 4).
// Nested resources (awsx's `vpc`, eks's `eksCluster`) are plain objects, not resource references.
import { hex } from "./ids";
import type { OutputContext } from "./outputs";

type RemoteRule = (c: OutputContext) => Record<string, unknown>;

const arn = (c: OutputContext, service: string, resource: string) => `arn:aws:${service}:${c.region}:${c.account}:${resource}`;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** `10.0.0.0/16`, index 2 → `10.0.32.0/19`-style subnets carved out of the VPC's range. */
function subnetCidr(vpcCidr: string, index: number): string {
  const m = /^(\d+)\.(\d+)\.\d+\.\d+\/(\d+)$/.exec(vpcCidr);
  if (!m || Number(m[3]) > 16) return vpcCidr;
  return `${m[1]}.${m[2]}.${index * 32}.0/19`;
}

function awsxVpc(c: OutputContext): Record<string, unknown> {
  const cidrBlock = typeof c.inputs["cidrBlock"] === "string" ? c.inputs["cidrBlock"] : "10.0.0.0/16";
  const azNames = list(c.inputs["availabilityZoneNames"]);
  const azCount = azNames.length || (typeof c.inputs["numberOfAvailabilityZones"] === "number" ? c.inputs["numberOfAvailabilityZones"] : 3);
  const azs = Array.from({ length: azCount }, (_, i) => azNames[i] ?? `${c.region}${"abcdef"[i] ?? "a"}`);
  const specs = Array.isArray(c.inputs["subnetSpecs"]) ? (c.inputs["subnetSpecs"] as unknown[]) : [{ type: "Public" }, { type: "Private" }];
  const kinds = new Set(specs.map((s) => (typeof s === "object" && s !== null ? String((s as Record<string, unknown>)["type"]) : "")));
  const vpcId = `vpc-${hex(c.name, 17)}`;
  const subnets: Record<string, unknown>[] = [];
  const idsOf = (kind: string) => {
    if (!kinds.has(kind)) return [];
    return azs.map((az, i) => {
      const id = `subnet-${hex(`${c.name}/${kind}/${i}`, 17)}`;
      subnets.push({ id, vpcId, availabilityZone: az, cidrBlock: subnetCidr(cidrBlock, subnets.length), mapPublicIpOnLaunch: kind === "Public", tags: { Name: `${c.name}-${kind.toLowerCase()}-${i + 1}`, SubnetType: kind }, arn: arn(c, "ec2", `subnet/${id}`) });
      return id;
    });
  };
  const publicSubnetIds = idsOf("Public");
  const privateSubnetIds = idsOf("Private");
  const isolatedSubnetIds = idsOf("Isolated");
  const nat = c.inputs["natGateways"];
  const strategy = typeof nat === "object" && nat !== null ? String((nat as Record<string, unknown>)["strategy"] ?? "OnePerAz") : "OnePerAz";
  const natCount = publicSubnetIds.length === 0 || privateSubnetIds.length === 0 || strategy === "None" ? 0 : strategy === "Single" ? 1 : azCount;
  const natGateways = Array.from({ length: natCount }, (_, i) => ({ id: `nat-${hex(`${c.name}/nat/${i}`, 17)}`, subnetId: publicSubnetIds[i], connectivityType: "public", publicIp: `52.0.${i}.${10 + i}` }));
  const internetGatewayId = `igw-${hex(c.name, 17)}`;
  // awsx gives every subnet its own route table (named after the subnet) and association.
  const routeTables = subnets.map((s, i) => ({ id: `rtb-${hex(`${c.name}/rtb/${i}`, 17)}`, vpcId, tags: s["tags"] }));
  const routeTableAssociations = subnets.map((s, i) => ({ id: `rtbassoc-${hex(`${c.name}/rtbassoc/${i}`, 17)}`, subnetId: s["id"], routeTableId: routeTables[i]?.id }));
  return {
    vpcId,
    vpc: { id: vpcId, cidrBlock, arn: arn(c, "ec2", `vpc/${vpcId}`), enableDnsHostnames: c.inputs["enableDnsHostnames"] ?? true, enableDnsSupport: c.inputs["enableDnsSupport"] ?? true, ownerId: c.account, tags: c.inputs["tags"] ?? {} },
    publicSubnetIds,
    privateSubnetIds,
    isolatedSubnetIds,
    subnets,
    publicSubnets: subnets.filter((s) => publicSubnetIds.includes(String(s["id"]))),
    privateSubnets: subnets.filter((s) => privateSubnetIds.includes(String(s["id"]))),
    isolatedSubnets: subnets.filter((s) => isolatedSubnetIds.includes(String(s["id"]))),
    natGateways,
    eips: natGateways.map((n, i) => ({ id: `eipalloc-${hex(`${c.name}/eip/${i}`, 17)}`, publicIp: n.publicIp })),
    internetGateway: { id: internetGatewayId, arn: arn(c, "ec2", `internet-gateway/${internetGatewayId}`), vpcId },
    routeTables,
    routeTableAssociations,
    routes: [],
    vpcEndpoints: [],
    subnetLayout: [...kinds].map((type) => ({ type })),
  };
}

function eksCluster(c: OutputContext): Record<string, unknown> {
  const clusterName = typeof c.inputs["name"] === "string" && c.inputs["name"] !== "" ? c.inputs["name"] : `${c.name}-eksCluster-${hex(c.name)}`;
  const token = hex(c.name, 32).toUpperCase();
  const endpoint = `https://${token}.gr7.${c.region}.eks.amazonaws.com`;
  const oidcIssuer = `oidc.eks.${c.region}.amazonaws.com/id/${token}`;
  const caData = "bW9jay1jZXJ0aWZpY2F0ZS1hdXRob3JpdHk=";
  const clusterSecurityGroupId = `sg-${hex(`${c.name}/cluster`, 17)}`;
  const nodeSecurityGroupId = `sg-${hex(`${c.name}/node`, 17)}`;
  const subnetIds = [...list(c.inputs["privateSubnetIds"]), ...list(c.inputs["publicSubnetIds"]), ...list(c.inputs["subnetIds"])];
  const kubeconfig = {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "kubernetes", cluster: { server: endpoint, "certificate-authority-data": caData } }],
    contexts: [{ name: "aws", context: { cluster: "kubernetes", user: "aws" } }],
    "current-context": "aws",
    users: [{ name: "aws", user: { exec: { apiVersion: "client.authentication.k8s.io/v1beta1", command: "aws", args: ["eks", "get-token", "--cluster-name", clusterName, "--output", "json"] } } }],
  };
  const roleArn = `arn:aws:iam::${c.account}:role/${c.name}-eksRole-${hex(c.name)}`;
  const eks = {
    id: clusterName,
    name: clusterName,
    arn: arn(c, "eks", `cluster/${clusterName}`),
    endpoint,
    version: c.inputs["version"] ?? "1.31",
    roleArn,
    status: "ACTIVE",
    certificateAuthority: { data: caData },
    identities: [{ oidcs: [{ issuer: `https://${oidcIssuer}` }] }],
    vpcConfig: {
      vpcId: c.inputs["vpcId"],
      subnetIds,
      endpointPrivateAccess: c.inputs["endpointPrivateAccess"] ?? false,
      endpointPublicAccess: c.inputs["endpointPublicAccess"] ?? true,
      publicAccessCidrs: c.inputs["publicAccessCidrs"] ?? ["0.0.0.0/0"],
      securityGroupIds: [clusterSecurityGroupId],
      clusterSecurityGroupId,
    },
    encryptionConfig: typeof c.inputs["encryptionConfigKeyArn"] === "string" ? { provider: { keyArn: c.inputs["encryptionConfigKeyArn"] }, resources: ["secrets"] } : undefined,
    enabledClusterLogTypes: c.inputs["enabledClusterLogTypes"] ?? [],
    tags: c.inputs["clusterTags"] ?? c.inputs["tags"] ?? {},
  };
  const oidcProviderArn = c.inputs["createOidcProvider"] === false ? "" : `arn:aws:iam::${c.account}:oidc-provider/${oidcIssuer}`;
  return {
    kubeconfig,
    kubeconfigJson: JSON.stringify(kubeconfig),
    eksCluster: eks,
    clusterSecurityGroupId,
    nodeSecurityGroupId,
    clusterSecurityGroup: { id: clusterSecurityGroupId },
    nodeSecurityGroup: { id: nodeSecurityGroupId },
    clusterIngressRuleId: `sgr-${hex(`${c.name}/ingress`, 17)}`,
    oidcProviderArn,
    oidcProviderUrl: `https://${oidcIssuer}`,
    oidcIssuer,
    instanceRoles: [],
    defaultNodeGroupAsgName: c.inputs["skipDefaultNodeGroup"] === true ? "" : `${c.name}-nodes-${hex(c.name)}`,
    fargateProfileId: "",
    fargateProfileStatus: "",
    autoModeNodeRoleName: "",
    core: {
      cluster: eks,
      endpoint,
      clusterIamRole: { arn: roleArn },
      vpcId: c.inputs["vpcId"],
      subnetIds,
      privateSubnetIds: list(c.inputs["privateSubnetIds"]),
      publicSubnetIds: list(c.inputs["publicSubnetIds"]),
      instanceRoles: [],
      nodeGroupOptions: {},
      kubeconfig,
      oidcProvider: oidcProviderArn ? { arn: oidcProviderArn, url: `https://${oidcIssuer}` } : undefined,
      encryptionConfig: eks.encryptionConfig,
      tags: c.inputs["tags"] ?? {},
    },
  };
}

/** Canned outputs of remote components, by type token. */
export const REMOTE_RULES: Readonly<Record<string, RemoteRule>> = {
  "awsx:ec2:Vpc": awsxVpc,
  "eks:index:Cluster": eksCluster,
};

/** The canned outputs of a remote component: its rule's, else its inputs alone. */
export function remoteOutputs(c: OutputContext): Record<string, unknown> {
  const rule = REMOTE_RULES[c.type];
  return rule ? rule(c) : {};
}
