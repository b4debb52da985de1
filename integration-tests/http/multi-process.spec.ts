/**
 * The production shape (issue 16, "How it is proven"): the store as two `server` processes and one
 * `worker` (`MEDUSA_WORKER_MODE`), on one Postgres and one Redis, with Medusa's Redis event bus,
 * workflow engine, locking and caching (medusa-config.ts with REDIS_URL, as README "Running more
 * than one process" shows). Postgres is the jest run's own (global setup); Redis is Debian's
 * redis-server, started here on a free loopback port (test-support/redis-server.js installs it
 * when missing). Each process boots once; every check runs in the one test below:
 *  - concurrent checkouts on both servers: one plan and one confirmation e-mail per order (the
 *    e-mails are rendered in the worker, and their links point at the servers, not the worker);
 *  - the store's one test clock moved on either server and read by the other, its days lived by the
 *    worker (the workflow engine's background work): four collection runs at once, none waiting
 *    for a lock, each instalment charged once, checked against the sandbox processor's own records;
 *  - a declining card on its first day and on its retry day: one "payment failed" e-mail per attempt.
 * Checkout on 31 January 2027: the office chair in 3 is 84.98 € today, then 84.96 € on 28 February.
 */
import crypto from "node:crypto"
import { Client } from "@medusajs/framework/pg"
import { freePort } from "../../test-support/free-port"
import { redisKeys, startRedis } from "../../test-support/redis-server"
import { databaseUrl } from "../helpers/database-templates"
import { copyOfSeededDemo, type DemoSummary } from "../helpers/demo-database"
import { runMedusa, startMedusa, type MedusaProcess } from "../helpers/processes"
import { waitFor } from "../helpers/wait"

jest.setTimeout(600_000)

/** How long a check waits for the other processes (the worker works after the answers). */
const WORKER_BOUND_MS = 60_000

const CHECKOUT_DAY = "2027-01-31T10:00:00.000Z"
const FIRST_DUE_DAY = "2027-02-28T10:00:00.000Z"
const RETRY_DAY = "2027-03-01T10:00:00.000Z"
/** Twelve orders, six on each server; every third card is declined from its second charge on. */
const CARDS = Array.from({ length: 12 }, (_, k) => (k % 3 === 2 ? "tok_insufficient_later" : "tok_visa"))

let redis: Awaited<ReturnType<typeof startRedis>> | undefined
let processes: MedusaProcess[] = []
let db: Client
let store: DemoSummary

beforeAll(async () => {
  redis = await startRedis()
  const name = `multi_process_${process.pid}`
  // The demo store, migrated and seeded once per run (helpers/demo-database.ts).
  store = await copyOfSeededDemo(name)
  const ports = await Promise.all([freePort(), freePort(), freePort()])
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: databaseUrl(name),
    REDIS_URL: redis.url,
    MEDUSA_FF_CACHING: "true",
    MEDUSA_ADMIN_DISABLED: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: "error",
    INSTALMENTS_TEST_CLOCK: "true",
    // The same key in every process: a link signed in the worker opens on every server.
    INSTALMENTS_LINK_SECRET: crypto.randomBytes(48).toString("base64"),
    // The links in e-mails point at the servers (the first one), never at the worker.
    INSTALMENTS_BASE_URL: `http://127.0.0.1:${ports[0]}`,
    // The test moves the clock and runs collection itself; no job fires by the wall clock.
    INSTALMENTS_COLLECTION_JOB: "off",
    INSTALMENTS_RECONCILE_JOB: "off",
    INSTALMENTS_ALMA_SYNC_JOB: "off",
    INSTALMENTS_REMINDERS_JOB: "off",
  }
  // The copy was migrated for the in-memory modules: Redis's workflow engine has migrations of its own.
  // The template's `db:migrate` already made the search indexes, ran the migration scripts and
  // synced the links, which Redis's modules do not change. The first two steps each boot Medusa
  // again in a child process to find nothing left to do (8 s of the 16 s this took), the link sync
  // plans every link table (1.5 s). Skipping them leaves the same database: same tables, columns,
  // rows and indexes (compared on copies of the template, with and without each step).
  await runMedusa(["db:migrate", "--skip-search", "--skip-scripts", "--skip-links"], env)
  const boots = await Promise.allSettled([
    startMedusa("server A", ports[0], { ...env, MEDUSA_WORKER_MODE: "server" }),
    startMedusa("server B", ports[1], { ...env, MEDUSA_WORKER_MODE: "server" }),
    startMedusa("worker", ports[2], { ...env, MEDUSA_WORKER_MODE: "worker" }),
  ])
  processes = boots.flatMap((boot) => (boot.status === "fulfilled" ? [boot.value] : []))
  for (const boot of boots) if (boot.status === "rejected") throw boot.reason
  db = new Client({ connectionString: env.DATABASE_URL })
  await db.connect()
})

afterAll(async () => {
  await db?.end().catch(() => {})
  await Promise.all(processes.map((p) => p.stop()))
  await redis?.stop()
})

it("two servers and a worker on Redis: one plan and one e-mail per order, four collection runs at once, each instalment charged once", async () => {
  const [serverA, serverB] = processes
  const admin = await adminHeaders(serverA, store)
  await moveClock([serverA, serverB], admin, CHECKOUT_DAY, 1)

  // Concurrent checkouts on both servers.
  const orderIds = await Promise.all(CARDS.map((card, k) => checkout(k % 2 ? serverB : serverA, store, card, `shopper${k}@example.com`)))
  expect(new Set(orderIds).size).toBe(CARDS.length)

  // The worker attaches each plan to its order and sends its confirmation e-mail.
  const plans = await waitFor(
    () => rows<{ order_id: string; id: string; card_reference: string }>("select order_id, id, card_reference from instalment_plan where order_id is not null order by order_id"),
    (found) => found.length >= CARDS.length,
    WORKER_BOUND_MS,
  )
  expect(plans.map((p) => p.order_id).sort()).toEqual([...orderIds].sort())
  expect(await rows("select id from instalment_plan")).toHaveLength(CARDS.length)
  const confirmations = await sentEmails("instalments.planConfirmed", CARDS.length)
  expect(countBy(confirmations.map((e) => e.resource_id))).toEqual(Object.fromEntries(plans.map((p) => [p.id, 1])))
  expect(confirmations.every((e) => e.link.startsWith(`${serverA.base}/`))).toBe(true)
  // It all went through Redis: the events' queue (only the worker consumes it), the scheduled
  // jobs in the Redis workflow engine (the worker's), Medusa's cache.
  const keys = await redisKeys((redis as { port: number }).port, "*")
  expect(keys.some((k) => k.startsWith("RedisEventBusService:events-queue:"))).toBe(true)
  expect(keys).toContain("bull:medusa-workflows-jobs:repeat:schedule_job-instalments-collect-due")
  expect(keys.some((k) => k.startsWith("mc:"))).toBe(true)

  // Collection day: four runs at once (two on each server), no lock waited for.
  const due = await moveClock([serverA, serverB], admin, FIRST_DUE_DAY, 2)
  const declining = CARDS.filter((c) => c !== "tok_visa").length
  expect(totalOf(due)).toEqual({ charged: CARDS.length - declining, failed: declining, errors: 0 })
  // The first retry day: the declined ones are tried once more, and declined again.
  expect(totalOf(await moveClock([serverA, serverB], admin, RETRY_DAY, 1))).toEqual({ charged: 0, failed: declining, errors: 0 })

  // The sandbox processor's own records: checkout, then one charge per attempt, each once.
  const orderOfPlan = new Map(plans.map((p) => [p.id, p.order_id]))
  const cardOfOrder = new Map(orderIds.map((id, k) => [id, CARDS[k]]))
  const charges = await rows<{ plan_id: string; cents: number; status: string; code: string | null; key: string }>(
    `select p.id as plan_id, (r.value->'amount'->>'cents')::int as cents, r.value->>'status' as status, r.value->>'code' as code,
            r.value->>'idempotencyKey' as key
       from instalment_plan p join instalment_sandbox_record r on starts_with(r.key, 'charge:') and r.value->>'cardRef' = p.card_reference
      order by p.id, r.value->>'createdAt'`,
  )
  expect(new Set(charges.map((c) => c.key)).size).toBe(charges.length)
  for (const plan of plans) {
    const seen = charges.filter((c) => c.plan_id === plan.id).map((c) => [c.cents, c.status === "succeeded" ? "ok" : c.code])
    const expected = cardOfOrder.get(orderOfPlan.get(plan.id) as string) === "tok_visa" ? [[8498, "ok"], [8496, "ok"]] : [[8498, "ok"], [8496, "insufficient_funds"], [8496, "insufficient_funds"]]
    expect([plan.id, seen]).toEqual([plan.id, expected])
  }

  // Every "payment failed" e-mail once: one per declined attempt.
  const failures = await sentEmails("instalments.paymentFailed", 2 * declining)
  expect(Object.values(countBy(failures.map((e) => e.resource_id)))).toEqual(Array(declining).fill(2))
  expect(new Set(failures.map((e) => e.idempotency_key)).size).toBe(2 * declining)
})

/**
 * Moves the store's sandbox clock to `instant` and collects `runsPerServer` times per server, the
 * runs all at once; answers each run's summary.
 *
 * The clock is the whole store's (kept in Postgres): each move is posted to one server, and the
 * next one is sent once the other server reads the new time, a second later each (the clock only
 * moves forward), the same day. The route collects nowhere near the request: it starts the
 * workflow instalments-sandbox-clock through the Redis workflow engine, whose background work only
 * the worker takes; `?wait=true` answers when the worker has lived the day. With a dozen plans the
 * first run to claim takes them all in one batch and the others find them claimed and end at once,
 * without waiting; runs that compete batch by batch are in plans/several-runs.spec.ts (one process,
 * batches of one plan).
 */
async function moveClock(servers: MedusaProcess[], headers: Record<string, string>, instant: string, runsPerServer: number) {
  const answers: Promise<any>[] = []
  for (let k = 0; k < servers.length * runsPerServer; k++) {
    const at = new Date(Date.parse(instant) + k * 1000).toISOString()
    const answer = api(servers[k % servers.length], "POST", "/admin/instalments/sandbox/clock?wait=true", headers, { set: at })
    answer.catch(() => undefined) // its failure is reported by Promise.all below, not as unhandled meanwhile
    answers.push(answer)
    const other = servers[(k + 1) % servers.length]
    await waitFor(async () => (await api(other, "GET", "/admin/instalments/sandbox/clock", headers)).clock.now, (now) => now >= at, WORKER_BOUND_MS)
  }
  return (await Promise.all(answers)).map((answer) => answer.total as { charged: number; failed: number; errors: number })
}

function totalOf(runs: { charged: number; failed: number; errors: number }[]) {
  return runs.reduce((sum, r) => ({ charged: sum.charged + r.charged, failed: sum.failed + r.failed, errors: sum.errors + r.errors }), { charged: 0, failed: 0, errors: 0 })
}

/**
 * A cart of `email` with the office chair, a French address, standard shipping, p3x with `card`,
 * completed; the order's id. (One e-mail per shopper: Medusa creates a guest customer per e-mail,
 * and two carts of the same new e-mail completed at once both try to create it.)
 */
async function checkout(server: MedusaProcess, store: DemoSummary, card: string, email: string): Promise<string> {
  const headers = { "x-publishable-api-key": store.publishable_key }
  const { products } = await api(server, "GET", "/store/products?handle=office-chair&fields=*variants", headers)
  const { cart } = await api(server, "POST", "/store/carts", headers, {
    region_id: store.region_id,
    email,
    items: [{ variant_id: products[0].variants[0].id, quantity: 1 }],
    shipping_address: { country_code: "fr", first_name: "Léa", last_name: "Martin", address_1: "1 rue de la Paix", city: "Paris", postal_code: "75002" },
  })
  const { shipping_options } = await api(server, "GET", `/store/shipping-options?cart_id=${cart.id}`, headers)
  await api(server, "POST", `/store/carts/${cart.id}/shipping-methods`, headers, { option_id: shipping_options[0].id })
  const { payment_collection } = await api(server, "POST", "/store/payment-collections", headers, { cart_id: cart.id })
  await api(server, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, headers, {
    provider_id: "pp_instalments_instalments",
    data: { plan: "p3x", card_token: card, phone: "+33 6 12 34 56 78", locale: "fr" },
  })
  const completed = await api(server, "POST", `/store/carts/${cart.id}/complete`, headers, {})
  if (completed.type !== "order") throw new Error(`cart ${cart.id} on ${server.name} did not complete: ${JSON.stringify(completed)}`)
  return completed.order.id
}

async function adminHeaders(server: MedusaProcess, store: DemoSummary) {
  const { token } = await api(server, "POST", "/auth/user/emailpass", {}, { email: store.admin_email, password: store.admin_password })
  return { authorization: `Bearer ${token}` }
}

async function api(server: MedusaProcess, method: string, route: string, headers: Record<string, string>, body?: unknown): Promise<any> {
  const res = await fetch(`${server.base}${route}`, { method, headers: { "content-type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${route} on ${server.name}: ${res.status} ${text}\n--- its last output:\n${server.output()}`)
  return JSON.parse(text)
}

async function rows<T>(sql: string): Promise<T[]> {
  return (await db.query(sql)).rows as T[]
}

/** The e-mails with `template`, once `count` of them are sent (none pending). */
async function sentEmails(template: string, count: number) {
  const read = () =>
    rows<{ resource_id: string; status: string; idempotency_key: string; link: string }>(
      `select resource_id, status, idempotency_key, data->>'self_service_url' as link from notification where template = '${template}'`,
    )
  const emails = await waitFor(read, (found) => found.length >= count && found.every((e) => e.status !== "pending"), WORKER_BOUND_MS)
  expect(emails).toHaveLength(count)
  return emails
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1
  return counts
}

