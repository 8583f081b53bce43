/** The aws-native `eks.Cluster` inputs the EKS policies read (AWS::EKS::Cluster, camelCased). */
export interface NativeEksCluster {
  resourcesVpcConfig?: { endpointPublicAccess?: boolean; endpointPrivateAccess?: boolean; publicAccessCidrs?: string[] };
  encryptionConfig?: { resources?: string[]; provider?: { keyArn?: string } }[];
  logging?: { clusterLogging?: { enabledTypes?: { type?: string }[] } };
}

export const EKS_CLUSTER = "aws-native:eks:Cluster";
