import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["packages/*/lib/**", "programs/*/lib/**", "**/node_modules/**", ".toolchain/**", "**/*.js", "**/*.cjs", "tests/fixtures/**/node_modules/**", "tests/fixtures/corpus/**"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    // The plain-Node scripts (toolchain bootstrap, benchmark).
    files: ["scripts/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    languageOptions: { parserOptions: { ecmaVersion: 2023, sourceType: "module" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // The offline plan's SDK internals live in one module per SDK, with a version check: no other
    // file of the engine, the analyzer or the CLI names a deep @pulumi/pulumi or @pulumi/policy path
    // (import, import type, require, require.resolve, import()).
    files: ["packages/testing/src/**/*.ts", "packages/policy/src/analyzer/**/*.ts", "packages/cli/src/**/*.ts"],
    ignores: ["packages/testing/src/sdk-internals.ts", "packages/policy/src/analyzer/policy-internals.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Literal[value=/^@pulumi\\/(pulumi|policy)\\/./]",
          message: "Deep @pulumi/pulumi and @pulumi/policy paths belong in packages/testing/src/sdk-internals.ts or packages/policy/src/analyzer/policy-internals.ts (one module per SDK, with a version check).",
        },
      ],
    },
  },
);
