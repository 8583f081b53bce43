// Stack references (`new pulumi.StackReference("acme/network/prod")`): the other stack's outputs
// are not something the mock engine can know, so they come from the caller (`--mocks`,
// `stackReferences`) and a reference without them fails the run. A secret output is given as
// `{ "fn::secret": value }` (Pulumi YAML's spelling) and reaches the program as a secret.
import { MissingMockError } from "./invokes";
import { encode, isObject, secretWire, type Wire } from "./wire";

export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";
/** The key of the marker that makes a mocked value secret: `{ "fn::secret": value }`. */
export const SECRET_KEY = "fn::secret";

/** A mocked value that reaches the program as a secret (a stack output, part of an invoke result). */
export function mockSecret<T>(value: T): { [SECRET_KEY]: T } {
  return { [SECRET_KEY]: value };
}

export function isSecretMarker(v: unknown): v is { [SECRET_KEY]: unknown } {
  return isObject(v) && SECRET_KEY in v && Object.keys(v).length === 1;
}

/** A mocked value on the wire: secret markers become secret envelopes, the rest as {@link encode} does. */
export function mockToWire(v: unknown): Wire {
  if (isSecretMarker(v)) return secretWire(mockToWire(v[SECRET_KEY]));
  if (Array.isArray(v)) return v.map(mockToWire);
  if (isObject(v)) {
    const out: Record<string, Wire> = {};
    for (const k of Object.keys(v)) if (v[k] !== undefined) out[k] = mockToWire(v[k]);
    return out;
  }
  return encode(v);
}

function containsMarker(v: unknown): boolean {
  if (isSecretMarker(v)) return true;
  if (Array.isArray(v)) return v.some(containsMarker);
  return isObject(v) && Object.values(v).some(containsMarker);
}

/**
 * What the engine's stack-reference read returns, as Pulumi's builtin provider does: `name`,
 * `outputs` (secret ones as secrets) and `secretOutputNames`. `recorded`: the outputs for the
 * recorded graph, secret ones not in clear.
 */
export function stackReferenceState(name: string, outputs: Record<string, unknown>): { state: Record<string, Wire>; recorded: Record<string, unknown> } {
  const secretOutputNames = Object.keys(outputs).filter((k) => containsMarker(outputs[k]));
  const shown = Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, secretOutputNames.includes(k) ? "[secret]" : v]));
  return {
    state: { name, outputs: mockToWire(outputs) as Record<string, Wire>, secretOutputNames },
    recorded: { name, outputs: shown, secretOutputNames },
  };
}

/** The error for a stack reference with no mocked outputs: names it and shows the `--mocks` entry. */
export function missingStackReferenceError(stackName: string, resourceName: string): MissingMockError {
  const named = resourceName === stackName ? "" : ` (resource '${resourceName}')`;
  return new MissingMockError(
    `No mock for stack reference '${stackName}'${named}: the mock engine does not know another stack's outputs ` +
      `and will not answer with empty ones. Supply the outputs the program reads in a --mocks file (YAML or JSON):\n\n` +
      `stackReferences:\n  "${stackName}":\n    <outputName>: <value>\n    <secretOutputName>: { ${SECRET_KEY}: <value> }\n\n` +
      `In a test: runWithMocks(program, { stackReferences: { "${stackName}": { ... } } }).`,
  );
}
