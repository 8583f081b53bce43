// The SDK's own protobuf classes (from sdk-internals: the copy of @pulumi/pulumi the program uses),
// so the messages our mock monitor returns are exactly what the runtime expects.
import { ProtobufStruct, providerproto, resproto, type Struct } from "./sdk-internals";

export { resproto, providerproto, type Struct };

/** Builds a protobuf Struct from a wire object (no `undefined` anywhere). */
export function toStruct(value: Record<string, unknown>): Struct {
  return ProtobufStruct.fromJavaScript(value);
}

/** The plain JS of a Struct (absent: an empty object). */
export function fromStruct(s: Struct | undefined): Record<string, unknown> {
  return s ? (s.toJavaScript() as Record<string, unknown>) : {};
}

/** A gRPC-style error: the SDK surfaces `details` as the message of the error it throws. */
export interface RpcError extends Error {
  code: number;
  details: string;
}

const GRPC_UNKNOWN = 2;

/** Wraps an error for a monitor callback; keeps the original error reachable as `cause`. */
export function rpcError(err: unknown): RpcError {
  const message = err instanceof Error ? err.message : String(err);
  const e = new Error(message, { cause: err }) as RpcError;
  e.code = GRPC_UNKNOWN;
  e.details = message;
  return e;
}
