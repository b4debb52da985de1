// One jest run covers the four kinds of test, each a jest project; TEST_TYPE narrows it to one
// (see package.json scripts).
//  - unit:                 src/**/*.test.ts, beside the file they test (pure code, no database)
//  - integration:modules:  src/modules/*/__tests__/*.spec.ts (the module on a real Postgres)
//  - integration:http:     integration-tests/http/*.spec.ts (a whole Medusa app on a real Postgres)
//  - browser:              integration-tests/browser/*.spec.ts (the demo store and its admin in headless Chromium)
// The integration projects share one global setup, which starts a throw-away Postgres once for the
// whole run (jest runs a global setup file once, however many projects name it); a unit-only run
// starts none. Unit tests get none of the integration setup either: it loads Medusa's ORM and test
// runner into every test file, which made the 111 unit files take 86 s instead of 19 s.
// Test files run in parallel workers (at least two, even on two cores: an HTTP test spends much of
// its time waiting for Postgres; three were slower: one full run each, 388 s and 704 CPU-s against
// 347 s and 601 CPU-s). Each HTTP spec file at the top of
// integration-tests/http boots its own Medusa app on its own database; an entry with folders runs
// their files on one app (integration-tests/helpers/shared-app.ts): with-alma.spec.ts those of
// with-alma/, sandbox-shop.spec.ts those of plans/, shoppers/ and test-harness/. The sequencer
// (test-support/test-sequencer.js) starts the longest files first, by jest's timings or, in a
// fresh clone, by test-support/test-durations.json.
const os = require("node:os")
const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const shared = {
  // jest's runtime, keeping each file's compiled script for the worker's next test files (see
  // there); INSTALMENTS_JEST_RUNTIME=jest runs jest's own, which compiles them for each file.
  runtime: process.env.INSTALMENTS_JEST_RUNTIME === "jest" ? undefined : "<rootDir>/test-support/script-cache-runtime.js",
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true }, target: "es2021", transform: { react: { runtime: "automatic" } } } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  // The storefront kit is ESM and names its imports "./client.js" (src/storefront): the file is client.ts.
  resolver: "<rootDir>/test-support/storefront-resolver.js",
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.pgdata", "<rootDir>/.demo"],
}

const integration = {
  ...shared,
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
  globalSetup: "<rootDir>/integration-tests/global-setup.mjs",
  globalTeardown: "<rootDir>/integration-tests/global-teardown.mjs",
}

const PROJECTS = {
  unit: { ...shared, testMatch: ["<rootDir>/src/**/*.test.[jt]s"] },
  "integration:modules": { ...integration, testMatch: ["<rootDir>/src/modules/*/__tests__/**/*.spec.[jt]s"] },
  // A folder under http/ is one app for several spec files, run by the entry of the same name (helpers/shared-app.ts).
  "integration:http": { ...integration, testMatch: ["<rootDir>/integration-tests/http/*.spec.[jt]s"] },
  browser: { ...integration, testMatch: ["<rootDir>/integration-tests/browser/**/*.spec.[jt]s"] },
}

const selected = process.env.TEST_TYPE ? [process.env.TEST_TYPE] : Object.keys(PROJECTS)
for (const name of selected) {
  if (!PROJECTS[name]) throw new Error(`TEST_TYPE=${name} is not a kind of test: use one of ${Object.keys(PROJECTS).join(", ")}`)
}

module.exports = {
  maxWorkers: Math.max(2, os.availableParallelism()),
  // A Medusa app leaves about 185 MB in its worker's heap after its file ends (--logHeapUsage with
  // --expose-gc, five HTTP specs in one worker: 339, 554, 740, 925, 1,103 MB). A worker past 1 GB
  // after a file is replaced by a fresh one, so that later apps do not collect garbage around the
  // earlier ones' leftovers.
  workerIdleMemoryLimit: "1GB",
  testSequencer: "<rootDir>/test-support/test-sequencer.js",
  projects: selected.map((name) => ({ displayName: name, rootDir: __dirname, ...PROJECTS[name] })),
}
