export { main } from "./main";
export { readStackConfig } from "./config";
export { REGISTRY } from "./components";
export { LAYERS, type RegistryEntry, type StackContext } from "./registry";
export { wireStack, plannedSections } from "./stack";
