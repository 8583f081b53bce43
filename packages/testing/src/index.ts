/**
 * `@mlops/testing`: run a Pulumi program in-process under a recording mock engine (no CLI, no
 * cloud), and query what it registered.
 *
 * @packageDocumentation
 */
export { runWithMocks } from "./run";
export { loadMocksFile, parseMocks, mocksOptions, MocksFileError, type Mocks, type InvokeCase } from "./mocks-file";
export { mockSecret } from "./stack-references";
export { MissingMockError } from "./invokes";
export { loadStackConfig, SECRET_PLACEHOLDER, type StackConfig } from "./config";
export { byType, one, childrenOf } from "./query";
export { UNKNOWN } from "./types";
export type { RecordedResource, InvokeRecord, LogRecord, MockRunOptions, MockRunResult, OutputsMock, FunctionMock } from "./types";
export { MOCK_ACCOUNT_ID, MOCK_AWS_REGION, MOCK_GCP_PROJECT, MOCK_GCP_REGION } from "./ids";
export { renderPolicyDocument } from "./policy-document";
export { MODELLED_COMPONENTS, MODELLED_COMPONENT_SUMMARIES, UNMODELLABLE } from "./models";
export {
  validateKubernetesObject,
  kubernetesModelsSchemas,
  kubernetesApiOf,
  isKubernetesObjectType,
  type KubernetesSchemas,
  type KubernetesApi,
  type ObjectValidator,
  type SchemaError,
} from "./k8s-schema";
export { sdkVersionCheck, supportedRange, versionMismatch, type VersionReader } from "./sdk-internals";
export { PendingWorkError } from "./pending";
