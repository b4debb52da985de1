#!/usr/bin/env node
// `npm run fake-alma`: a fake Alma on http://localhost:4010 (the same msw handlers the tests use,
// test-support/fake-alma), so the demo store runs the Alma provider offline. Its hosted payment
// page is at http://localhost:4010/pay/<payment id>: accept or refuse there.
//   ALMA_FAKE_PORT   port (default 4010)
//   ALMA_API_KEY     the key the fake accepts (default sk_test_demo_fake_alma, as medusa-config.ts)
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
// The fake is TypeScript shared with the tests: compile it on the fly, as bench:quote does.
require("@swc-node/register")
const { startFakeAlmaServer } = require("../test-support/fake-alma/server.ts")

const port = Number(process.env.ALMA_FAKE_PORT || 4010)
const apiKey = process.env.ALMA_API_KEY || "sk_test_demo_fake_alma"

const fake = await startFakeAlmaServer({ port, apiKey })
process.stdout.write(`[fake-alma] Alma's API on ${fake.apiRoot} (key ${apiKey.slice(0, 8)}…); hosted page ${fake.apiRoot}/pay/<payment id>\n`)
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => void fake.close().then(() => process.exit(0)))
}
