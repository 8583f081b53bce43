import * as aws from "@pulumi/aws";
import { plaintextSecretsPolicy, typeIs } from "../../lib/plaintext-secrets";

/**
 * No password, auth token or secret value on an AWS resource is a plain string in the program:
 * RDS `password` / `masterPassword`, ElastiCache `authToken`, Secrets Manager `secretString` /
 * `secretBinary`, SSM SecureString `value` (and their write-only `*Wo` forms).
 */
export const awsSecretsNoPlaintextInputs = plaintextSecretsPolicy(
  {
    name: "aws-secrets-no-plaintext-inputs",
    description:
      "Secret inputs of AWS resources (RDS password/masterPassword, ElastiCache authToken, Secrets Manager secretString, SSM " +
      "SecureString value) must come from a secret (config.requireSecret, pulumi.secret) or be generated " +
      "(random.RandomPassword, manageMasterUserPassword), never be a plaintext literal in the program.",
  },
  [
    { matches: (r) => r.isType(aws.rds.Instance), properties: ["password", "passwordWo"] },
    { matches: (r) => r.isType(aws.rds.Cluster), properties: ["masterPassword", "masterPasswordWo"] },
    { matches: (r) => r.isType(aws.elasticache.ReplicationGroup), properties: ["authToken", "authTokenWo"] },
    { matches: (r) => r.isType(aws.secretsmanager.SecretVersion), properties: ["secretString", "secretBinary", "secretStringWo"] },
    { matches: (r) => r.isType(aws.ssm.Parameter), properties: ["value", "valueWo"], when: typeIs("SecureString") },
  ],
);
