import { describe, expect, it } from "@jest/globals";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { argsMatch } from "./mocks-file";
import { MocksFileError, loadMocksFile, mockSecret, mocksOptions, one, parseMocks, runWithMocks } from "./index";

const base = { project: "proj", stack: "dev" };

/** The message of the error `fn` throws. */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(MocksFileError);
    return (err as Error).message;
  }
  throw new Error("expected an error");
}

describe("the --mocks file", () => {
  it("reads YAML and JSON into invoke cases and stack-reference outputs", () => {
    const yaml = parseMocks(
      [
        "invokes:",
        '  "aws:ec2/getAmi:getAmi": { id: ami-0123, architecture: x86_64 }',
        '  "aws:ec2/getVpc:getVpc":',
        "    - when: { default: true }",
        "      result: { id: vpc-1 }",
        "    - result: { id: vpc-2 }",
        "stackReferences:",
        "  acme/network/prod: { vpcId: vpc-123, dbPassword: { fn::secret: hunter2 } }",
      ].join("\n"),
      "m.yaml",
    );
    expect(yaml.invokes).toEqual({
      "aws:ec2/getAmi:getAmi": [{ result: { id: "ami-0123", architecture: "x86_64" } }],
      "aws:ec2/getVpc:getVpc": [{ when: { default: true }, result: { id: "vpc-1" } }, { result: { id: "vpc-2" } }],
    });
    expect(yaml.stackReferences).toEqual({ "acme/network/prod": { vpcId: "vpc-123", dbPassword: { "fn::secret": "hunter2" } } });
    const json = parseMocks(JSON.stringify({ stackReferences: { "acme/network/prod": { vpcId: "vpc-123", dbPassword: mockSecret("hunter2") } } }), "m.json");
    expect(json.stackReferences).toEqual(yaml.stackReferences);
    expect(parseMocks("# nothing yet\n", "m.yaml")).toEqual({ invokes: {}, stackReferences: {} });
    expect(parseMocks("invokes:\nstackReferences:\n", "m.yaml")).toEqual({ invokes: {}, stackReferences: {} });
  });

  it("matches `when` as a subset of the arguments: objects by key, lists and scalars exactly", () => {
    expect(argsMatch({ filters: [{ name: "vpc-id", values: ["vpc-1"] }] }, { filters: [{ name: "vpc-id", values: ["vpc-1"] }], tags: {} })).toBe(true);
    expect(argsMatch({ filters: [{ name: "vpc-id" }] }, { filters: [{ name: "vpc-id", values: ["vpc-1"] }, { name: "x", values: [] }] })).toBe(false);
    expect(argsMatch({ default: true }, { default: false })).toBe(false);
    expect(argsMatch({ default: true }, {})).toBe(false);
    expect(argsMatch({}, { anything: 1 })).toBe(true);
  });

  it("rejects a malformed file naming the file, each key path, the value and what is allowed", () => {
    const message = errorOf(() =>
      parseMocks(
        [
          "invoke: {}",
          "invokes:",
          '  "aws:ec2/getAmi:getAmi": ami-0123',
          '  "getVpc": { id: vpc-1 }',
          '  "aws:ec2/getSubnet:getSubnet":',
          "    - result: { id: subnet-1 }",
          "    - when: { id: subnet-2 }",
          "      result: { id: subnet-2 }",
          '  "aws:ec2/getSubnets:getSubnets":',
          "    - result: { ids: [] }",
          "      reslt: {}",
          "stackReferences:",
          "  acme/network/prod: { dbPassword: { fn::secret: x, extra: 1 } }",
          "  acme/other/prod: vpc-1",
        ].join("\n"),
        "mocks.yaml",
      ),
    );
    expect(message).toContain("mocks.yaml: invalid mocks file:");
    expect(message).toContain("  invoke: unknown key; allowed: invokes, stackReferences");
    expect(message).toContain("  invokes.getVpc: expected a function token such as aws:ec2/getVpc:getVpc");
    expect(message).toContain('  invokes."aws:ec2/getAmi:getAmi": "ami-0123": expected a mapping (the function\'s result, e.g. { id: vpc-1 })');
    expect(message).toContain('  invokes."aws:ec2/getSubnets:getSubnets"[0].reslt: unknown key; allowed: when, result');
    expect(message).toContain('  invokes."aws:ec2/getSubnet:getSubnet"[1]: is never used: case 0 has no `when` and answers every call; put it last');
    expect(message).toContain('  stackReferences."acme/network/prod".dbPassword: a secret is { fn::secret: <value> } alone; other keys: extra');
    expect(message).toContain('  stackReferences."acme/other/prod": "vpc-1": expected a mapping (output name to value)');
    expect(errorOf(() => parseMocks("- invokes\n", "mocks.yaml"))).toContain("(top level): expected a mapping with invokes and/or stackReferences");
  });

  it("rejects a file that is not YAML, or cannot be read, naming it", () => {
    expect(errorOf(() => loadMocksFile(writeMocks("invokes: {\n")))).toMatch(/mocks\.yaml: not valid YAML or JSON: .*line 2/s);
    expect(errorOf(() => loadMocksFile("/nonexistent/mocks.yaml"))).toBe("--mocks /nonexistent/mocks.yaml: cannot read it: ENOENT");
  });
});

describe("stack references", () => {
  const program = () => {
    const network = new pulumi.StackReference("acme/network/prod");
    return { vpcId: network.getOutput("vpcId"), subnets: network.requireOutput("privateSubnetIds"), password: network.getOutput("dbPassword") };
  };
  const mocks = mocksOptions(parseMocks("stackReferences:\n  acme/network/prod: { vpcId: vpc-123, privateSubnetIds: [subnet-1, subnet-2], dbPassword: { fn::secret: hunter2 } }\n", "m.yaml"));

  it("answers from the mocked outputs, secret ones staying secret, known in a preview too", async () => {
    for (const preview of [false, true]) {
      const run = await runWithMocks(program, { ...base, ...mocks, preview });
      expect(run.stackOutputs).toEqual({ vpcId: "vpc-123", subnets: ["subnet-1", "subnet-2"], password: "hunter2" });
      expect(run.secretOutputs).toEqual(["password"]);
      const ref = one(run.resources, "pulumi:pulumi:StackReference", "acme/network/prod");
      expect(ref).toMatchObject({ id: "acme/network/prod", custom: true });
      // The recorded graph never holds the other stack's secret in clear.
      expect(ref.outputs).toEqual({ name: "acme/network/prod", outputs: { vpcId: "vpc-123", privateSubnetIds: ["subnet-1", "subnet-2"], dbPassword: "[secret]" }, secretOutputNames: ["dbPassword"] });
    }
  });

  it("fails a run whose stack reference has no mock, naming it and showing the --mocks entry", async () => {
    const run = runWithMocks(() => {
      // Even when the program does not wait for it: an empty answer must not pass.
      new pulumi.StackReference("network", { name: "acme/network/staging" });
    }, { ...base, ...mocks });
    await expect(run).rejects.toThrow("No mock for stack reference 'acme/network/staging' (resource 'network')");
    await expect(run).rejects.toThrow('stackReferences:\n  "acme/network/staging":\n    <outputName>: <value>\n');
    await expect(run).rejects.toThrow('runWithMocks(program, { stackReferences: { "acme/network/staging"');
  });

  it("passes secret invoke results from the file to the program as secrets", async () => {
    const opts = mocksOptions(parseMocks('invokes:\n  "aws:secretsmanager/getSecretVersion:getSecretVersion": { secretString: { fn::secret: s3cr3t }, arn: arn-1 }\n', "m.yaml"));
    const run = await runWithMocks(() => {
      const v = aws.secretsmanager.getSecretVersionOutput({ secretId: "db" });
      return { value: v.secretString, arn: v.arn };
    }, { ...base, ...opts });
    expect(run.stackOutputs).toEqual({ value: "s3cr3t", arn: "arn-1" });
    expect(run.secretOutputs).toContain("value");
  });
});

function writeMocks(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mocks-"));
  const file = path.join(dir, "mocks.yaml");
  fs.writeFileSync(file, text);
  return file;
}
