import type { StackConfig } from "@mlops/core";
import type { FoundationBuilder } from "./types";

/** The base layer for the stack's cloud, loaded lazily so a stack pulls in one cloud SDK only. */
export function foundationFor(config: StackConfig): FoundationBuilder {
  switch (config.cloud) {
    case "aws":
      return (require("./aws") as typeof import("./aws")).awsFoundation;
    case "gcp":
      return (require("./gcp") as typeof import("./gcp")).gcpFoundation;
    case "local":
      return (require("./kubernetes") as typeof import("./kubernetes")).kubernetesFoundation;
  }
}
