/**
 * The sandbox shop on one Medusa app: each file of ./plans, then of ./shoppers, then of
 * ./test-harness runs as if it had the app to itself (helpers/shared-app.ts). One file's tests:
 *   npx jest integration-tests/http/sandbox-shop.spec.ts -t revisions
 *  - plans: the plans' life after checkout: collection, revisions, exchanges, linked plans, the
 *    store's clock, the sandbox's records, the admin's actions and views;
 *  - shoppers: what shoppers do: checkout, the storefront kit, the self-service page and its
 *    links, support requests and the admin's answers;
 *  - test-harness, the harness itself:
 *    - database-copies: the tests copy databases by file (integration-tests/file-copy-templates.js);
 *    - isolation-1-writes, isolation-2-reads: a file joining an app starts from the boot's database;
 *    - ready-carts: each test may take the app's ready carts, unpaid (helpers/shop.ts);
 *    - restore-in-place: each test's database is put back in place (integration-tests/restore-in-place.js);
 *    - subscribers: a test ends once the subscribers it started are done (helpers/subscribers.ts);
 *    - zz-shutdown: an app that cannot shut down still ends (integration-tests/bounded-shutdown.js).
 *      It keeps a database connection out of the pool for good: this app's shutdown waits for the
 *      bound below, then the run goes on.
 * The plans and the shoppers were two apps (about 86 s and 52 s alone); on one, with one boot, seed
 * and set of ready carts, their 114 tests took 115 s alone. 240 s, as every HTTP spec: the app's
 * boot alone took over 60 s in a loaded CI run.
 */
import path from "node:path"
import { shareOneApp } from "../helpers/shared-app"
import { useFileEnv } from "../helpers/env"

jest.setTimeout(240_000)

// Read when the runner shuts the app down, in its afterAll; above Medusa's own 5 s shutdown timeout.
useFileEnv({ INSTALMENTS_TEST_SHUTDOWN_BOUND_MS: "6000" })

// The carts these folders' tests take most: up to three office chairs and a standing desk in a test.
shareOneApp(["plans", "shoppers", "test-harness"].map((folder) => path.join(__dirname, folder)), {
  readyCarts: { "office-chair": 3, "standing-desk": 1 },
})
