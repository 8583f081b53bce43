/** The pack's name, as `pulumi preview --policy-pack` reports it. */
export const PACK_NAME = "mlops-platform";

/** The pack's version: this package's version (CrossGuard reads it from package.json too). */
export const PACK_VERSION: string = (require("../package.json") as { version: string }).version;

/** What the pack is for, shown by the Pulumi CLI. */
export const PACK_DESCRIPTION =
  "Encryption and network rules for the mlops platform on AWS, GCP and Kubernetes: customer KMS keys with rotation, " +
  "no public data stores or endpoints, no world-open ingress except 80/443 on load balancers, VPC flow logs, " +
  "default-deny namespaces, no privileged pods, no plaintext secrets.";
