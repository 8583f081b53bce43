import type { Policies } from "@pulumi/policy";
import { awsS3BucketEncryptedWithKms } from "./aws/s3/bucket-encrypted-with-kms";
import { awsS3PublicAccessBlockEnabled } from "./aws/s3/public-access-block-enabled";
import { awsS3NoPublicAcl } from "./aws/s3/no-public-acl";
import { awsKmsKeyRotationEnabled } from "./aws/kms/key-rotation-enabled";
import { awsRdsStorageEncryptedWithKms } from "./aws/rds/storage-encrypted-with-kms";
import { awsRdsNotPubliclyAccessible } from "./aws/rds/not-publicly-accessible";
import { awsRdsBackupsEnabled } from "./aws/rds/backups-enabled";
import { awsElasticacheReplicationGroupEncrypted } from "./aws/elasticache/replication-group-encrypted";
import { awsElasticacheNoUnencryptedRedisCluster } from "./aws/elasticache/no-unencrypted-redis-cluster";
import { awsMskClusterEncrypted } from "./aws/msk/cluster-encrypted";
import { awsKinesisStreamEncryptedWithKms } from "./aws/kinesis/stream-encrypted-with-kms";
import { awsEc2NoPublicIngress } from "./aws/ec2/no-public-ingress";
import { awsEc2VpcFlowLogsEnabled } from "./aws/ec2/vpc-flow-logs-enabled";
import { awsEc2LaunchTemplateImdsv2 } from "./aws/ec2/launch-template-imdsv2";
import { awsEc2LaunchTemplateVolumesEncrypted } from "./aws/ec2/launch-template-volumes-encrypted";
import { awsEc2NoPublicIp } from "./aws/ec2/no-public-ip";
import { awsEksEndpointPrivate } from "./aws/eks/endpoint-private";
import { awsEksSecretsEncrypted } from "./aws/eks/secrets-encrypted";
import { awsEksControlPlaneLogging } from "./aws/eks/control-plane-logging";
import { awsSecretsNoPlaintextInputs } from "./aws/secrets/no-plaintext-inputs";
import { gcpKmsCryptoKeyRotation } from "./gcp/kms/crypto-key-rotation";
import { gcpStorageBucketUniformAccess } from "./gcp/storage/bucket-uniform-access";
import { gcpStorageBucketPublicAccessPrevented } from "./gcp/storage/bucket-public-access-prevented";
import { gcpStorageBucketEncryptedWithKms } from "./gcp/storage/bucket-encrypted-with-kms";
import { gcpSqlPrivateIpOnly } from "./gcp/sql/private-ip-only";
import { gcpSqlSslRequired } from "./gcp/sql/ssl-required";
import { gcpSqlBackupsEnabled } from "./gcp/sql/backups-enabled";
import { gcpRedisTransitEncryption } from "./gcp/redis/transit-encryption";
import { gcpRedisAuthEnabled } from "./gcp/redis/auth-enabled";
import { gcpContainerPrivateCluster } from "./gcp/container/private-cluster";
import { gcpContainerSecretsEncrypted } from "./gcp/container/secrets-encrypted";
import { gcpContainerLegacyAbacDisabled } from "./gcp/container/legacy-abac-disabled";
import { gcpContainerShieldedNodes } from "./gcp/container/shielded-nodes";
import { gcpContainerWorkloadIdentity } from "./gcp/container/workload-identity";
import { gcpContainerControlPlaneLogging } from "./gcp/container/control-plane-logging";
import { gcpComputeNoPublicIngress } from "./gcp/compute/no-public-ingress";
import { gcpSecretsNoPlaintextInputs } from "./gcp/secrets/no-plaintext-inputs";
import { kubernetesPodNoPrivilegedContainers } from "./kubernetes/pod/no-privileged-containers";
import { kubernetesPodNoHostNamespaces } from "./kubernetes/pod/no-host-namespaces";
import { kubernetesPodNoPrivilegeEscalation } from "./kubernetes/pod/no-privilege-escalation";
import { kubernetesNetworkingNamespaceDefaultDeny } from "./kubernetes/networking/namespace-default-deny";
import { kubernetesCoreSecretNoPlaintextData } from "./kubernetes/core/secret-no-plaintext-data";
import { kubernetesCoreTeamNamespaceResourceQuota } from "./kubernetes/core/team-namespace-resource-quota";
import { kubernetesCoreNoDefaultNamespace } from "./kubernetes/core/no-default-namespace";
import { kubernetesCoreNoPublicLoadBalancer } from "./kubernetes/core/no-public-load-balancer";
import { kubernetesRbacNoWildcardSecrets } from "./kubernetes/rbac/no-wildcard-secrets";

/**
 * Every policy of the pack, in report order. None sets its own `enforcementLevel`: the level
 * comes from the pack (tier default) and from `--policy-pack-config` (`all` or per policy).
 */
export const policies: Policies = [
  awsS3BucketEncryptedWithKms,
  awsS3PublicAccessBlockEnabled,
  awsS3NoPublicAcl,
  awsKmsKeyRotationEnabled,
  awsRdsStorageEncryptedWithKms,
  awsRdsNotPubliclyAccessible,
  awsRdsBackupsEnabled,
  awsElasticacheReplicationGroupEncrypted,
  awsElasticacheNoUnencryptedRedisCluster,
  awsMskClusterEncrypted,
  awsKinesisStreamEncryptedWithKms,
  awsEc2NoPublicIngress,
  awsEc2VpcFlowLogsEnabled,
  awsEc2LaunchTemplateImdsv2,
  awsEc2LaunchTemplateVolumesEncrypted,
  awsEc2NoPublicIp,
  awsEksEndpointPrivate,
  awsEksSecretsEncrypted,
  awsEksControlPlaneLogging,
  awsSecretsNoPlaintextInputs,
  gcpKmsCryptoKeyRotation,
  gcpStorageBucketUniformAccess,
  gcpStorageBucketPublicAccessPrevented,
  gcpStorageBucketEncryptedWithKms,
  gcpSqlPrivateIpOnly,
  gcpSqlSslRequired,
  gcpSqlBackupsEnabled,
  gcpRedisTransitEncryption,
  gcpRedisAuthEnabled,
  gcpContainerPrivateCluster,
  gcpContainerSecretsEncrypted,
  gcpContainerLegacyAbacDisabled,
  gcpContainerShieldedNodes,
  gcpContainerWorkloadIdentity,
  gcpContainerControlPlaneLogging,
  gcpComputeNoPublicIngress,
  gcpSecretsNoPlaintextInputs,
  kubernetesPodNoPrivilegedContainers,
  kubernetesPodNoHostNamespaces,
  kubernetesPodNoPrivilegeEscalation,
  kubernetesNetworkingNamespaceDefaultDeny,
  kubernetesCoreSecretNoPlaintextData,
  kubernetesCoreTeamNamespaceResourceQuota,
  kubernetesCoreNoDefaultNamespace,
  kubernetesCoreNoPublicLoadBalancer,
  kubernetesRbacNoWildcardSecrets,
];
