import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";

/** Memorystore Redis encrypts client traffic with TLS. */
export const gcpRedisTransitEncryption = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-redis-transit-encryption",
    description:
      "Memorystore for Redis instances must set transitEncryptionMode \"SERVER_AUTHENTICATION\" (TLS): otherwise the AUTH " +
      "string and cached data cross the VPC in clear.",
    validateResource: validateTypeToken<gcp.redis.InstanceArgs>("gcp:redis/instance:Instance", (redis, _args, report) => {
      if (redis.transitEncryptionMode !== "SERVER_AUTHENTICATION") report(`transitEncryptionMode is ${redis.transitEncryptionMode ?? "unset (DISABLED)"}.`);
    }),
  },
  { vendor: "gcp", services: ["redis"], topics: ["encryption", "network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
