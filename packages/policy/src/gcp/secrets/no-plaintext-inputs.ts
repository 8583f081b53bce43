import { plaintextSecretsPolicy } from "../../lib/plaintext-secrets";
import { definePolicy } from "../../lib/registry";

/**
 * No password or secret value on a GCP resource is a plain string in the program: Cloud SQL
 * user `password` and instance `rootPassword`, Secret Manager `secretData` (and `*Wo` forms).
 */
export const gcpSecretsNoPlaintextInputs = definePolicy(
  plaintextSecretsPolicy(
    {
      name: "gcp-secrets-no-plaintext-inputs",
      description:
        "Secret inputs of GCP resources (Cloud SQL user password and rootPassword, Secret Manager secretData) must come from " +
        "a secret (config.requireSecret, pulumi.secret) or be generated (random.RandomPassword), never be a plaintext literal.",
    },
    [
      { matches: (r) => r.type === "gcp:sql/user:User", properties: ["password", "passwordWo"] },
      { matches: (r) => r.type === "gcp:sql/databaseInstance:DatabaseInstance", properties: ["rootPassword", "rootPasswordWo"] },
      { matches: (r) => r.type === "gcp:secretmanager/secretVersion:SecretVersion", properties: ["secretData", "secretDataWo"] },
    ],
  ),
  { vendor: "gcp", services: ["secrets", "sql", "secretmanager"], topics: ["secrets"], frameworks: [], severity: "high" },
);
