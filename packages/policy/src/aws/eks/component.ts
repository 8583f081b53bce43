import type { ReportViolation, ResourceValidation } from "@pulumi/policy";
import { isRecord } from "../../lib/values";
import { EKS_COMPONENT_TYPE } from "./endpoint-private";

/**
 * A validation of the `eks:index:Cluster` component's inputs. A component registered without
 * inputs (the engine's view of a remote component's own registration) cannot be judged and is
 * not applicable; the resources it creates are checked on their own.
 */
export function validateEksComponent(check: (props: Record<string, unknown>, report: ReportViolation) => void): ResourceValidation {
  return (args, report) => {
    if (args.type !== EKS_COMPONENT_TYPE) args.notApplicable(`Policy only applies to ${EKS_COMPONENT_TYPE}`);
    if (Object.keys(args.props).length === 0) args.notApplicable("the component's inputs are not visible");
    check(args.props, report);
  };
}

/** The options of the component's default node group, and the input path they come from (for messages). */
export interface DefaultNodeGroupOptions {
  options: Record<string, unknown>;
  /** `""` for the cluster's own singular options, `"nodeGroupOptions."` otherwise. */
  prefix: string;
}

/**
 * The options the `eks:index:Cluster` component (v4) builds its default node group from, or
 * `undefined` when it builds none (`skipDefaultNodeGroup`, `fargate` or `autoMode.enabled`).
 * `nodeGroupOptions` replaces the cluster's singular node options (`nodeAssociatePublicIpAddress`,
 * `nodeRootVolumeEncrypted`, ...) entirely; the two cannot be mixed.
 */
export function defaultNodeGroupOptions(props: Record<string, unknown>): DefaultNodeGroupOptions | undefined {
  const autoMode = props["autoMode"];
  if (props["skipDefaultNodeGroup"] || props["fargate"] || (isRecord(autoMode) && autoMode["enabled"])) return undefined;
  const nodeGroupOptions = props["nodeGroupOptions"];
  return isRecord(nodeGroupOptions) ? { options: nodeGroupOptions, prefix: "nodeGroupOptions." } : { options: props, prefix: "" };
}
