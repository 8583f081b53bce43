/** The aws-native `s3.Bucket` inputs the S3 policies read (CloudFormation AWS::S3::Bucket, camelCased). */
export interface NativeBucket {
  accessControl?: string;
  bucketEncryption?: {
    serverSideEncryptionConfiguration?: EncryptionRule[];
  };
  publicAccessBlockConfiguration?: {
    blockPublicAcls?: boolean;
    blockPublicPolicy?: boolean;
    ignorePublicAcls?: boolean;
    restrictPublicBuckets?: boolean;
  };
}

/** One `serverSideEncryptionConfiguration` rule. */
export interface EncryptionRule {
  bucketKeyEnabled?: boolean;
  serverSideEncryptionByDefault?: { sseAlgorithm?: string; kmsMasterKeyId?: string };
}

/** The bucket's default-encryption rules (`[]` when it states none). */
export const encryptionRules = (bucket: NativeBucket): EncryptionRule[] => bucket.bucketEncryption?.serverSideEncryptionConfiguration ?? [];
