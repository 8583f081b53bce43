import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { kubernetesLabels, type KubernetesVersion, type Tags } from "@mlops/core";
import { podIdentityRole, type PolicyStatement } from "../pod-identity";
import { NODE_GROUP_LABEL } from "./aws-nodes";

/** Cluster Autoscaler releases, one per Kubernetes minor (CA's minor must match the cluster's). */
export const CLUSTER_AUTOSCALER_IMAGES: Readonly<Record<KubernetesVersion, string>> = {
  "1.31": "registry.k8s.io/autoscaling/cluster-autoscaler:v1.31.0",
  "1.32": "registry.k8s.io/autoscaling/cluster-autoscaler:v1.32.5",
  "1.33": "registry.k8s.io/autoscaling/cluster-autoscaler:v1.33.3",
  "1.34": "registry.k8s.io/autoscaling/cluster-autoscaler:v1.34.2",
};

export const AUTOSCALER_NAMESPACE = "kube-system";
export const AUTOSCALER_NAME = "cluster-autoscaler";
/** `nobody`: the image needs no user of its own. */
const AUTOSCALER_UID = 65534;

/**
 * The autoscaler's AWS permissions (upstream's least-privilege policy): read the groups, instance
 * types and node groups anywhere; resize or shrink only the Auto Scaling groups tagged as this
 * cluster's (`k8s.io/cluster-autoscaler/<cluster>`, which EKS puts on managed node groups).
 */
export function autoscalerStatements(clusterName: string): PolicyStatement[] {
  return [
    {
      Sid: "Discover",
      Effect: "Allow",
      Action: [
        "autoscaling:DescribeAutoScalingGroups",
        "autoscaling:DescribeAutoScalingInstances",
        "autoscaling:DescribeLaunchConfigurations",
        "autoscaling:DescribeScalingActivities",
        "autoscaling:DescribeTags",
        "ec2:DescribeImages",
        "ec2:DescribeInstanceTypes",
        "ec2:DescribeLaunchTemplateVersions",
        "ec2:GetInstanceTypesFromInstanceRequirements",
        "eks:DescribeNodegroup",
      ],
      Resource: "*",
    },
    {
      Sid: "ScaleOwnGroups",
      Effect: "Allow",
      Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
      Resource: "*",
      Condition: { StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${clusterName}`]: "owned" } },
    },
  ];
}

/** Upstream's ClusterRole rules (cluster-autoscaler-autodiscover.yaml), nothing more. */
export const AUTOSCALER_CLUSTER_RULES: k8s.types.input.rbac.v1.PolicyRule[] = [
  { apiGroups: [""], resources: ["events", "endpoints"], verbs: ["create", "patch"] },
  { apiGroups: [""], resources: ["pods/eviction"], verbs: ["create"] },
  { apiGroups: [""], resources: ["pods/status"], verbs: ["update"] },
  { apiGroups: [""], resources: ["endpoints"], resourceNames: [AUTOSCALER_NAME], verbs: ["get", "update"] },
  { apiGroups: [""], resources: ["nodes"], verbs: ["watch", "list", "get", "update"] },
  { apiGroups: [""], resources: ["namespaces", "pods", "services", "replicationcontrollers", "persistentvolumeclaims", "persistentvolumes"], verbs: ["watch", "list", "get"] },
  { apiGroups: ["extensions"], resources: ["replicasets", "daemonsets"], verbs: ["watch", "list", "get"] },
  { apiGroups: ["policy"], resources: ["poddisruptionbudgets"], verbs: ["watch", "list"] },
  { apiGroups: ["apps"], resources: ["statefulsets", "replicasets", "daemonsets"], verbs: ["watch", "list", "get"] },
  { apiGroups: ["storage.k8s.io"], resources: ["storageclasses", "csinodes", "csidrivers", "csistoragecapacities"], verbs: ["watch", "list", "get"] },
  { apiGroups: ["batch", "extensions"], resources: ["jobs"], verbs: ["get", "list", "watch", "patch"] },
  { apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["create"] },
  { apiGroups: ["coordination.k8s.io"], resourceNames: [AUTOSCALER_NAME], resources: ["leases"], verbs: ["get", "update"] },
];

/** Upstream's Role rules in kube-system: its status ConfigMaps only. */
export const AUTOSCALER_NAMESPACE_RULES: k8s.types.input.rbac.v1.PolicyRule[] = [
  { apiGroups: [""], resources: ["configmaps"], verbs: ["create", "list", "watch"] },
  { apiGroups: [""], resources: ["configmaps"], resourceNames: ["cluster-autoscaler-status", "cluster-autoscaler-priority-expander"], verbs: ["delete", "get", "update", "watch"] },
];

export interface ClusterAutoscaler {
  serviceAccount: k8s.core.v1.ServiceAccount;
  clusterRole: k8s.rbac.v1.ClusterRole;
  clusterRoleBinding: k8s.rbac.v1.ClusterRoleBinding;
  role: k8s.rbac.v1.Role;
  roleBinding: k8s.rbac.v1.RoleBinding;
  deployment: k8s.apps.v1.Deployment;
  iamRole: ReturnType<typeof podIdentityRole>;
}

/**
 * Cluster Autoscaler as plain Kubernetes objects on the cluster's provider: upstream RBAC, one
 * replica on the system nodes with restricted Pod Security, auto-discovering this cluster's
 * managed node groups by tag; its AWS identity through Pod Identity.
 */
export function clusterAutoscaler(
  parent: pulumi.Resource,
  name: string,
  args: { clusterName: string; region: pulumi.Input<string>; version: KubernetesVersion; provider: k8s.Provider; tags: Tags; dependsOn: pulumi.Input<pulumi.Resource>[] },
): ClusterAutoscaler {
  const iamRole = podIdentityRole(parent, `${name}-autoscaler`, {
    clusterName: args.clusterName,
    namespace: AUTOSCALER_NAMESPACE,
    serviceAccount: AUTOSCALER_NAME,
    statements: autoscalerStatements(args.clusterName),
    tags: args.tags,
    dependsOn: args.dependsOn,
  });
  const opts = { parent, provider: args.provider };
  const labels = { ...kubernetesLabels(args.tags), "app.kubernetes.io/name": AUTOSCALER_NAME };
  const metadata = { name: AUTOSCALER_NAME, namespace: AUTOSCALER_NAMESPACE, labels };
  const serviceAccount = new k8s.core.v1.ServiceAccount(`${name}-autoscaler`, { metadata }, opts);
  const clusterRole = new k8s.rbac.v1.ClusterRole(`${name}-autoscaler`, { metadata: { name: AUTOSCALER_NAME, labels }, rules: AUTOSCALER_CLUSTER_RULES }, opts);
  const subjects = [{ kind: "ServiceAccount", name: AUTOSCALER_NAME, namespace: AUTOSCALER_NAMESPACE }];
  const clusterRoleBinding = new k8s.rbac.v1.ClusterRoleBinding(`${name}-autoscaler`, {
    metadata: { name: AUTOSCALER_NAME, labels },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: AUTOSCALER_NAME },
    subjects,
  }, { ...opts, dependsOn: [clusterRole, serviceAccount] });
  const role = new k8s.rbac.v1.Role(`${name}-autoscaler`, { metadata, rules: AUTOSCALER_NAMESPACE_RULES }, opts);
  const roleBinding = new k8s.rbac.v1.RoleBinding(`${name}-autoscaler`, {
    metadata,
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: AUTOSCALER_NAME },
    subjects,
  }, { ...opts, dependsOn: [role, serviceAccount] });

  const selector = { "app.kubernetes.io/name": AUTOSCALER_NAME };
  const deployment = new k8s.apps.v1.Deployment(`${name}-autoscaler`, {
    metadata,
    spec: {
      // One active instance (it elects a leader); a second would only wait.
      replicas: 1,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: { ...labels, ...selector } },
        spec: {
          serviceAccountName: AUTOSCALER_NAME,
          priorityClassName: "system-cluster-critical",
          nodeSelector: { [NODE_GROUP_LABEL]: "system" },
          tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists", effect: "NoSchedule" }],
          securityContext: { runAsNonRoot: true, runAsUser: AUTOSCALER_UID, runAsGroup: AUTOSCALER_UID, fsGroup: AUTOSCALER_UID, seccompProfile: { type: "RuntimeDefault" } },
          containers: [{
            name: AUTOSCALER_NAME,
            image: CLUSTER_AUTOSCALER_IMAGES[args.version],
            imagePullPolicy: "IfNotPresent",
            command: [
              "./cluster-autoscaler",
              "--cloud-provider=aws",
              `--namespace=${AUTOSCALER_NAMESPACE}`,
              `--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/${args.clusterName}`,
              "--balance-similar-node-groups",
              "--expander=least-waste",
              "--skip-nodes-with-local-storage=false",
              "--v=4",
              "--stderrthreshold=info",
            ],
            env: [{ name: "AWS_REGION", value: args.region }],
            ports: [{ name: "metrics", containerPort: 8085, protocol: "TCP" }],
            resources: { requests: { cpu: "100m", memory: "600Mi" }, limits: { cpu: "500m", memory: "600Mi" } },
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ["ALL"] } },
            livenessProbe: { httpGet: { path: "/health-check", port: "metrics" }, periodSeconds: 30 },
          }],
        },
      },
    },
  }, { ...opts, dependsOn: [clusterRoleBinding, roleBinding, ...(iamRole.association ? [iamRole.association] : [])] });
  return { serviceAccount, clusterRole, clusterRoleBinding, role, roleBinding, deployment, iamRole };
}
