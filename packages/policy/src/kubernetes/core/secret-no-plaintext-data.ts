import { plaintextSecretsPolicy } from "../../lib/plaintext-secrets";
import { definePolicy } from "../../lib/registry";

/** Kubernetes Secret values are not plaintext literals in the program. */
export const kubernetesCoreSecretNoPlaintextData = definePolicy(
  plaintextSecretsPolicy(
    {
      name: "kubernetes-core-secret-no-plaintext-data",
      description:
        "Values in a Kubernetes Secret's data and stringData must come from a secret (config.requireSecret, pulumi.secret) or " +
        "be generated (random.RandomPassword): a literal in the program ends up in git and in every preview diff.",
    },
    [{ matches: (r) => r.type === "kubernetes:core/v1:Secret", maps: ["data", "stringData"] }],
  ),
  { vendor: "kubernetes", services: ["core"], topics: ["secrets"], frameworks: [], severity: "high" },
);
