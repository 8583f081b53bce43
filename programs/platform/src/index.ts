export { main } from "./main";
export { readStackConfig, type StackSecrets } from "./config";
export { wireStack } from "./stack";
