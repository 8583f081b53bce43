/**
 * The CrossGuard entry point (`main` of this package): `pulumi preview --policy-pack packages/policy`.
 * The only file that calls `new PolicyPack(...)`, which starts the analyzer's gRPC server;
 * tools import `@mlops/policy/rules` instead.
 */
import { PolicyPack } from "@pulumi/policy";
import { packEnforcementLevel, parseConfigEnv } from "./enforcement";
import { useStackConfigValues } from "./lib/secrets";
import { PACK_DESCRIPTION, PACK_NAME } from "./meta";
import { policies } from "./policies";

// The engine passes the stack's config (secrets decrypted) and name to the pack's process.
const config = parseConfigEnv(process.env["PULUMI_CONFIG"]);
useStackConfigValues(Object.values(config));

new PolicyPack(PACK_NAME, {
  description: PACK_DESCRIPTION,
  enforcementLevel: packEnforcementLevel(config, process.env["PULUMI_STACK"] ?? process.env["PULUMI_NODEJS_STACK"]),
  policies,
});
