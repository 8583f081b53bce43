import { describe, expect, it } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { byType, childrenOf, one, runWithMocks } from "./index";

const base = { project: "proj", stack: "dev" };
const STACK_URN = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";

class Outer extends pulumi.ComponentResource {
  readonly inner: Inner;
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("mlops:test:Outer", name, {}, opts);
    this.inner = new Inner(`${name}-inner`, { parent: this });
    this.registerOutputs({ bucket: this.inner.bucket.bucket });
  }
}

class Inner extends pulumi.ComponentResource {
  readonly bucket: aws.s3.Bucket;
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("mlops:test:Inner", name, {}, opts);
    this.bucket = new aws.s3.Bucket(`${name}-bucket`, {}, { parent: this });
    this.registerOutputs({});
  }
}

describe("runWithMocks: the resource graph", () => {
  it("puts the root stack first and parents top-level resources to it", async () => {
    const run = await runWithMocks(() => new Outer("a"), base);
    expect(run.resources[0]).toMatchObject({ type: "pulumi:pulumi:Stack", name: "proj-dev", urn: STACK_URN, custom: false });
    expect(run.resources[0]?.parent).toBeUndefined();
    expect(one(run.resources, "mlops:test:Outer").parent).toBe(STACK_URN);
  });

  it("builds URNs with the full parent type chain, as the engine does", async () => {
    const run = await runWithMocks(() => new Outer("a"), base);
    const outer = one(run.resources, "mlops:test:Outer");
    const inner = one(run.resources, "mlops:test:Inner");
    const bucket = one(run.resources, "aws:s3/bucket:Bucket");
    expect(outer.urn).toBe("urn:pulumi:dev::proj::mlops:test:Outer::a");
    expect(inner.urn).toBe("urn:pulumi:dev::proj::mlops:test:Outer$mlops:test:Inner::a-inner");
    expect(bucket.urn).toBe("urn:pulumi:dev::proj::mlops:test:Outer$mlops:test:Inner$aws:s3/bucket:Bucket::a-inner-bucket");
    expect(bucket.parent).toBe(inner.urn);
    expect(childrenOf(run.resources, outer.urn)).toEqual([inner]);
  });

  it("hands the program the chained URNs too", async () => {
    const run = await runWithMocks(() => ({ urn: new Outer("a").inner.bucket.urn }), base);
    expect(run.stackOutputs["urn"]).toBe(one(run.resources, "aws:s3/bucket:Bucket").urn);
  });

  it("records dependencies from dependsOn and from the resources inputs came from", async () => {
    const run = await runWithMocks(() => {
      const bucket = new aws.s3.Bucket("data", {});
      const key = new aws.kms.Key("key", {});
      new aws.s3.BucketPublicAccessBlock("data-pab", { bucket: bucket.id, blockPublicAcls: true }, { dependsOn: [key] });
    }, base);
    const pab = one(run.resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
    expect(pab.dependencies.sort()).toEqual([one(run.resources, "aws:s3/bucket:Bucket").urn, one(run.resources, "aws:kms/key:Key").urn].sort());
    expect(pab.inputs["bucket"]).toBe(one(run.resources, "aws:s3/bucket:Bucket").id);
    expect(pab.propertyDependencies).toEqual({ bucket: [one(run.resources, "aws:s3/bucket:Bucket").urn] });
  });

  it("records secret input paths, with the values unwrapped", async () => {
    const run = await runWithMocks(() => {
      new aws.lambda.Function("fn", {
        role: "arn:aws:iam::123456789012:role/fn",
        environment: { variables: { TOKEN: pulumi.secret("t0ken"), PLAIN: "p" } },
        tags: pulumi.secret({ owner: "ml" }),
      });
      new aws.rds.Instance("db", { instanceClass: "db.t4g.micro", password: pulumi.secret("hunter2"), engine: "postgres" });
    }, base);
    const fn = one(run.resources, "aws:lambda/function:Function");
    expect(fn.secretPaths.sort()).toEqual(["environment.variables.TOKEN", "tags"]);
    expect(fn.inputs["environment"]).toEqual({ variables: { TOKEN: "t0ken", PLAIN: "p" } });
    const db = one(run.resources, "aws:rds/instance:Instance");
    expect(db.secretPaths).toEqual(["password"]);
    expect(db.inputs["password"]).toBe("hunter2");
  });

  it("records protect and retainOnDelete", async () => {
    const run = await runWithMocks(() => {
      new aws.s3.Bucket("kept", {}, { protect: true, retainOnDelete: true });
      new aws.s3.Bucket("plain", {});
    }, base);
    expect(one(run.resources, "aws:s3/bucket:Bucket", "kept")).toMatchObject({ protect: true, retainOnDelete: true });
    expect(one(run.resources, "aws:s3/bucket:Bucket", "plain")).toMatchObject({ protect: false, retainOnDelete: false });
  });

  it("records explicit providers and the engine's default provider, once per package version", async () => {
    const run = await runWithMocks(() => {
      const west = new aws.Provider("west", { region: "us-west-2" });
      new aws.s3.Bucket("replica", {}, { provider: west });
      new aws.s3.Bucket("a", {});
      new aws.s3.Bucket("b", {});
    }, { ...base, config: { "aws:region": "eu-central-1" } });
    const west = one(run.resources, "pulumi:providers:aws", "west");
    expect(west).toMatchObject({ custom: true, parent: STACK_URN, inputs: { region: "us-west-2" } });
    const replica = one(run.resources, "aws:s3/bucket:Bucket", "replica");
    expect(replica.provider).toBe(`${west.urn}::${west.id}`);
    expect(replica.outputs["bucketRegionalDomainName"]).toContain(".s3.us-west-2.");

    const defaults = byType(run.resources, "pulumi:providers:aws").filter((p) => p.name.startsWith("default"));
    expect(defaults).toHaveLength(1);
    const dflt = one(defaults, "pulumi:providers:aws");
    expect(dflt.name).toMatch(/^default_7_\d+_\d+$/);
    expect(dflt.parent).toBeUndefined();
    expect(dflt.inputs).toMatchObject({ region: "eu-central-1", version: expect.stringMatching(/^7\./) });
    for (const name of ["a", "b"]) expect(one(run.resources, "aws:s3/bucket:Bucket", name).provider).toBe(`${dflt.urn}::${dflt.id}`);
    expect(run.resources.indexOf(dflt)).toBeLessThan(run.resources.indexOf(one(run.resources, "aws:s3/bucket:Bucket", "a")));
  });

  it("records resources registered inside an apply", async () => {
    const run = await runWithMocks(() => {
      const bucket = new aws.s3.Bucket("data", {});
      bucket.arn.apply((arn) => {
        new aws.s3.BucketPolicy("data-policy", { bucket: bucket.id, policy: JSON.stringify({ Statement: [{ Resource: arn }] }) });
        // Two levels down, still recorded.
        pulumi.output(arn).apply(() => new aws.sns.Topic("late", {}));
      });
    }, base);
    const policy = one(run.resources, "aws:s3/bucketPolicy:BucketPolicy");
    expect(JSON.parse(String(policy.inputs["policy"]))).toEqual({ Statement: [{ Resource: one(run.resources, "aws:s3/bucket:Bucket").outputs["arn"] }] });
    expect(byType(run.resources, "aws:sns/topic:Topic")).toHaveLength(1);
  });

  it("returns the program's result and stack outputs, naming the secret ones", async () => {
    const run = await runWithMocks(() => {
      const bucket = new aws.s3.Bucket("data", {});
      return { name: bucket.bucket, conn: pulumi.secret("postgres://u:p@h/db"), nested: { plain: 1, hidden: pulumi.secret("x") }, count: 3 };
    }, base);
    const bucket = one(run.resources, "aws:s3/bucket:Bucket");
    expect(run.stackOutputs).toEqual({ name: bucket.outputs["bucket"], conn: "postgres://u:p@h/db", nested: { plain: 1, hidden: "x" }, count: 3 });
    expect(run.secretOutputs.sort()).toEqual(["conn", "nested"]);
    expect(run.result.count).toBe(3);
    expect(one(run.resources, "pulumi:pulumi:Stack").outputs).toEqual(run.stackOutputs);
  });

  it("records a component's registered outputs as its outputs", async () => {
    const run = await runWithMocks(() => new Outer("a"), base);
    expect(one(run.resources, "mlops:test:Outer").outputs).toEqual({ bucket: one(run.resources, "aws:s3/bucket:Bucket").outputs["bucket"] });
  });

  it("passes config and secret config to the program", async () => {
    const run = await runWithMocks(
      () => {
        const cfg = new pulumi.Config("app");
        const password = cfg.requireSecret("dbPassword");
        new aws.rds.Instance("db", { instanceClass: cfg.require("size"), password, engine: "postgres" });
        return { settings: cfg.requireObject<{ replicas: number }>("settings") };
      },
      { ...base, config: { "app:size": "db.t4g.large", "app:dbPassword": "s3cret", "app:settings": '{"replicas":2}' }, secretKeys: ["app:dbPassword"] },
    );
    const db = one(run.resources, "aws:rds/instance:Instance");
    expect(db.inputs).toMatchObject({ instanceClass: "db.t4g.large", password: "s3cret" });
    expect(db.secretPaths).toEqual(["password"]);
    expect(run.stackOutputs).toEqual({ settings: { replicas: 2 } });
  });

  it("applies resource transforms, the stack's and a resource's own, as the engine would", async () => {
    const run = await runWithMocks(() => {
      pulumi.runtime.registerResourceTransform((args) =>
        args.type.startsWith("aws:s3/bucket:") ? { props: { ...args.props, tags: { ...(args.props["tags"] ?? {}), "managed-by": "pulumi" } }, opts: args.opts } : undefined,
      );
      new aws.s3.Bucket("tagged", { tags: { team: "ml" } });
      new aws.s3.Bucket("guarded", {}, { transforms: [(args) => ({ props: args.props, opts: { ...args.opts, protect: true } })] });
    }, base);
    expect(one(run.resources, "aws:s3/bucket:Bucket", "tagged").inputs["tags"]).toEqual({ team: "ml", "managed-by": "pulumi" });
    expect(one(run.resources, "aws:s3/bucket:Bucket", "guarded")).toMatchObject({ protect: true, inputs: { tags: { "managed-by": "pulumi" } } });
  });

  it("records reads of existing resources and answers lookups by URN", async () => {
    const run = await runWithMocks(() => {
      const existing = aws.s3.Bucket.get("legacy", "legacy-bucket");
      const made = new aws.s3.Bucket("made", {});
      // Rehydrating a resource by URN asks the engine for its state (pulumi:pulumi:getResource).
      const sameId = made.urn.apply((urn) => new aws.s3.Bucket("made-again", {}, { urn }).id).apply((id) => made.id.apply((madeId) => madeId === id));
      return { legacyArn: existing.arn, sameId };
    }, base);
    expect(one(run.resources, "aws:s3/bucket:Bucket", "legacy")).toMatchObject({ id: "legacy-bucket", custom: true, parent: STACK_URN });
    expect(run.stackOutputs["sameId"]).toBe(true);
    expect(run.stackOutputs["legacyArn"]).toBe("arn:aws:s3:::legacy-bucket");
    expect(byType(run.resources, "aws:s3/bucket:Bucket").map((r) => r.name)).toEqual(["legacy", "made"]);
  });

  it("answers stack references with the outputs the caller gives", async () => {
    const run = await runWithMocks(() => ({ vpcId: new pulumi.StackReference("acme/network/prod").getOutput("vpcId") }), {
      ...base,
      outputs: { "pulumi:pulumi:StackReference": ({ name }) => ({ outputs: { vpcId: `vpc-from-${name.split("/")[1] ?? ""}` } }) },
    });
    expect(run.stackOutputs).toEqual({ vpcId: "vpc-from-network" });
  });

  it("captures the program's log messages", async () => {
    const run = await runWithMocks(() => {
      pulumi.log.info("hello");
      pulumi.log.warn("careful");
    }, base);
    expect(run.logs).toEqual([
      { severity: "info", message: "hello" },
      { severity: "warning", message: "careful" },
    ]);
  });
});

describe("runWithMocks: several runs in one process", () => {
  it("gives each run its own graph, config and stack", async () => {
    const program = () => {
      const cfg = new pulumi.Config("app");
      const n = Number(cfg.get("buckets") ?? "0");
      for (let i = 0; i < n; i++) new aws.s3.Bucket(`b${i}`, {});
      return { marker: cfg.get("marker") ?? "none" };
    };
    const first = await runWithMocks(program, { project: "proj", stack: "dev", config: { "app:buckets": "2", "app:marker": "first" } });
    const second = await runWithMocks(program, { project: "proj", stack: "prod", config: { "app:buckets": "1" } });
    const third = await runWithMocks(program, { project: "proj", stack: "dev", config: { "app:buckets": "2", "app:marker": "first" } });
    expect(byType(first.resources, "aws:s3/bucket:Bucket")).toHaveLength(2);
    expect(byType(second.resources, "aws:s3/bucket:Bucket")).toHaveLength(1);
    expect(second.stackOutputs).toEqual({ marker: "none" });
    expect(second.resources.every((r) => r.urn.startsWith("urn:pulumi:prod::proj::"))).toBe(true);
    expect(third.resources.map((r) => r.urn)).toEqual(first.resources.map((r) => r.urn));
    expect(third.resources.map((r) => r.id)).toEqual(first.resources.map((r) => r.id));
  });
});

describe("runWithMocks: failures", () => {
  it("rejects with the program's own error", async () => {
    const boom = new Error("config key app:size is missing");
    await expect(
      runWithMocks(() => {
        throw boom;
      }, base),
    ).rejects.toBe(boom);
  });

  it("rejects with a component's ResourceError", async () => {
    class Strict extends pulumi.ComponentResource {
      constructor(name: string) {
        super("mlops:test:Strict", name, {}, {});
        throw new pulumi.ResourceError("Strict: retentionDays must be at least 1, got 0", this);
      }
    }
    const run = runWithMocks(() => new Strict("s"), base);
    await expect(run).rejects.toBeInstanceOf(pulumi.ResourceError);
    await expect(run).rejects.toThrow("Strict: retentionDays must be at least 1, got 0");
  });

  it("rejects with an error thrown inside an apply nobody awaits", async () => {
    await expect(
      runWithMocks(() => {
        const bucket = new aws.s3.Bucket("data", {});
        bucket.arn.apply(() => {
          throw new Error("bad arn");
        });
        return {};
      }, base),
    ).rejects.toThrow("bad arn");
  });

  it("rejects with an error thrown by an async program after it registered resources", async () => {
    await expect(
      runWithMocks(async () => {
        new aws.s3.Bucket("data", {});
        await new Promise((r) => setTimeout(r, 5));
        throw new Error("late failure");
      }, base),
    ).rejects.toThrow("late failure");
  });

  it("rejects a second resource with the same URN, as the engine does", async () => {
    await expect(
      runWithMocks(() => {
        new aws.s3.Bucket("data", {});
        new aws.s3.Bucket("data", {});
      }, base),
    ).rejects.toThrow("Duplicate resource URN 'urn:pulumi:dev::proj::aws:s3/bucket:Bucket::data'");
  });

  it("rejects when the program logged an error", async () => {
    await expect(runWithMocks(() => void pulumi.log.error("quota exceeded"), base)).rejects.toThrow("The program logged 1 error(s): quota exceeded");
  });

  it("runs cleanly again after a failed run", async () => {
    await expect(
      runWithMocks(() => {
        new aws.s3.Bucket("data", {});
        throw new Error("first run fails");
      }, base),
    ).rejects.toThrow("first run fails");
    const run = await runWithMocks(() => void new aws.s3.Bucket("data", {}), base);
    expect(byType(run.resources, "aws:s3/bucket:Bucket")).toHaveLength(1);
  });
});

describe("aliases", () => {
  it("records alias specs and the aliases a child inherits from its parent", async () => {
    const run = await runWithMocks(
      () => {
        const outer = new pulumi.ComponentResource("test:index:Outer", "outer", {}, { aliases: [{ type: "test:index:OldOuter" }] });
        new pulumi.ComponentResource("test:index:Inner", "inner", {}, { parent: outer, aliases: [{ parent: pulumi.rootStackResource }] });
      },
      { project: "p", stack: "s" },
    );
    const outer = run.resources.find((r) => r.name === "outer");
    const inner = run.resources.find((r) => r.name === "inner");
    expect(outer?.aliases).toEqual(["urn:pulumi:s::p::test:index:OldOuter::outer"]);
    expect(inner?.aliases?.sort()).toEqual(["urn:pulumi:s::p::test:index:Inner::inner", "urn:pulumi:s::p::test:index:OldOuter$test:index:Inner::inner"].sort());
  });
});
