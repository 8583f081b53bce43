import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { REDIS_INSTANCE_TYPES, type NativeRedisInstance } from "./instance";

/** google-native Memorystore for Redis requires the AUTH string. */
export const googleNativeRedisInstanceAuthEnabled = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-redis-instance-auth-enabled",
    description:
      "google-native Memorystore for Redis instances must set authEnabled true: without AUTH anything that can reach the " +
      "instance's private IP can read and write the cache.",
    validateResource: REDIS_INSTANCE_TYPES.map((token) =>
      validateTypeToken<NativeRedisInstance>(token, (redis, _args, report) => {
        if (redis.authEnabled !== true) report("authEnabled is not true: any client on the network can use the instance. Set it.");
      }),
    ),
  },
  { vendor: "google-native", services: ["redis"], topics: ["access", "network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
