// Medusa's DML registers entities in a process-wide MikroORM store: clear it between test files.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")
MetadataStorage.clear()
// Bounds the test app's shutdown and reports what keeps it open (see the file).
require("./bounded-shutdown")
// Database copies by file (see the file).
require("./file-copy-templates")
// Each test's database put back in place, not copied again (see the file).
require("./restore-in-place")

// medusa-config.ts makes Stripe the card processor when STRIPE_API_KEY is set (the demo's switch):
// a key in the developer's shell must not turn every test to Stripe. A spec that wants Stripe sets
// these itself (integration-tests/helpers/stripe.ts), after this file runs.
for (const name of ["STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE"]) delete process.env[name]
// Likewise REDIS_URL (medusa-config.ts then registers Medusa's Redis modules) and a worker mode:
// the specs' apps run as one process on the in-memory modules; multi-process.spec.ts starts its
// own Redis and processes and sets both for them.
for (const name of ["REDIS_URL", "MEDUSA_WORKER_MODE", "MEDUSA_FF_CACHING"]) delete process.env[name]
