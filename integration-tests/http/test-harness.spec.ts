/**
 * The test harness itself, on one app (helpers/shared-app.ts), each file of ./test-harness:
 *  - isolation-1-writes, isolation-2-reads: a file joining an app starts from the boot's database;
 *  - subscribers: a test ends once the subscribers it started are done (helpers/subscribers.ts);
 *  - zz-shutdown: an app that cannot shut down still ends (integration-tests/bounded-shutdown.js).
 * 240 s, as every HTTP spec: the app's boot alone took over 60 s in a loaded CI run.
 */
import path from "node:path"
import { shareOneApp } from "../helpers/shared-app"

jest.setTimeout(240_000)

// Read when the runner shuts the app down, in its afterAll; above Medusa's own 5 s shutdown timeout.
const previousBound = process.env.INSTALMENTS_TEST_SHUTDOWN_BOUND_MS
process.env.INSTALMENTS_TEST_SHUTDOWN_BOUND_MS = "6000"
afterAll(() => {
  if (previousBound === undefined) delete process.env.INSTALMENTS_TEST_SHUTDOWN_BOUND_MS
  else process.env.INSTALMENTS_TEST_SHUTDOWN_BOUND_MS = previousBound
})

shareOneApp(path.join(__dirname, "test-harness"))
