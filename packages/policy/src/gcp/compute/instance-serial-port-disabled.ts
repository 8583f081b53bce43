import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { INSTANCE_TYPES, isTrueMetadata, type InstanceLike } from "./instances";

/** The metadata key that opens the interactive serial console. */
export const SERIAL_PORT_KEY = "serial-port-enable";

const MESSAGE = `metadata "${SERIAL_PORT_KEY}" is true: the interactive serial console accepts connections from any IP address. Remove the key or set it to "false".`;

/** No VM, template or project turns on the interactive serial console. */
export const gcpComputeInstanceSerialPortDisabled = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-compute-instance-serial-port-disabled",
    description:
      'Compute instances, instance templates and project metadata (ProjectMetadata, ProjectMetadataItem) must not set ' +
      '"serial-port-enable" to true: the interactive serial console is reachable from any IP address and bypasses the ' +
      "VPC firewall.",
    validateResource: [
      ...Object.values(INSTANCE_TYPES).map((token) =>
        validateTypeToken<InstanceLike>(token, (vm, _args, report) => {
          if (isTrueMetadata(vm.metadata?.[SERIAL_PORT_KEY])) report(MESSAGE);
        }),
      ),
      validateTypeToken<{ metadata?: Record<string, string> }>("gcp:compute/projectMetadata:ProjectMetadata", (project, _args, report) => {
        if (isTrueMetadata(project.metadata?.[SERIAL_PORT_KEY])) report(`Project ${MESSAGE}`);
      }),
      validateTypeToken<{ key?: string; value?: string }>("gcp:compute/projectMetadataItem:ProjectMetadataItem", (item, _args, report) => {
        if (item.key === SERIAL_PORT_KEY && isTrueMetadata(item.value)) report(`Project ${MESSAGE}`);
      }),
    ],
  },
  { vendor: "gcp", services: ["compute"], topics: ["network", "access"], frameworks: ["cis"], severity: "high" },
);
