import type { ResourceValidationPolicy } from "@pulumi/policy";
import { validatePodSpec } from "./pod-spec";
import { definePolicy } from "../../lib/registry";

const HOST_NAMESPACES = ["hostNetwork", "hostPID", "hostIPC"] as const;

/** No Pod shares the node's network, PID or IPC namespace. */
export const kubernetesPodNoHostNamespaces = definePolicy<ResourceValidationPolicy>(
  {
    name: "kubernetes-pod-no-host-namespaces",
    description:
      "Pod specs (of Pods and every workload kind) must not set hostNetwork, hostPID or hostIPC: sharing the node's " +
      "namespaces bypasses NetworkPolicies and exposes other Pods' processes.",
    validateResource: validatePodSpec((spec, report) => {
      const shared = HOST_NAMESPACES.filter((ns) => spec[ns] === true);
      if (shared.length > 0) report(`The Pod spec sets ${shared.join(", ")} to true.`);
    }),
  },
  { vendor: "kubernetes", services: ["pod", "core", "apps", "batch"], topics: ["compute", "network"], frameworks: ["cis", "iso27001", "pcidss"], severity: "high" },
);
