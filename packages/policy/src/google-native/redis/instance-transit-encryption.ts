import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { REDIS_INSTANCE_TYPES, type NativeRedisInstance } from "./instance";

/** google-native Memorystore for Redis encrypts client traffic with TLS. */
export const googleNativeRedisInstanceTransitEncryption = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-redis-instance-transit-encryption",
    description:
      'google-native Memorystore for Redis instances must set transitEncryptionMode "SERVER_AUTHENTICATION" (unset means ' +
      "DISABLED): otherwise cached data and the AUTH string cross the VPC in clear.",
    validateResource: REDIS_INSTANCE_TYPES.map((token) =>
      validateTypeToken<NativeRedisInstance>(token, (redis, _args, report) => {
        if (redis.transitEncryptionMode !== "SERVER_AUTHENTICATION") {
          report(`transitEncryptionMode is ${redis.transitEncryptionMode ?? "unset (DISABLED)"}: set "SERVER_AUTHENTICATION" so clients connect over TLS.`);
        }
      }),
    ),
  },
  { vendor: "google-native", services: ["redis"], topics: ["encryption", "network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
