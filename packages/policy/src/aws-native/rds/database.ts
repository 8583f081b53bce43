/** The aws-native RDS inputs the RDS policies read (AWS::RDS::DBInstance and AWS::RDS::DBCluster, camelCased). */
export interface NativeDatabase {
  /** Set on an instance that belongs to an Aurora cluster: storage encryption is the cluster's. */
  dbClusterIdentifier?: string;
  storageEncrypted?: boolean;
  kmsKeyId?: string;
  publiclyAccessible?: boolean;
  /** DBInstance's name for the Performance Insights switch. */
  enablePerformanceInsights?: boolean;
  /** DBCluster's name for the same switch. */
  performanceInsightsEnabled?: boolean;
  performanceInsightsKmsKeyId?: string;
}

export const DB_INSTANCE = "aws-native:rds:DbInstance";
export const DB_CLUSTER = "aws-native:rds:DbCluster";
