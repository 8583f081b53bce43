import type { ResourceValidationPolicy } from "@pulumi/policy";
import { containersOf, validatePodSpec } from "./pod-spec";
import { definePolicy } from "../../lib/registry";

/** No container runs privileged. */
export const kubernetesPodNoPrivilegedContainers = definePolicy<ResourceValidationPolicy>(
  {
    name: "kubernetes-pod-no-privileged-containers",
    description:
      "Containers (including init and ephemeral containers) in Pods, Deployments, StatefulSets, DaemonSets, Jobs and CronJobs " +
      "must not set securityContext.privileged true: a privileged container is root on the node.",
    validateResource: validatePodSpec((spec, report) => {
      for (const { kind, container } of containersOf(spec)) {
        if (container.securityContext?.privileged === true) report(`The ${kind} "${container.name}" is privileged.`);
      }
    }),
  },
  { vendor: "kubernetes", services: ["pod", "core", "apps", "batch"], topics: ["compute"], frameworks: ["cis", "iso27001", "pcidss"], severity: "critical" },
);
