import type { ResourceValidationPolicy } from "@pulumi/policy";
import { containersOf, validatePodSpec } from "./pod-spec";
import { definePolicy } from "../../lib/registry";

/** No container explicitly allows privilege escalation. */
export const kubernetesPodNoPrivilegeEscalation = definePolicy<ResourceValidationPolicy>(
  {
    name: "kubernetes-pod-no-privilege-escalation",
    description:
      "Containers must not set securityContext.allowPrivilegeEscalation true: setuid binaries could then gain more " +
      "privileges than the container started with (the Pod Security restricted level requires false).",
    validateResource: validatePodSpec((spec, report) => {
      for (const { kind, container } of containersOf(spec)) {
        if (container.securityContext?.allowPrivilegeEscalation === true) {
          report(`The ${kind} "${container.name}" sets allowPrivilegeEscalation true.`);
        }
      }
    }),
  },
  { vendor: "kubernetes", services: ["pod", "core", "apps", "batch"], topics: ["compute"], frameworks: ["cis", "iso27001", "pcidss"], severity: "high" },
);
