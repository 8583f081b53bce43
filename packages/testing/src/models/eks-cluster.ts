// eks.Cluster (@pulumi/eks 4, nodejs/eks/cluster/cluster.ts and nodes/): the EKS service role
// (an eks:index:ServiceRole with its role and policy attachments), the cluster security group
// and its egress rule, the aws.eks.Cluster from the inputs (endpoint access, encryption, log
// types, access config), the kube-proxy / CoreDNS / VPC CNI add-ons, the cluster's Kubernetes
// provider, the instance role and profile, aws-auth or access entries per authentication mode,
// the node security group and its rules, the OIDC provider, a Fargate profile, and the default
// node group (launch template and auto scaling group) unless skipped. Names as eks gives them.
import { createHash } from "node:crypto";
import { stringify } from "yaml";
import { UNKNOWN } from "../types";
import { arr, bool, num, obj, str, tagsOf, Unmodellable, type Child, type ChildSet, type ComponentModel } from "./types";

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex").slice(0, 8);
const CA_DATA = "bW9jay1jZXJ0aWZpY2F0ZS1hdXRob3JpdHk=";

/** eks's ServiceRole component: a role any of `service` may assume, and managed policy attachments. */
function serviceRole(set: ChildSet, name: string, service: string, policies: string[], extra: Record<string, unknown>, actions = ["sts:AssumeRole"]): { component: Child; role: Child; attachments: Child[] } {
  const component = set.add("eks:index:ServiceRole", name, {}, { custom: false });
  const assumeRolePolicy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Action: actions, Effect: "Allow", Principal: { Service: [service] } }] });
  const role = set.add("aws:iam/role:Role", `${name}-role`, { ...extra, assumeRolePolicy }, { parent: component });
  const attachments = policies.map((p) => set.add("aws:iam/rolePolicyAttachment:RolePolicyAttachment", `${name}-${sha1(`arn:aws:iam::aws:policy/${p}`)}`, { policyArn: `arn:aws:iam::aws:policy/${p}`, role: set.ref(role) }, { parent: component }));
  return { component, role, attachments };
}

function stringList(v: unknown): unknown[] | undefined {
  return v === UNKNOWN ? [UNKNOWN] : arr(v);
}

function build(set: ChildSet): Record<string, unknown> {
  const { ctx } = set;
  const a = ctx.inputs;
  const name = ctx.name;
  const tags = obj(a["tags"]);
  const autoMode = bool(obj(a["autoMode"])?.["enabled"]) === true;
  const authMode = str(a["authenticationMode"]);
  const skipDefaultSecurityGroups = bool(a["skipDefaultSecurityGroups"]) ?? autoMode;
  const skipDefaultNodeGroup = bool(a["skipDefaultNodeGroup"]) === true || (a["fargate"] !== undefined && a["fargate"] !== false) || autoMode;
  if (a["vpcId"] === undefined) throw new Unmodellable("no vpcId: @pulumi/eks looks up the account's default VPC and its subnets at deploy time");
  if (a["nodeGroupOptions"] === UNKNOWN || a["skipDefaultNodeGroup"] === UNKNOWN) throw new Unmodellable("which node group it creates depends on inputs unknown in a preview");
  const vpcId = a["vpcId"];
  const subnetIds = a["subnetIds"] !== undefined ? stringList(a["subnetIds"]) : [...(stringList(a["publicSubnetIds"]) ?? []), ...(stringList(a["privateSubnetIds"]) ?? [])];

  // 1. The EKS service role, unless one is given.
  const eksPolicies = ["AmazonEKSClusterPolicy", ...(autoMode ? ["AmazonEKSComputePolicy", "AmazonEKSBlockStoragePolicy", "AmazonEKSLoadBalancingPolicy", "AmazonEKSNetworkingPolicy"] : [])];
  const eksRole = a["serviceRole"] === undefined ? serviceRole(set, `${name}-eksRole`, "eks.amazonaws.com", eksPolicies, { description: "Allows EKS to manage clusters on your behalf.", tags }, ["sts:AssumeRole", "sts:TagSession"]) : undefined;

  // 2. The cluster security group with its internet egress rule.
  let clusterSg: Child | undefined;
  if (a["clusterSecurityGroup"] === undefined && !skipDefaultSecurityGroups) {
    clusterSg = set.add("aws:ec2/securityGroup:SecurityGroup", `${name}-eksClusterSecurityGroup`, { vpcId, revokeRulesOnDelete: true, tags: { Name: `${name}-eksClusterSecurityGroup`, ...tagsOf(a["clusterSecurityGroupTags"]), ...tags } });
    set.add("aws:ec2/securityGroupRule:SecurityGroupRule", `${name}-eksClusterInternetEgressRule`, { description: "Allow internet access.", type: "egress", fromPort: 0, toPort: 0, protocol: "-1", cidrBlocks: ["0.0.0.0/0"], securityGroupId: set.ref(clusterSg) });
  }
  const autoNodeRole = autoMode && bool(obj(a["autoMode"])?.["createNodeRole"]) !== false ? serviceRole(set, `${name}-nodeRole`, "ec2.amazonaws.com", ["AmazonEKSWorkerNodeMinimalPolicy", "AmazonEC2ContainerRegistryPullOnly"], { tags }) : undefined;

  // 3. The cluster.
  const keyArn = a["encryptionConfigKeyArn"];
  const endpointPublicAccess = a["endpointPublicAccess"];
  const network = a["kubernetesServiceIpAddressRange"] !== undefined || a["ipFamily"] !== undefined || autoMode ? { serviceIpv4Cidr: (str(a["ipFamily"]) ?? "ipv4") === "ipv4" ? a["kubernetesServiceIpAddressRange"] : undefined, ipFamily: a["ipFamily"] ?? "ipv4", ...(autoMode ? { elasticLoadBalancing: { enabled: true } } : {}) } : undefined;
  const cluster = set.add(
    "aws:eks/cluster:Cluster",
    `${name}-eksCluster`,
    {
      name: a["name"],
      roleArn: eksRole ? set.ref(eksRole.role, "arn") : obj(a["serviceRole"])?.["arn"],
      ...(autoMode ? { computeConfig: { enabled: true, nodeRoleArn: autoNodeRole ? set.ref(autoNodeRole.role, "arn") : undefined, nodePools: ["general-purpose", "system"], ...obj(obj(a["autoMode"])?.["computeConfig"]) }, storageConfig: { blockStorage: { enabled: true } } } : {}),
      kubernetesNetworkConfig: network,
      bootstrapSelfManagedAddons: autoMode ? false : (a["bootstrapSelfManagedAddons"] ?? true),
      vpcConfig: {
        securityGroupIds: clusterSg ? [set.ref(clusterSg)] : undefined,
        subnetIds,
        endpointPrivateAccess: a["endpointPrivateAccess"],
        endpointPublicAccess,
        publicAccessCidrs: a["publicAccessCidrs"],
      },
      version: a["version"],
      enabledClusterLogTypes: a["enabledClusterLogTypes"],
      tags: { Name: `${name}-eksCluster`, ...tagsOf(a["clusterTags"]), ...tags },
      encryptionConfig: keyArn !== undefined ? { provider: { keyArn }, resources: ["secrets"] } : undefined,
      accessConfig: authMode ? { authenticationMode: authMode, bootstrapClusterCreatorAdminPermissions: true } : undefined,
      upgradePolicy: a["upgradePolicy"],
      deletionProtection: a["deletionProtection"],
    },
    {
      dependsOn: [...(eksRole ? [eksRole.role, ...eksRole.attachments] : []), ...(autoNodeRole ? [autoNodeRole.role, ...autoNodeRole.attachments] : [])],
      computed: (id) => clusterComputed(set, id),
    },
  );
  const clusterName = set.ref(cluster, "name");

  const addon = (addonName: string, options: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) =>
    set.add("aws:eks/addon:Addon", `${name}-${addonName}`, {
      clusterName,
      addonName,
      preserve: true,
      tags,
      resolveConflictsOnCreate: options?.["resolveConflictsOnCreate"] ?? "OVERWRITE",
      resolveConflictsOnUpdate: options?.["resolveConflictsOnUpdate"] ?? "OVERWRITE",
      // The version is the newest for the cluster's Kubernetes version (an invoke eks makes): unknown here unless given.
      addonVersion: options?.["version"],
      configurationValues: options?.["configurationValues"] === undefined ? undefined : JSON.stringify(options["configurationValues"]),
      ...extra,
    });
  const kubeProxy = obj(a["kubeProxyAddonOptions"]);
  if (bool(kubeProxy?.["enabled"]) ?? !autoMode) addon("kube-proxy", kubeProxy);

  // 4. The cluster's Kubernetes provider (aws-auth and the VPC CNI patch go through it).
  const kubeconfig = kubeconfigOf(set, cluster);
  const k8sProvider = set.add("pulumi:providers:kubernetes", `${name}-eks-k8s`, { kubeconfig: kubeconfig === UNKNOWN ? UNKNOWN : JSON.stringify(kubeconfig), enableConfigMapMutable: a["enableConfigMapMutable"] });

  // 5. The instance role and profile of the default node group.
  let instanceRole: Child | undefined;
  let instanceProfile: Child | undefined;
  if (a["instanceRoles"] === undefined && a["instanceRole"] === undefined && (bool(a["createInstanceRole"]) === true || (bool(a["skipDefaultNodeGroup"]) !== true && a["createInstanceRole"] === undefined))) {
    const r = serviceRole(set, `${name}-instanceRole`, "ec2.amazonaws.com", ["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"], { tags });
    instanceRole = r.role;
    instanceProfile = set.add("aws:iam/instanceProfile:InstanceProfile", `${name}-instanceProfile`, { role: set.ref(r.role) });
  } else if (a["instanceRole"] !== undefined && !skipDefaultNodeGroup) {
    instanceProfile = set.add("aws:iam/instanceProfile:InstanceProfile", `${name}-instanceProfile`, { role: a["instanceRole"] });
  }

  // 6. Who may use the cluster: the aws-auth ConfigMap and/or access entries.
  const authDeps: Child[] = [];
  if (!authMode || authMode === "CONFIG_MAP" || authMode === "API_AND_CONFIG_MAP") {
    const roleArn = instanceRole ? set.value(instanceRole, "arn") : undefined;
    const mappings = [...(arr(a["roleMappings"]) ?? []).map((m) => ({ rolearn: obj(m)?.["roleArn"], username: obj(m)?.["username"], groups: obj(m)?.["groups"] })), ...(roleArn !== undefined ? [{ rolearn: roleArn, username: "system:node:{{EC2PrivateDNSName}}", groups: ["system:bootstrappers", "system:nodes"] }] : [])];
    const userMappings = arr(a["userMappings"]);
    const data: Record<string, unknown> = { mapRoles: mappings.some((m) => m.rolearn === UNKNOWN) ? UNKNOWN : stringify(mappings) };
    if (userMappings) data["mapUsers"] = stringify(userMappings.map((m) => ({ userarn: obj(m)?.["userArn"], username: obj(m)?.["username"], groups: obj(m)?.["groups"] })));
    authDeps.push(set.add("kubernetes:core/v1:ConfigMap", `${name}-nodeAccess`, { apiVersion: "v1", kind: "ConfigMap", immutable: false, metadata: { name: "aws-auth", namespace: "kube-system", annotations: { "pulumi.com/patchForce": "true" } }, data }, { provider: k8sProvider }));
  }
  if (authMode === "API" || authMode === "API_AND_CONFIG_MAP") {
    const entries: [string, Record<string, unknown>][] = [...(instanceRole ? [["defaultNodeGroupInstanceRole", { principalArn: set.ref(instanceRole, "arn"), type: "EC2_LINUX" }] as [string, Record<string, unknown>]] : []), ...Object.entries(obj(a["accessEntries"]) ?? {}).map(([k, v]) => [k, obj(v) ?? {}] as [string, Record<string, unknown>])];
    for (const [key, entry] of entries) {
      const { accessPolicies, username, ...rest } = entry;
      const e = set.add("aws:eks/accessEntry:AccessEntry", `${name}-${key}`, { ...rest, clusterName, userName: username }, { dependsOn: [cluster] });
      authDeps.push(e);
      for (const [assoc, policy] of Object.entries(obj(accessPolicies) ?? {})) {
        set.add("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", `${name}-${key}-${assoc}`, { accessScope: obj(policy)?.["accessScope"], principalArn: entry["principalArn"], policyArn: obj(policy)?.["policyArn"], clusterName }, { parent: e, dependsOn: [e] });
      }
    }
  }

  // The requested StorageClasses (a type name: that one, the default).
  const storageClasses = typeof a["storageClasses"] === "string" ? { [a["storageClasses"]]: { type: a["storageClasses"], default: true } } : (obj(a["storageClasses"]) ?? {});
  for (const [key, value] of Object.entries(storageClasses)) {
    const sc = obj(value) ?? {};
    const metadata = { ...obj(sc["metadata"]), ...(sc["default"] === true ? { annotations: { ...obj(obj(sc["metadata"])?.["annotations"]), "storageclass.kubernetes.io/is-default-class": "true" } } : {}) };
    const parameters: Record<string, unknown> = { type: sc["type"] };
    if (arr(sc["zones"])) parameters["zones"] = arr(sc["zones"])?.join(", ");
    if (sc["iopsPerGb"]) parameters["iopsPerGb"] = String(sc["iopsPerGb"]);
    if (sc["encrypted"]) parameters["encrypted"] = String(sc["encrypted"]);
    if (sc["kmsKeyId"]) parameters["kmsKeyId"] = sc["kmsKeyId"];
    set.add("kubernetes:storage.k8s.io/v1:StorageClass", `${name.toLowerCase()}-${key}`, { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata, provisioner: "kubernetes.io/aws-ebs", parameters, allowVolumeExpansion: sc["allowVolumeExpansion"], mountOptions: sc["mountOptions"], reclaimPolicy: sc["reclaimPolicy"], volumeBindingMode: sc["volumeBindingMode"] }, { provider: k8sProvider, dependsOn: authDeps });
  }

  // 7. Add-ons: the VPC CNI (unless the default one is kept), CoreDNS where there are nodes for it.
  const cniEnabled = a["useDefaultVpcCni"] !== undefined ? bool(a["useDefaultVpcCni"]) !== true : !autoMode;
  if (cniEnabled) {
    const cni = obj(a["vpcCniOptions"]) ?? {};
    if (cni["securityContextPrivileged"] === true) throw new Unmodellable("vpcCniOptions.securityContextPrivileged patches the aws-node DaemonSet server-side, which the model does not record");
    const component = set.add("eks:index:VpcCniAddon", `${name}-vpc-cni`, {}, { custom: false });
    set.add("aws:eks/addon:Addon", `${name}-vpc-cni`, { clusterName, addonVersion: cni["addonVersion"], addonName: "vpc-cni", resolveConflictsOnCreate: cni["resolveConflictsOnCreate"] ?? "OVERWRITE", resolveConflictsOnUpdate: cni["resolveConflictsOnUpdate"] ?? "OVERWRITE", preserve: true, serviceAccountRoleArn: cni["serviceAccountRoleArn"], tags }, { parent: component });
  }
  const fargate = a["fargate"];
  if (fargate !== undefined && fargate !== false) {
    const f = obj(fargate) ?? {};
    const podRole = f["podExecutionRoleArn"] === undefined ? serviceRole(set, `${name}-podExecutionRole`, "eks-fargate-pods.amazonaws.com", ["AmazonEKSFargatePodExecutionRolePolicy"], { tags }) : undefined;
    const profileName = /^eks(-|$)/i.test(name) ? `${name.replace("-", "_")}fargateProfile` : `${name}-fargateProfile`;
    set.add("aws:eks/fargateProfile:FargateProfile", profileName, { clusterName, podExecutionRoleArn: podRole ? set.ref(podRole.role, "arn") : f["podExecutionRoleArn"], selectors: f["selectors"] ?? [{ namespace: "default" }, { namespace: "kube-system" }], subnetIds: f["subnetIds"] ?? subnetIds });
  }
  const coredns = obj(a["corednsAddonOptions"]);
  const fargateOn = fargate !== undefined && fargate !== false;
  if (bool(coredns?.["enabled"]) === true || coredns?.["configurationValues"] !== undefined || ((fargateOn || bool(a["skipDefaultNodeGroup"]) !== true || autoMode) && (bool(coredns?.["enabled"]) ?? true))) {
    addon("coredns", coredns, fargateOn ? { configurationValues: JSON.stringify({ computeType: "Fargate", ...obj(coredns?.["configurationValues"]) }) } : {});
  }
  let oidcProvider: Child | undefined;
  if (bool(a["createOidcProvider"]) === true) {
    const issuer = set.value(cluster, "identities") === UNKNOWN ? UNKNOWN : `https://${oidcIssuerOf(set, cluster)}`;
    // The thumbprint eks fetches from the issuer's certificate chain at deploy time: a labelled mock here.
    oidcProvider = set.add("aws:iam/openIdConnectProvider:OpenIdConnectProvider", `${name}-oidcProvider`, { clientIdLists: ["sts.amazonaws.com"], url: issuer, thumbprintLists: [set.ctx.preview ? UNKNOWN : "9e99a48a9960b14926bb7f3b02e22da2b0ab7280"] });
  }

  // 8. The node security group, its rules and the cluster's ingress from it; the default node group.
  let nodeSg: Child | undefined;
  let clusterIngress: Child | undefined;
  const nodeSecurity = (clusterSgId: unknown) => {
    // The tags name the cluster: unknown with its name in a preview.
    const clusterName = set.value(cluster, "name");
    const sgTags = clusterName === UNKNOWN ? UNKNOWN : { Name: `${name}-nodeSecurityGroup`, [`kubernetes.io/cluster/${String(clusterName)}`]: "owned", ...tagsOf(a["nodeSecurityGroupTags"]), ...tags };
    const sg = set.add("aws:ec2/securityGroup:SecurityGroup", `${name}-nodeSecurityGroup`, { vpcId, revokeRulesOnDelete: true, tags: sgTags });
    const rule = (ruleName: string, inputs: Record<string, unknown>) => set.add("aws:ec2/securityGroupRule:SecurityGroupRule", `${name}-${ruleName}`, inputs);
    rule("eksNodeIngressRule", { description: "Allow nodes to communicate with each other", type: "ingress", fromPort: 0, toPort: 0, protocol: "-1", securityGroupId: set.ref(sg), self: true });
    rule("eksNodeClusterIngressRule", { description: "Allow worker Kubelets and pods to receive communication from the cluster control plane", type: "ingress", fromPort: 1025, toPort: 65535, protocol: "tcp", securityGroupId: set.ref(sg), sourceSecurityGroupId: clusterSgId });
    rule("eksExtApiServerClusterIngressRule", { description: "Allow pods running extension API servers on port 443 to receive communication from cluster control plane", type: "ingress", fromPort: 443, toPort: 443, protocol: "tcp", securityGroupId: set.ref(sg), sourceSecurityGroupId: clusterSgId });
    rule("eksNodeInternetEgressRule", { description: "Allow internet access.", type: "egress", fromPort: 0, toPort: 0, protocol: "-1", cidrBlocks: ["0.0.0.0/0"], securityGroupId: set.ref(sg) });
    const ingress = rule("eksClusterIngressRule", { description: "Allow pods to communicate with the cluster API Server", type: "ingress", fromPort: 443, toPort: 443, protocol: "tcp", securityGroupId: clusterSgId, sourceSecurityGroupId: set.ref(sg) });
    return { sg, ingress };
  };
  const eksManagedSgId = set.ctx.preview ? UNKNOWN : `sg-${set.hex("eks-managed", 17)}`;
  if (!skipDefaultSecurityGroups) {
    const clusterSgId = clusterSg ? set.ref(clusterSg) : obj(a["clusterSecurityGroup"])?.["id"];
    ({ sg: nodeSg, ingress: clusterIngress } = nodeSecurity(clusterSgId));
  }
  let asg: Child | undefined;
  if (!skipDefaultNodeGroup) {
    if (!nodeSg) ({ sg: nodeSg, ingress: clusterIngress } = nodeSecurity(eksManagedSgId));
    asg = defaultNodeGroup(set, name, a, { cluster, nodeSg, clusterIngress, instanceProfile, subnetIds });
  }

  return outputsOf(set, a, { cluster, clusterSg, nodeSg, clusterIngress, eksRole: eksRole?.role, oidcProvider, asg, instanceRole, kubeconfig, subnetIds, eksManagedSgId });
}

interface NodeGroupParts {
  cluster: Child;
  nodeSg: Child;
  clusterIngress: Child | undefined;
  instanceProfile: Child | undefined;
  subnetIds: unknown[] | undefined;
}

/** createNodeGroupV2: a launch template and an auto scaling group, from the cluster's node options. */
function defaultNodeGroup(set: ChildSet, name: string, a: Record<string, unknown>, p: NodeGroupParts): Child {
  // nodeGroupOptions replaces the cluster's singular node options entirely.
  const o = obj(a["nodeGroupOptions"]) ?? a;
  const amiId = o["amiId"] ?? o["nodeAmiId"] ?? (set.ctx.preview ? UNKNOWN : `ami-${set.hex("eks-recommended-ami", 17)}`);
  let keyName = o["keyName"];
  if (o["nodePublicKey"] !== undefined) keyName = set.ref(set.add("aws:ec2/keyPair:KeyPair", `${name}-keyPair`, { publicKey: o["nodePublicKey"] }), "keyName");
  // AL2023 (the default OS): block devices only when a root volume option is set, so the AMI's defaults stay.
  const ebs = { encrypted: o["nodeRootVolumeEncrypted"] === undefined ? undefined : o["nodeRootVolumeEncrypted"] === true ? "true" : "false", volumeSize: o["nodeRootVolumeSize"], volumeType: o["nodeRootVolumeType"], iops: o["nodeRootVolumeIops"], throughput: o["nodeRootVolumeThroughput"], deleteOnTermination: o["nodeRootVolumeDeleteOnTermination"] === undefined ? undefined : String(o["nodeRootVolumeDeleteOnTermination"]) };
  const blockDeviceMappings = Object.values(ebs).every((v) => v === undefined) ? [] : [{ deviceName: "/dev/xvda", ebs }];
  const template = set.add(
    "aws:ec2/launchTemplate:LaunchTemplate",
    `${name}-launchTemplate`,
    {
      imageId: amiId,
      instanceType: o["instanceType"] ?? "t3.medium",
      iamInstanceProfile: { name: p.instanceProfile ? set.ref(p.instanceProfile, "name") : o["instanceProfileName"] },
      keyName,
      blockDeviceMappings,
      networkInterfaces: [{ associatePublicIpAddress: String(o["nodeAssociatePublicIpAddress"] ?? true), securityGroups: [set.ref(p.nodeSg), ...(arr(o["extraNodeSecurityGroups"]) ?? []).map((g) => obj(g)?.["id"])] }],
      // The node user data (a bootstrap script with the cluster's endpoint and CA) is not modelled.
      tagSpecifications: o["launchTemplateTagSpecifications"],
      monitoring: o["enableDetailedMonitoring"] === undefined ? undefined : { enabled: o["enableDetailedMonitoring"] },
    },
    { dependsOn: p.clusterIngress ? [p.clusterIngress] : [], computed: () => ({ latestVersion: 1 }) },
  );
  const clusterName = set.value(p.cluster, "name");
  const asgTags = clusterName === UNKNOWN ? UNKNOWN : [...Object.entries(tagsOf(o["autoScalingGroupTags"])).map(([key, value]) => ({ key, value, propagateAtLaunch: true })), { value: "owned", key: `kubernetes.io/cluster/${String(clusterName)}`, propagateAtLaunch: true }, { key: "Name", value: `${String(clusterName)}-worker`, propagateAtLaunch: true }];
  const privateIds = a["privateSubnetIds"];
  const publicIds = a["publicSubnetIds"];
  return set.add("aws:autoscaling/group:Group", name, {
    minSize: num(o["minSize"]) ?? 1,
    maxSize: num(o["maxSize"]) ?? 2,
    desiredCapacity: num(o["desiredCapacity"]) ?? 2,
    launchTemplate: { name: set.ref(template, "name"), version: set.value(template, "latestVersion") === UNKNOWN ? UNKNOWN : "1" },
    vpcZoneIdentifiers: o["nodeSubnetIds"] ?? privateIds ?? publicIds ?? p.subnetIds,
    instanceRefresh: { strategy: "Rolling", preferences: { minHealthyPercentage: o["minRefreshPercentage"] ?? 50 } },
    tags: asgTags,
    defaultInstanceWarmup: o["defaultInstanceWarmup"],
  });
}

function oidcIssuerOf(set: ChildSet, cluster: Child): string {
  return `oidc.eks.${set.ctx.region}.amazonaws.com/id/${set.hex(`${cluster.name}/oidc`, 32).toUpperCase()}`;
}

/** What EKS computes for the cluster beyond the canned table: the CA, the OIDC issuer, the managed security group. */
function clusterComputed(set: ChildSet, id: string): Record<string, unknown> {
  const token = set.hex(`${id}/endpoint`, 32).toUpperCase();
  return {
    endpoint: `https://${token}.gr7.${set.ctx.region}.eks.amazonaws.com`,
    certificateAuthority: { data: CA_DATA },
    identities: [{ oidcs: [{ issuer: `https://oidc.eks.${set.ctx.region}.amazonaws.com/id/${set.hex(`${set.ctx.name}-eksCluster/oidc`, 32).toUpperCase()}` }] }],
    status: "ACTIVE",
    platformVersion: "eks.1",
  };
}

function kubeconfigOf(set: ChildSet, cluster: Child): unknown {
  const name = set.value(cluster, "name");
  const endpoint = set.value(cluster, "endpoint");
  if (name === UNKNOWN || endpoint === UNKNOWN) return UNKNOWN;
  return {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "kubernetes", cluster: { server: endpoint, "certificate-authority-data": CA_DATA } }],
    contexts: [{ name: "aws", context: { cluster: "kubernetes", user: "aws" } }],
    "current-context": "aws",
    users: [{ name: "aws", user: { exec: { apiVersion: "client.authentication.k8s.io/v1beta1", command: "aws", args: ["eks", "get-token", "--cluster-name", name, "--output", "json"] } } }],
  };
}

interface Parts {
  cluster: Child;
  clusterSg: Child | undefined;
  nodeSg: Child | undefined;
  clusterIngress: Child | undefined;
  eksRole: Child | undefined;
  oidcProvider: Child | undefined;
  asg: Child | undefined;
  instanceRole: Child | undefined;
  kubeconfig: unknown;
  subnetIds: unknown[] | undefined;
  eksManagedSgId: unknown;
}

/** The component's outputs (as @pulumi/eks 4 declares them), from the modelled children. */
function outputsOf(set: ChildSet, a: Record<string, unknown>, p: Parts): Record<string, unknown> {
  const plain = (c: Child) => ({ ...c.outputs, id: c.id });
  const eks = { ...plain(p.cluster), vpcConfig: { ...obj(p.cluster.outputs["vpcConfig"]), vpcId: a["vpcId"], clusterSecurityGroupId: p.eksManagedSgId } };
  const clusterSecurityGroupId = p.clusterSg?.id ?? p.eksManagedSgId;
  const issuer = `https://${oidcIssuerOf(set, p.cluster)}`;
  const issuerUrl = (obj(arr(obj(arr(p.cluster.outputs["identities"])?.[0])?.["oidcs"])?.[0])?.["issuer"] as string | undefined) ?? issuer;
  const kubeconfigJson = JSON.stringify(p.kubeconfig);
  return {
    kubeconfig: p.kubeconfig,
    kubeconfigJson,
    eksCluster: eks,
    clusterSecurityGroup: p.clusterSg ? plain(p.clusterSg) : undefined,
    nodeSecurityGroup: p.nodeSg ? plain(p.nodeSg) : undefined,
    clusterSecurityGroupId,
    nodeSecurityGroupId: p.nodeSg?.id ?? p.eksManagedSgId,
    clusterIngressRuleId: p.clusterIngress?.id ?? "",
    oidcProviderArn: p.oidcProvider?.outputs["arn"] ?? "",
    oidcProviderUrl: issuerUrl,
    oidcIssuer: issuerUrl.replace("https://", ""),
    instanceRoles: p.instanceRole ? [plain(p.instanceRole)] : [],
    defaultNodeGroupAsgName: p.asg?.outputs["name"] ?? p.asg?.id ?? "",
    fargateProfileId: "",
    fargateProfileStatus: "",
    autoModeNodeRoleName: "",
    core: {
      cluster: eks,
      endpoint: p.cluster.outputs["endpoint"],
      clusterIamRole: p.eksRole ? plain(p.eksRole) : obj(a["serviceRole"]),
      vpcId: a["vpcId"],
      subnetIds: p.subnetIds,
      privateSubnetIds: a["privateSubnetIds"],
      publicSubnetIds: a["publicSubnetIds"],
      instanceRoles: p.instanceRole ? [plain(p.instanceRole)] : [],
      nodeGroupOptions: obj(a["nodeGroupOptions"]) ?? {},
      kubeconfig: p.kubeconfig,
      oidcProvider: p.oidcProvider ? plain(p.oidcProvider) : undefined,
      encryptionConfig: p.cluster.outputs["encryptionConfig"],
      tags: a["tags"] ?? {},
    },
  };
}

export const eksCluster: ComponentModel = {
  summary: "aws.eks.Cluster, its service role, security groups and rules, add-ons, Kubernetes provider, instance role and profile, aws-auth or access entries, OIDC provider, Fargate profile, default node group (launch template, auto scaling group)",
  build,
};
