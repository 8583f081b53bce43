// The plan CLI as a user runs it: a real process, real exit codes, real output.
// Needs the build (`tsc -b` runs before jest in `npm test`).
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const bin = path.join(root, "packages", "cli", "lib", "bin.js");
const fixtures = path.join(__dirname, "fixtures");

function mlops(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("mlops plan", () => {
  it("plans the prod stack, says it is mocked, prints the tree and exits 0 with no mandatory violation", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
    const json = path.join(tmp, "plan.json");
    const r = mlops("plan", "prod", "--json", json);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('MOCKED PLAN of stack "prod"');
    expect(r.stdout).toMatch(/├─ mlops:database:Database {2}metadata {2}\[protected\]|mlops:database:Database {2}metadata/);
    expect(r.stdout).toMatch(/Policies: \d+ evaluated, 0 mandatory/);
    const graph = JSON.parse(fs.readFileSync(json, "utf8")) as { mocked: boolean; resources: { type: string; urn: string; parent?: string; inputs: object }[] };
    expect(graph.mocked).toBe(true);
    const rds = graph.resources.find((res) => res.type === "aws:rds/instance:Instance");
    expect(rds).toBeDefined();
    expect(rds?.urn).toContain("mlops:database:Database$aws:rds/instance:Instance");
    expect(rds?.parent).toContain("mlops:database:Database::metadata");
    expect(rds?.inputs).toMatchObject({ storageEncrypted: true, publiclyAccessible: false });
    for (const res of graph.resources) {
      expect(typeof res.type).toBe("string");
      expect(res.urn).toMatch(/^urn:pulumi:prod::mlops-platform::/);
      expect(res.inputs).toBeDefined();
    }
  });

  it("refuses an insecure program planned for prod, naming each violation and its rule", () => {
    const r = mlops("plan", "prod", "--program", path.join(fixtures, "insecure-program"), "--no-tree");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("Tier prod");
    for (const [rule, resource] of [
      ["aws-s3-", "raw-data"],
      ["aws-rds-", "reporting"],
      ["aws-ec2-", "ssh-v4"],
      ["aws-ec2-", "ssh-v6"],
      ["aws-elasticache-", "sessions"],
    ] as const) {
      expect(r.stdout).toMatch(new RegExp(`\\[mandatory\\] ${rule}[a-z0-9-]+: \\S+ ${resource}`));
    }
  });

  it("plans a team's own compliant program with its own config", () => {
    const r = mlops("plan", "staging", "--program", path.join(fixtures, "team-program"));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("aws:s3/bucket:Bucket  jobs");
  });

  it.each([
    ["wrong-type", 'mlops-platform:database.sizeGb: "twenty" is not allowed: expected number'],
    ["unknown-slot", 'mlops-platform:modules.dataPipeline: "rabbitmq" is not allowed; allowed: "kafka", "kinesis", "pulsar", "pubsub", "none"'],
    ["incompatible", 'mlops-platform:modules.dataPipeline: "kinesis" is not available on gcp; allowed on gcp: pubsub, kafka, pulsar, none'],
    ["negative-size", "mlops-platform:database.sizeGb: -5 is not allowed: must be >= 20"],
    ["missing-required", "mlops-platform:costCenter: is required (expected string)"],
  ])("stops on a bad stack file (%s) before any resource, naming the key", (stack, message) => {
    const r = mlops("plan", stack, "--program", path.join(fixtures, "bad-config"));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).not.toContain("MOCKED PLAN");
  });

  it("names the missing stack file", () => {
    const r = mlops("plan", "nope");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Pulumi.nope.yaml");
  });
});
