/**
 * The measuring half of `npm run bench:collect`, run inside Medusa by `medusa exec` (see
 * collect.bench.mjs, which prepares a throw-away database). For each size N: N plans p3x with one
 * instalment due today, on N cards of the store's processor (sandbox cards, or with
 * BENCH_PROCESSOR=stripe-fake Stripe cards saved through the Stripe adapter in the fake Stripe of
 * bench/fake-stripe-process.ts), seeded by bulk SQL; then one collection run (the job's workflow)
 * is timed. Prints one JSON line per size.
 */
import fs from "node:fs"
import { Session } from "node:inspector/promises"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INSTALMENTS_MODULE } from "../src/modules/instalments"
import { SANDBOX_TABLE } from "../src/processors"
import type InstalmentsModuleService from "../src/modules/instalments/service"
import { collectDueInstalmentsWorkflow } from "../src/workflows/collect-due-instalments"

// The order day and the collection day: 84.98 paid at checkout, 84.96 due on each of the next two.
export const ORDER_DAY = "2027-01-31"
export const COLLECTION_DAY = "2027-02-28"
const LAST_DAY = "2027-03-31"

/** The processor the store runs with: "sandbox", or "stripe-fake" (medusa-config.ts's STRIPE_* variables). */
const PROCESSOR = process.env.BENCH_PROCESSOR ?? "sandbox"
/** Stripe cards are saved this many at a time (not timed: the setup of the bench, as many checkouts). */
const CARD_SETUP_CONCURRENCY = 8

export type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }> }

export default async function benchCollect({ container }: ExecArgs) {
  const sizes = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number)
  const instalments = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  for (const n of sizes) {
    // The clock itself, not setSandboxTime (which only moves forward): each size starts again on the order day.
    instalments.clock.set(new Date(`${ORDER_DAY}T10:00:00Z`))
    // The plugin's records of the previous size's plans go with them (operations and their legs too).
    await db.raw("truncate instalment_plan_event, instalment, instalment_plan, instalment_operation, instalment_movement")
    const setupStarted = performance.now()
    const cards = PROCESSOR === "stripe-fake" ? await stripeCards(instalments, n, `b${n}_`) : await sandboxCards(instalments, n)
    const setupMs = performance.now() - setupStarted
    await seed(db, cards, `b${n}_`, instalments.processor.name)
    await db.raw("vacuum analyze instalment_plan")
    await db.raw("vacuum analyze instalment")
    // The seeding's writes are flushed now, not during the timed run: a checkpoint the seeding
    // triggers halfway through the collection made runs of the same code differ by 15 %.
    await db.raw("checkpoint")
    instalments.clock.set(new Date(`${COLLECTION_DAY}T10:00:00Z`))
    const heapBefore = heapAfterGc()
    const rssBefore = process.memoryUsage().rss
    const profiler = await startProfile()
    const walBefore = (await db.raw("select pg_current_wal_lsn() as lsn")).rows[0].lsn
    const fakeBefore = await fakeStripeUsage()
    const cpuBefore = process.cpuUsage()
    const started = performance.now()
    const concurrency = process.env.BENCH_CONCURRENCY ? Number(process.env.BENCH_CONCURRENCY) : undefined
    const { result } = await collectDueInstalmentsWorkflow(container).run({ input: { concurrency } })
    const ms = performance.now() - started
    const cpu = process.cpuUsage(cpuBefore)
    const medusaCpuMs = (cpu.user + cpu.system) / 1000
    const fakeAfter = await fakeStripeUsage()
    const fake = fakeBefore && fakeAfter ? { fakeCpuMs: fakeAfter.cpuMs - fakeBefore.cpuMs, fakeRequests: fakeAfter.requests - fakeBefore.requests } : {}
    const walBytes = Number((await db.raw("select pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint as n", [walBefore])).rows[0].n)
    await profiler?.stop(n)
    const rssAfter = process.memoryUsage().rss
    const heapAfter = heapAfterGc()
    const sandboxRecords = PROCESSOR === "sandbox" ? await sandboxRecordCount(instalments, db) : undefined
    const { rows } = await db.raw("select count(*)::int as paid from instalment where number = 2 and status = 'paid'")
    process.stdout.write(
      JSON.stringify({ n, ms, charged: result.charged, failed: result.failed, errors: result.errors, batches: result.batches, paid: rows[0].paid, rssBefore, rssAfter, heapBefore, heapAfter, sandboxRecords, setupMs, walBytes, medusaCpuMs, ...fake }) + "\n",
    )
  }
}

/** How many records the sandbox holds, in memory or in its table (bench:collect's --sandbox-store). */
async function sandboxRecordCount(instalments: InstalmentsModuleService, db: Knex): Promise<number> {
  const inMemory = (instalments.processor as { store?: { size?: number } }).store?.size
  if (inMemory !== undefined) return inMemory
  const { rows } = await db.raw(`select count(*)::int as n from ${SANDBOX_TABLE}`)
  return rows[0].n
}

/** V8 heap in use after a full collection (the bench runs node with --expose-gc). */
function heapAfterGc(): number {
  ;(globalThis as { gc?: () => void }).gc?.()
  return process.memoryUsage().heapUsed
}

/** N sandbox cards (tok_visa): the processor's own records, as a card form would have created them. */
export async function sandboxCards(instalments: InstalmentsModuleService, n: number): Promise<string[]> {
  const refs: string[] = []
  for (let k = 0; k < n; k++) {
    const card = await instalments.processor.describeCard("tok_visa")
    if (!card.ok) throw new Error(card.error.message)
    refs.push(card.value.cardRef)
  }
  return refs
}

/**
 * N Stripe cards (pm_card_fr, a Visa issued in France) saved through the adapter as checkout saves
 * them: a Customer each, the PaymentMethod attached to it, with idempotency keys.
 */
async function stripeCards(instalments: InstalmentsModuleService, n: number, prefix: string): Promise<string[]> {
  const refs: string[] = new Array(n)
  let next = 0
  async function worker() {
    for (let k = next++; k < n; k = next++) {
      const card = await instalments.processor.describeCard("pm_card_fr", { customer: { email: "bench@example.com" }, idempotencyKey: `bench:${prefix}${k}:card` })
      if (!card.ok) throw new Error(card.error.message)
      refs[k] = card.value.cardRef
    }
  }
  await Promise.all(Array.from({ length: CARD_SETUP_CONCURRENCY }, worker))
  return refs
}

/** The fake Stripe process's CPU time and request count (BENCH_FAKE_STRIPE_QUESTIONS), or undefined without it. */
async function fakeStripeUsage(): Promise<{ cpuMs: number; requests: number } | undefined> {
  const base = process.env.BENCH_FAKE_STRIPE_QUESTIONS
  if (!base) return undefined
  return (await fetch(`${base}/usage`)).json() as Promise<{ cpuMs: number; requests: number }>
}

/**
 * One plan per card and its three instalments, in two statements. Ids differ per size: the
 * sandbox remembers every charge key (collect:<plan id>:…), as a real processor would.
 */
export async function seed(db: Knex, cards: string[], prefix: string, processor: string) {
  await db.raw(
    `insert into instalment_plan (id, payment_session_id, plan_code, status, currency_code, order_date, start_date, total_cents,
                                  paid_total_cents, outstanding_cents, next_due_date, processor, card_reference, card_brand,
                                  card_network, card_last4, terms_version, terms_accepted_at, email, locale)
     select 'iplan_' || ? || lpad(c.g::text, 7, '0'), 'payses_' || ? || c.g, 'p3x', 'active', 'eur', ?, ?, 25490,
            8498, 16992, ?, ?, c.ref, 'Visa', 'visa', '5556', '2026-11', now(), 'bench@example.com', 'fr'
       from jsonb_array_elements_text(?::jsonb) with ordinality as c(ref, g)`,
    [prefix, prefix, ORDER_DAY, ORDER_DAY, COLLECTION_DAY, processor, JSON.stringify(cards)],
  )
  await db.raw(
    `insert into instalment (id, plan_id, number, due_date, original_due_date, amount_cents, status, paid_at, paid_amount_cents)
     select 'inst_' || ? || lpad(g::text, 7, '0') || '_' || k, 'iplan_' || ? || lpad(g::text, 7, '0'), k,
            d.due, d.due, case k when 1 then 8498 else 8496 end,
            case k when 1 then 'paid' else 'scheduled' end,
            case k when 1 then now() end,
            case k when 1 then 8498 else 0 end
       from generate_series(1, ?::int) g
       cross join (values (1, ?::text), (2, ?::text), (3, ?::text)) as d(k, due)`,
    [prefix, prefix, cards.length, ORDER_DAY, COLLECTION_DAY, LAST_DAY],
  )
}

/** With BENCH_PROFILE=<folder>, a CPU profile of each run (open it in Chrome DevTools). */
async function startProfile() {
  const folder = process.env.BENCH_PROFILE
  if (!folder) return undefined
  const session = new Session()
  session.connect()
  await session.post("Profiler.enable")
  await session.post("Profiler.start")
  return {
    async stop(n: number) {
      const { profile } = await session.post("Profiler.stop")
      fs.writeFileSync(`${folder}/collect-${n}.cpuprofile`, JSON.stringify(profile))
      session.disconnect()
    },
  }
}
