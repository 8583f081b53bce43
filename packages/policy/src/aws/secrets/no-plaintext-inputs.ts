import { plaintextSecretsPolicy, typeIs } from "../../lib/plaintext-secrets";
import { definePolicy } from "../../lib/registry";

/**
 * No password, auth token or secret value on an AWS resource is a plain string in the program:
 * RDS `password` / `masterPassword`, ElastiCache `authToken`, Secrets Manager `secretString` /
 * `secretBinary`, SSM SecureString `value` (and their write-only `*Wo` forms).
 */
export const awsSecretsNoPlaintextInputs = definePolicy(
  plaintextSecretsPolicy(
    {
      name: "aws-secrets-no-plaintext-inputs",
      description:
        "Secret inputs of AWS resources (RDS password/masterPassword, ElastiCache authToken, Secrets Manager secretString, SSM " +
        "SecureString value) must come from a secret (config.requireSecret, pulumi.secret) or be generated " +
        "(random.RandomPassword, manageMasterUserPassword), never be a plaintext literal in the program.",
    },
    [
      { matches: (r) => r.type === "aws:rds/instance:Instance", properties: ["password", "passwordWo"] },
      { matches: (r) => r.type === "aws:rds/cluster:Cluster", properties: ["masterPassword", "masterPasswordWo"] },
      { matches: (r) => r.type === "aws:elasticache/replicationGroup:ReplicationGroup", properties: ["authToken", "authTokenWo"] },
      { matches: (r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion", properties: ["secretString", "secretBinary", "secretStringWo"] },
      { matches: (r) => r.type === "aws:ssm/parameter:Parameter", properties: ["value", "valueWo"], when: typeIs("SecureString") },
    ],
  ),
  { vendor: "aws", services: ["secrets", "rds", "elasticache", "secretsmanager", "ssm"], topics: ["secrets"], frameworks: [], severity: "high" },
);
