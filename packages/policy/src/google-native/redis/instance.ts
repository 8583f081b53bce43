/** The google-native Memorystore for Redis instance inputs the redis policies read. */
export interface NativeRedisInstance {
  authEnabled?: boolean;
  transitEncryptionMode?: string;
  customerManagedKey?: string;
}

export const REDIS_INSTANCE_TYPES: readonly string[] = ["google-native:redis/v1:Instance", "google-native:redis/v1beta1:Instance"];
