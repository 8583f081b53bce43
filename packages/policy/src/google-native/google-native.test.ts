// The suite of every google-native policy: each service folder's spec file (one describe block per policy).
import { runSpecs } from "../testing";

runSpecs(__dirname);
