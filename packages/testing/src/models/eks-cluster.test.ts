import { describe, expect, it } from "@jest/globals";
import * as eks from "@pulumi/eks";
import * as k8s from "@pulumi/kubernetes";
import { evaluatePolicies } from "@mlops/policy/rules";
import { byType, one, runWithMocks } from "../index";
import { UNKNOWN } from "../types";

const base = { project: "proj", stack: "dev" };
const network = { vpcId: "vpc-1", privateSubnetIds: ["subnet-p1", "subnet-p2"], publicSubnetIds: ["subnet-x1"] };

describe("model: eks.Cluster (@pulumi/eks 4)", () => {
  it("by default: service role, cluster and node security groups with eks's rules, add-ons, aws-auth, instance role and profile, the default node group", async () => {
    const run = await runWithMocks(() => new eks.Cluster("c", network), base);
    const component = one(run.resources, "eks:index:Cluster");
    const children = run.resources.filter((r) => r.modelled);
    expect(children.map((r) => `${r.type}::${r.name}`)).toEqual([
      "eks:index:ServiceRole::c-eksRole",
      "aws:iam/role:Role::c-eksRole-role",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment::c-eksRole-4b490823",
      "aws:ec2/securityGroup:SecurityGroup::c-eksClusterSecurityGroup",
      "aws:ec2/securityGroupRule:SecurityGroupRule::c-eksClusterInternetEgressRule",
      "aws:eks/cluster:Cluster::c-eksCluster",
      "aws:eks/addon:Addon::c-kube-proxy",
      "pulumi:providers:kubernetes::c-eks-k8s",
      "eks:index:ServiceRole::c-instanceRole",
      "aws:iam/role:Role::c-instanceRole-role",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment::c-instanceRole-03516f97",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment::c-instanceRole-e1b295bd",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment::c-instanceRole-3eb088f2",
      "aws:iam/instanceProfile:InstanceProfile::c-instanceProfile",
      "kubernetes:core/v1:ConfigMap::c-nodeAccess",
      "eks:index:VpcCniAddon::c-vpc-cni",
      "aws:eks/addon:Addon::c-vpc-cni",
      "aws:eks/addon:Addon::c-coredns",
      "aws:ec2/securityGroup:SecurityGroup::c-nodeSecurityGroup",
      "aws:ec2/securityGroupRule:SecurityGroupRule::c-eksNodeIngressRule",
      "aws:ec2/securityGroupRule:SecurityGroupRule::c-eksNodeClusterIngressRule",
      "aws:ec2/securityGroupRule:SecurityGroupRule::c-eksExtApiServerClusterIngressRule",
      "aws:ec2/securityGroupRule:SecurityGroupRule::c-eksNodeInternetEgressRule",
      "aws:ec2/securityGroupRule:SecurityGroupRule::c-eksClusterIngressRule",
      "aws:ec2/launchTemplate:LaunchTemplate::c-launchTemplate",
      "aws:autoscaling/group:Group::c",
    ]);
    expect(one(run.resources, "aws:iam/role:Role", "c-eksRole-role").urn).toBe("urn:pulumi:dev::proj::eks:index:Cluster$eks:index:ServiceRole$aws:iam/role:Role::c-eksRole-role");
    const cluster = one(run.resources, "aws:eks/cluster:Cluster");
    expect(cluster.parent).toBe(component.urn);
    expect(cluster.inputs).toMatchObject({ roleArn: one(run.resources, "aws:iam/role:Role", "c-eksRole-role").outputs["arn"], bootstrapSelfManagedAddons: true, vpcConfig: { subnetIds: ["subnet-x1", "subnet-p1", "subnet-p2"], securityGroupIds: [one(run.resources, "aws:ec2/securityGroup:SecurityGroup", "c-eksClusterSecurityGroup").id] }, tags: { Name: "c-eksCluster" } });
    const nodeSg = one(run.resources, "aws:ec2/securityGroup:SecurityGroup", "c-nodeSecurityGroup");
    const clusterSg = one(run.resources, "aws:ec2/securityGroup:SecurityGroup", "c-eksClusterSecurityGroup");
    expect(one(run.resources, "aws:ec2/securityGroupRule:SecurityGroupRule", "c-eksNodeClusterIngressRule").inputs).toMatchObject({ type: "ingress", fromPort: 1025, toPort: 65535, securityGroupId: nodeSg.id, sourceSecurityGroupId: clusterSg.id });
    expect(one(run.resources, "aws:ec2/securityGroupRule:SecurityGroupRule", "c-eksClusterIngressRule").inputs).toMatchObject({ fromPort: 443, securityGroupId: clusterSg.id, sourceSecurityGroupId: nodeSg.id });
    const template = one(run.resources, "aws:ec2/launchTemplate:LaunchTemplate");
    expect(template.inputs).toMatchObject({ instanceType: "t3.medium", blockDeviceMappings: [], networkInterfaces: [{ associatePublicIpAddress: "true", securityGroups: [nodeSg.id] }] });
    expect(one(run.resources, "aws:autoscaling/group:Group").inputs).toMatchObject({ minSize: 1, maxSize: 2, desiredCapacity: 2, vpcZoneIdentifiers: ["subnet-p1", "subnet-p2"] });
    const awsAuth = one(run.resources, "kubernetes:core/v1:ConfigMap");
    expect(awsAuth.provider?.startsWith(one(run.resources, "pulumi:providers:kubernetes", "c-eks-k8s").urn)).toBe(true);
    expect(String((awsAuth.inputs["data"] as Record<string, unknown>)["mapRoles"])).toContain(String(one(run.resources, "aws:iam/role:Role", "c-instanceRole-role").outputs["arn"]));
    // The component's outputs come from the children.
    expect(component.outputs["eksCluster"]).toMatchObject({ name: cluster.outputs["name"], endpoint: cluster.outputs["endpoint"] });
    expect(component.outputs["nodeSecurityGroupId"]).toBe(nodeSg.id);
  });

  it("reports each verdict once, on the modelled child; an unverified cluster is judged on its inputs", async () => {
    const run = await runWithMocks(() => new eks.Cluster("c", network), base);
    const { violations } = await evaluatePolicies(run.resources, { enforcementLevel: "mandatory" });
    const on = (policy: string) => violations.filter((v) => v.policyName === policy).map((v) => `${v.resourceType} ${v.resourceName}`).sort();
    // The engine shows a constructed remote component to a pack without inputs: its children are what is judged.
    expect(on("aws-eks-endpoint-private")).toEqual(["aws:eks/cluster:Cluster c-eksCluster"]);
    expect(on("aws-eks-control-plane-logging")).toEqual(["aws:eks/cluster:Cluster c-eksCluster"]);
    expect(on("aws-eks-secrets-encrypted")).toEqual(["aws:eks/cluster:Cluster c-eksCluster"]);
    expect(on("aws-ec2-no-public-ip")).toEqual(["aws:ec2/launchTemplate:LaunchTemplate c-launchTemplate"]);
    expect(on("aws-ec2-launch-template-imdsv2")).toEqual(["aws:ec2/launchTemplate:LaunchTemplate c-launchTemplate"]);
    expect(on("aws-ec2-launch-template-volumes-encrypted")).toEqual(["aws:ec2/launchTemplate:LaunchTemplate c-launchTemplate"]);
    // Without a vpcId there is no model: the component's own inputs are all a policy can judge.
    const unverified = await runWithMocks(() => new eks.Cluster("u", { version: "1.33" }), base);
    const judged = await evaluatePolicies(unverified.resources, { enforcementLevel: "mandatory" });
    expect(judged.violations.filter((v) => v.policyName === "aws-eks-endpoint-private").map((v) => `${v.resourceType} ${v.resourceName}`)).toEqual(["eks:index:Cluster u"]);
  });

  it("follows the inputs: private endpoint, encryption, log types, API access entries, no default node group or security groups", async () => {
    const run = await runWithMocks(
      () =>
        new eks.Cluster("c", {
          ...network,
          endpointPrivateAccess: true,
          endpointPublicAccess: false,
          encryptionConfigKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k",
          enabledClusterLogTypes: ["api", "audit", "authenticator"],
          authenticationMode: "API",
          accessEntries: { admins: { principalArn: "arn:aws:iam::123456789012:role/admin", accessPolicies: { view: { policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", accessScope: { type: "cluster" } } } } },
          skipDefaultNodeGroup: true,
          skipDefaultSecurityGroups: true,
          createOidcProvider: true,
        }),
      base,
    );
    const cluster = one(run.resources, "aws:eks/cluster:Cluster");
    expect(cluster.inputs).toMatchObject({ vpcConfig: { endpointPrivateAccess: true, endpointPublicAccess: false }, encryptionConfig: { provider: { keyArn: "arn:aws:kms:us-east-1:123456789012:key/k" }, resources: ["secrets"] }, enabledClusterLogTypes: ["api", "audit", "authenticator"], accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true } });
    expect(byType(run.resources, "aws:ec2/securityGroup:SecurityGroup")).toEqual([]);
    expect(byType(run.resources, "aws:ec2/launchTemplate:LaunchTemplate")).toEqual([]);
    expect(byType(run.resources, "kubernetes:core/v1:ConfigMap")).toEqual([]);
    // No default node group: no instance role, and CoreDNS has no nodes to run on.
    expect(byType(run.resources, "aws:iam/instanceProfile:InstanceProfile")).toEqual([]);
    expect(byType(run.resources, "aws:eks/addon:Addon").map((a) => a.name)).toEqual(["c-kube-proxy", "c-vpc-cni"]);
    expect(one(run.resources, "aws:eks/accessEntry:AccessEntry").name).toBe("c-admins");
    expect(one(run.resources, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation")).toMatchObject({ name: "c-admins-view", parent: one(run.resources, "aws:eks/accessEntry:AccessEntry").urn });
    expect(one(run.resources, "aws:iam/openIdConnectProvider:OpenIdConnectProvider").inputs["url"]).toBe(one(run.resources, "eks:index:Cluster").outputs["oidcProviderUrl"]);
    const { violations } = await evaluatePolicies(run.resources, { enforcementLevel: "mandatory" });
    expect(violations.filter((v) => v.policyName.startsWith("aws-eks-") || v.policyName.startsWith("aws-ec2-"))).toEqual([]);
  });

  it("records the requested StorageClasses through the cluster's provider, after aws-auth", async () => {
    const run = await runWithMocks(() => new eks.Cluster("Main", { ...network, skipDefaultNodeGroup: true, storageClasses: { gp3: { type: "gp3", encrypted: true, default: true } } }), base);
    const sc = one(run.resources, "kubernetes:storage.k8s.io/v1:StorageClass");
    expect(sc).toMatchObject({ name: "main-gp3", dependencies: [one(run.resources, "kubernetes:core/v1:ConfigMap").urn] });
    expect(sc.inputs).toMatchObject({ provisioner: "kubernetes.io/aws-ebs", parameters: { type: "gp3", encrypted: "true" }, metadata: { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } } });
    expect(sc.provider?.startsWith(one(run.resources, "pulumi:providers:kubernetes", "Main-eks-k8s").urn)).toBe(true);
  });

  it("in a preview: the same children, ids and ARNs unknown; the component's kubeconfig unknown", async () => {
    const run = await runWithMocks(() => {
      const c = new eks.Cluster("c", { ...network, skipDefaultNodeGroup: true });
      return { kubeconfig: c.kubeconfigJson, provider: new k8s.Provider("p", { kubeconfig: c.kubeconfigJson }).urn };
    }, { ...base, preview: true });
    expect(one(run.resources, "aws:eks/cluster:Cluster").inputs["roleArn"]).toBe(UNKNOWN);
    expect(one(run.resources, "pulumi:providers:kubernetes", "c-eks-k8s").inputs["kubeconfig"]).toBe(UNKNOWN);
    expect(run.stackOutputs["kubeconfig"]).toBe(UNKNOWN);
  });

  it("is unverified without a vpcId (eks looks up the default VPC at deploy time)", async () => {
    const run = await runWithMocks(() => new eks.Cluster("c", {}), base);
    expect(one(run.resources, "eks:index:Cluster").unverified).toMatch(/no vpcId/);
    expect(run.resources.filter((r) => r.modelled)).toEqual([]);
  });
});
