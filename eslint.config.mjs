import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/lib/**", "**/node_modules/**", ".toolchain/**", "**/*.js", "**/*.cjs", "tests/fixtures/**/node_modules/**"] },
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
);
