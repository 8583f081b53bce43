// @swc/jest only strips types; `tsc -b` and tsconfig.tests.json do the type-checking once.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/packages", "<rootDir>/programs", "<rootDir>/tests"],
  testMatch: ["**/src/**/*.test.ts", "<rootDir>/tests/**/*.test.ts"],
  // Build output is each package's lib/ (src/lib/ holds sources and their tests).
  testPathIgnorePatterns: ["/node_modules/", "^<rootDir>/(packages|programs)/[^/]+/lib/", "/fixtures/"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2023", parser: { syntax: "typescript" } }, module: { type: "commonjs" } }] },
  moduleNameMapper: {
    "^@mlops/platform$": "<rootDir>/programs/platform/src/index.ts",
    "^@mlops/policy/rules$": "<rootDir>/packages/policy/src/index.ts",
    "^@mlops/([a-z-]+)$": "<rootDir>/packages/$1/src/index.ts",
  },
  // entry.ts (`export = main`, run by the plan CLI tests from lib/) and bin.ts are process entry points.
  collectCoverageFrom: ["packages/*/src/**/*.ts", "programs/*/src/**/*.ts", "!**/*.test.ts", "!**/bin.ts", "!**/entry.ts"],
  coverageReporters: ["text-summary", "json-summary"],
  coverageDirectory: "<rootDir>/.toolchain/coverage",
  coverageThreshold: { global: { lines: 85 } },
  testTimeout: 60000,
  // Jest's default is one worker per core minus one: a single worker on a 2-core machine. The
  // tests are CPU-bound mock-engine runs, so both cores halve the wall time (measured 145 s -> 85 s).
  maxWorkers: 2,
};
