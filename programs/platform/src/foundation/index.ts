import type { StackConfig } from "@mlops/core";
import type { FoundationBuilder } from "./types";

/** The base layer for the stack's cloud, loaded lazily so a stack pulls in one cloud SDK only. */
export function foundationFor(config: StackConfig): FoundationBuilder {
  switch (config.cloud) {
    case "aws":
    case "gcp":
      throw new Error(`the ${config.cloud} base layer is the Network component (registry entry "network")`);
    case "local":
      // The namespaces (and their policies) are the Tenancy component's, in the cluster layer.
      return () => ({ placement: {}, outputs: {} });
  }
}
