import * as gcp from "@pulumi/gcp";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";

/** Memorystore Redis requires AUTH. */
export const gcpRedisAuthEnabled: ResourceValidationPolicy = {
  name: "gcp-redis-auth-enabled",
  description:
    "Memorystore for Redis instances must set authEnabled true: without AUTH any workload in the authorized network can " +
    "read and overwrite the cache.",
  validateResource: validateResourceOfType(gcp.redis.Instance, (redis, _args, report) => {
    if (redis.authEnabled !== true) report("authEnabled is not true.");
  }),
};
