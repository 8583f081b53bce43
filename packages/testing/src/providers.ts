// Providers as the engine sees them: the explicit ones the program registers, and the default
// provider the engine creates for a package on first use (`pulumi:providers:aws::default_7_48_0`,
// configured from the stack's `aws:*` config). Their configuration gives resources and invokes
// their region and project.
import * as pulumi from "@pulumi/pulumi";
import { MOCK_ACCOUNT_ID, MOCK_AWS_REGION, MOCK_GCP_PROJECT, MOCK_GCP_REGION, uuidOf } from "./ids";
import type { OutputContext } from "./outputs";
import type { RecordedResource } from "./types";
import { decode, isObject, secretWire } from "./wire";

export const PROVIDER_PREFIX = "pulumi:providers:";

interface ProviderOptions {
  config: Record<string, string>;
  secretKeys: readonly string[];
  preview: boolean;
}

/** Records a default provider: the monitor stores it like any registration. */
type Register = (record: RecordedResource, wire: Record<string, unknown>) => void;

export class Providers {
  /** Plain inputs of each provider, by reference `<urn>::<id>`. */
  private readonly inputs = new Map<string, Record<string, unknown>>();
  /** Default provider references, by `<package>@<version>`. */
  private readonly defaults = new Map<string, string>();

  constructor(
    private readonly opts: ProviderOptions,
    private readonly urnOf: (type: string, name: string) => string,
    private readonly register: Register,
  ) {}

  /** The reference the SDK sends for a provider: `<urn>::<id>`, the id unknown during a preview. */
  static ref(urn: string, id: string): string {
    return `${urn}::${id || pulumi.runtime.unknownValue}`;
  }

  /** Remembers a provider's configuration. */
  remember(ref: string, inputs: Record<string, unknown>): void {
    this.inputs.set(ref, inputs);
  }

  /** The engine's default provider for a package (registered on first use); its reference. */
  defaultFor(pkg: string, version: string): string {
    const key = `${pkg}@${version}`;
    const known = this.defaults.get(key);
    if (known) return known;
    const type = `${PROVIDER_PREFIX}${pkg}`;
    const name = version ? `default_${version.replace(/[.\-+]/g, "_")}` : "default";
    const urn = this.urnOf(type, name);
    const wire: Record<string, unknown> = {};
    const prefix = `${pkg}:`;
    for (const [k, v] of Object.entries(this.opts.config)) {
      if (!k.startsWith(prefix)) continue;
      const value = parseConfigValue(v);
      wire[k.slice(prefix.length)] = this.opts.secretKeys.includes(k) ? secretWire(value) : value;
    }
    if (version) wire["version"] = version;
    const decoded = decode(wire);
    const id = this.opts.preview ? "" : uuidOf(urn);
    const record: RecordedResource = {
      type,
      name,
      urn,
      dependencies: [],
      propertyDependencies: {},
      inputs: decoded.value,
      secretPaths: decoded.secretPaths,
      protect: false,
      retainOnDelete: false,
      custom: true,
      remote: false,
      ...(id ? { id } : {}),
      outputs: decoded.value,
    };
    this.register(record, wire);
    const ref = Providers.ref(urn, id);
    this.inputs.set(ref, decoded.value);
    this.defaults.set(key, ref);
    return ref;
  }

  /**
   * What canned outputs need to know about a resource: its region and project come from its own
   * inputs, else the first of its providers that sets them, else the stack config, else the mock's.
   */
  context(type: string, name: string, inputs: Record<string, unknown>, providerRefs: readonly (string | undefined)[]): OutputContext {
    const pkg = type.startsWith(PROVIDER_PREFIX) ? type.slice(PROVIDER_PREFIX.length) : (type.split(":")[0] ?? "");
    const providers = providerRefs.map((r) => (r ? this.inputs.get(r) : undefined)).filter(isObject);
    const pick = (key: string, configKey: string, fallback: string): string => {
      const own = inputs[key];
      if (typeof own === "string" && own !== "") return own;
      for (const p of providers) {
        const v = p[key];
        if (typeof v === "string" && v !== "") return v;
      }
      return this.opts.config[configKey] ?? fallback;
    };
    return {
      type,
      name,
      inputs,
      region: pkg === "gcp" ? pick("region", "gcp:region", MOCK_GCP_REGION) : pick("region", "aws:region", MOCK_AWS_REGION),
      project: pick("project", "gcp:project", MOCK_GCP_PROJECT),
      account: MOCK_ACCOUNT_ID,
    };
  }

  /** The context of an invoke of package `pkg` through provider `ref` (else the package's default provider). */
  invokeContext(pkg: string, ref: string): OutputContext {
    const fallback = [...this.defaults.entries()].find(([k]) => k.startsWith(`${pkg}@`))?.[1];
    return this.context(`${pkg}:index:invoke`, "invoke", {}, [ref || fallback]);
  }
}

/** Config values are strings; objects and arrays were JSON-encoded, and providers get them decoded. */
function parseConfigValue(v: string): unknown {
  const t = v.trimStart();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }
  return v;
}
