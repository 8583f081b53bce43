// Pulumi's Node.js runtime calls an exported function and uses its result as the stack outputs.
import { main } from "./main";

export = main;
