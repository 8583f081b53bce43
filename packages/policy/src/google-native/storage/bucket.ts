/** The google-native `storage/v1:Bucket` inputs the storage policies read (the JSON API's field names). */
export interface NativeGcsBucket {
  encryption?: { defaultKmsKeyName?: string };
  iamConfiguration?: {
    publicAccessPrevention?: string;
    uniformBucketLevelAccess?: { enabled?: boolean };
    /** The older name of uniform bucket-level access. */
    bucketPolicyOnly?: { enabled?: boolean };
  };
}

export const GCS_BUCKET = "google-native:storage/v1:Bucket";
