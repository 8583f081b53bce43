// `--mocks`: invoke results and stack-reference outputs the plan cannot know, through plan() in-process.
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PlanError, plan } from "@mlops/cli";

const programDir = path.join(__dirname, "fixtures", "stackref-program");
const mocksFile = path.join(programDir, "mocks.yaml");
const base = { stack: "dev", programDir, typecheck: false };

/** A fresh copy of the fixture program: each plan runs the program's module anew. */
function freshProgram(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackref-program-"));
  for (const f of ["Pulumi.yaml", "Pulumi.dev.yaml", "index.ts"]) fs.copyFileSync(path.join(programDir, f), path.join(dir, f));
  return dir;
}

function tempMocks(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mocks-")), "mocks.yaml");
  fs.writeFileSync(file, text);
  return file;
}

/** The fixture's mocks.yaml with `section` (a top-level key) left out. */
function mocksWithout(section: "invokes" | "stackReferences"): string {
  const text = fs.readFileSync(mocksFile, "utf8");
  const kept = text.split(/\n(?=\w)/).filter((block) => !block.startsWith(`${section}:`));
  return tempMocks(kept.join("\n"));
}

describe("plan --mocks", () => {
  it("feeds the file's invoke results and stack-reference outputs to the program; a secret output stays secret", async () => {
    const result = await plan({ ...base, mocksFile });
    const sg = result.resources.find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup");
    const server = result.resources.find((r) => r.type === "aws:ec2/instance:Instance");
    const record = result.resources.find((r) => r.type === "aws:route53/record:Record");
    expect(sg?.inputs["vpcId"]).toBe("vpc-0fixture00000001");
    expect(server?.inputs["subnetId"]).toBe("subnet-0fixture0000001");
    // The canned getAmi (the mock engine's value) answered the lookup the file leaves out.
    expect(server?.inputs["ami"]).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(record?.inputs["zoneId"]).toBe("Z0FIXTURE0000001");
    expect(result.outputs).toEqual({ databasePassword: "[secret]", zoneId: "Z0FIXTURE0000001" });
    expect(result.secretOutputs).toEqual(["databasePassword"]);
    const ref = result.resources.find((r) => r.type === "pulumi:pulumi:StackReference");
    expect(ref?.outputs).toMatchObject({ outputs: { dbPassword: "[secret]" }, secretOutputNames: ["dbPassword"] });
  });

  it("fails without a stack-reference mock, naming the reference and the --mocks entry that would supply it", async () => {
    const run = plan({ ...base, programDir: freshProgram(), mocksFile: mocksWithout("stackReferences") });
    await expect(run).rejects.toThrow(PlanError);
    await expect(run).rejects.toThrow("No mock for stack reference 'acme/network/prod'");
    await expect(run).rejects.toThrow('stackReferences:\n  "acme/network/prod":\n    <outputName>: <value>');
  });

  it("fails without an invoke mock, naming the invoke, its arguments and the --mocks entry with the SDK's result properties", async () => {
    const run = plan({ ...base, programDir: freshProgram(), mocksFile: mocksWithout("invokes") });
    await expect(run).rejects.toThrow(PlanError);
    await expect(run).rejects.toThrow(`No mock for invoke 'aws:route53/getZone:getZone', called with {"name":"example.org","privateZone":false}`);
    await expect(run).rejects.toThrow('invokes:\n  "aws:route53/getZone:getZone":\n    arn: <string>\n');
    await expect(run).rejects.toThrow("zoneId: <string>");
  });

  it("rejects a malformed mocks file as a PlanError naming the file and the key", async () => {
    const file = tempMocks('invokes:\n  "aws:route53/getZone:getZone": Z0FIXTURE\n');
    const run = plan({ ...base, mocksFile: file });
    await expect(run).rejects.toThrow(PlanError);
    await expect(run).rejects.toThrow(`${file}: invalid mocks file:\n  invokes."aws:route53/getZone:getZone": "Z0FIXTURE": expected a mapping`);
  });

  it("takes --mocks on the command line (a real process; needs the build): values used, secrets masked in the JSON", () => {
    const bin = path.resolve(__dirname, "..", "packages", "cli", "lib", "bin.js");
    const r = spawnSync(process.execPath, [bin, "plan", "dev", "--program", programDir, "--mocks", mocksFile, "--no-typecheck", "--json", "-"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const graph = JSON.parse(r.stdout) as { resources: { type: string; inputs: Record<string, unknown> }[] };
    expect(graph.resources.find((res) => res.type === "aws:ec2/securityGroup:SecurityGroup")?.inputs["vpcId"]).toBe("vpc-0fixture00000001");
    expect(r.stdout).not.toContain("fixture-db-password");
  });
});
