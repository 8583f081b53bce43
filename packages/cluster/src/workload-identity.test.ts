import { describe, expect, it } from "@jest/globals";
import { byType, one, runWithMocks } from "@mlops/testing";
import { Cluster } from "./cluster";
import { workloadIdentity } from "./workload-identity";
import type { ClusterArgs } from "./types";

const NETWORK: Partial<ClusterArgs> = {
  awsNetwork: { vpcId: "vpc-1", privateSubnetIds: ["subnet-a", "subnet-b"] },
  gcpNetwork: { project: "mlops-proj", region: "us-central1", networkId: "net", subnetworkId: "sub", podsRangeName: "pods", servicesRangeName: "services" },
};

function run(backend: "aws" | "gcp" | "kubernetes", grant?: Parameters<typeof workloadIdentity>[2]["grant"]) {
  return runWithMocks(() => {
    const network = backend === "aws" ? { awsNetwork: NETWORK.awsNetwork } : backend === "gcp" ? { gcpNetwork: NETWORK.gcpNetwork } : {};
    const cluster = new Cluster("cluster", { backend, tier: "dev", tags: {}, placement: {}, ...network });
    workloadIdentity(cluster, "mlflow", { cluster, backend, namespace: "mlops-ml", serviceAccountName: "mlflow", ...(grant ? { grant } : {}), tags: { project: "mlops" } });
  }, { project: "mlops-platform", stack: "dev" });
}

describe("workloadIdentity", () => {
  it("aws: a ServiceAccount on the cluster's provider, a Pod Identity role and its association, the bucket grant; no keys", async () => {
    const { resources } = await run("aws", { bucketReadWrite: "arn:aws:s3:::artifacts" });
    const sa = one(resources, "kubernetes:core/v1:ServiceAccount", "mlflow-sa");
    expect(sa.inputs).toMatchObject({ metadata: { name: "mlflow", namespace: "mlops-ml" } });
    expect(sa.provider).toContain("pulumi:providers:kubernetes::cluster-k8s");
    const role = one(resources, "aws:iam/role:Role", "mlflow-role");
    expect(JSON.parse(String(role.inputs["assumeRolePolicy"])).Statement).toEqual([{ Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }]);
    const association = one(resources, "aws:eks/podIdentityAssociation:PodIdentityAssociation", "mlflow-identity");
    expect(association.inputs).toMatchObject({ namespace: "mlops-ml", serviceAccount: "mlflow", roleArn: role.outputs["arn"], clusterName: "mlops-platform-dev-cluster" });
    const policy = JSON.parse(String(one(resources, "aws:iam/rolePolicy:RolePolicy", "mlflow-policy").inputs["policy"])) as { Statement: { Resource: string }[] };
    expect(policy.Statement.map((s) => s.Resource)).toEqual(["arn:aws:s3:::artifacts", "arn:aws:s3:::artifacts/*"]);
    expect(byType(resources, "aws:iam/accessKey:AccessKey")).toEqual([]);
  });

  it("gcp: a Google service account the KSA impersonates through Workload Identity, annotated, with the bucket role", async () => {
    const { resources } = await run("gcp", { bucketReadWrite: "mlops-artifacts", gcpProjectRoles: ["roles/aiplatform.user"] });
    const gsa = one(resources, "gcp:serviceaccount/account:Account", "mlflow-gsa");
    expect(one(resources, "gcp:serviceaccount/iAMMember:IAMMember", "mlflow-wi").inputs).toMatchObject({
      serviceAccountId: gsa.outputs["name"], role: "roles/iam.workloadIdentityUser", member: "serviceAccount:mlops-proj.svc.id.goog[mlops-ml/mlflow]",
    });
    expect(one(resources, "kubernetes:core/v1:ServiceAccount", "mlflow-sa").inputs).toMatchObject({ metadata: { annotations: { "iam.gke.io/gcp-service-account": gsa.outputs["email"] } } });
    expect(one(resources, "gcp:storage/bucketIAMMember:BucketIAMMember").inputs).toMatchObject({ bucket: "mlops-artifacts", role: "roles/storage.objectUser", member: gsa.outputs["member"] });
    expect(one(resources, "gcp:projects/iAMMember:IAMMember", "mlflow-aiplatform-user").inputs).toMatchObject({ project: "mlops-proj", role: "roles/aiplatform.user" });
    expect(byType(resources, "gcp:serviceaccount/key:Key")).toEqual([]);
  });

  it("kubernetes: the ServiceAccount alone; cloud grants are rejected", async () => {
    const { resources } = await run("kubernetes");
    expect(one(resources, "kubernetes:core/v1:ServiceAccount", "mlflow-sa").provider).toContain("cluster-k8s");
    expect(resources.filter((r) => r.type.startsWith("aws:") || r.type.startsWith("gcp:"))).toEqual([]);
    await expect(run("kubernetes", { bucketReadWrite: "artifacts" })).rejects.toThrow("grant: cloud grants are not allowed on the kubernetes backend (there is no cloud identity there); remove them");
  });
});
