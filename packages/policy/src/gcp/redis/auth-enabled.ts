import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";

/** Memorystore Redis requires AUTH. */
export const gcpRedisAuthEnabled = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-redis-auth-enabled",
    description:
      "Memorystore for Redis instances must set authEnabled true: without AUTH any workload in the authorized network can " +
      "read and overwrite the cache.",
    validateResource: validateTypeToken<gcp.redis.InstanceArgs>("gcp:redis/instance:Instance", (redis, _args, report) => {
      if (redis.authEnabled !== true) report("authEnabled is not true.");
    }),
  },
  { vendor: "gcp", services: ["redis"], topics: ["access"], frameworks: [], severity: "high" },
);
