#!/usr/bin/env node
// npm run bench:admin — the admin's list and receivables routes on a big store: 100,000 plans
// (and their ~260,000 instalments) bulk-inserted by SQL into a throw-away embedded Postgres with
// Medusa's and the plugin's migrations applied, one `medusa start`, then each common query
// timed over HTTP. Prints p50 and p95 per query; the target is p95 ≤ 50 ms.
// Not a test: it measures. Usage: npm run bench:admin [-- --plans 100000 --rounds 60]
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import { benchDatabase, benchEnv, freePort, runMedusa, startServer } from "./support.mjs"

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const PLANS = arg("plans", 100_000)
const ROUNDS = arg("rounds", 60)
const WARMUP = 5
const TARGET_P95_MS = 50

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/**
 * 100 k plans as a store accumulates them over a year: most completed, a quarter running, some
 * late, a few frozen, cancelled or terminated; five plan codes; 40 k shoppers. Each plan has its
 * instalments (2, 3, 4 or 1), the paid ones paid, the others scheduled (or failed on late plans),
 * and the derived columns (outstanding, next due date) consistent with them.
 */
async function seedPlans(client, count) {
  await client.query(`
    create temporary table bench_plan as
    select n,
           'iplan_bench_' || lpad(n::text, 7, '0') as id,
           (array['p2x','p3x','p4x','d15','d30'])[1 + n % 5] as plan_code,
           case when n % 100 < 60 then 'completed' when n % 100 < 85 then 'active' when n % 100 < 90 then 'late'
                when n % 100 < 93 then 'serious_delay' when n % 100 < 95 then 'frozen' when n % 100 < 98 then 'cancelled'
                else 'terminated' end as status,
           5000 + (n * 7919) % 395000 as total_cents,
           now() - ((n % 365) || ' days')::interval - ((n % 1440) || ' minutes')::interval as created_at
      from generate_series(1, $1::int) as n`, [count])
  await client.query(`
    create temporary table bench_inst as
    select p.id as plan_id, p.n, p.status as plan_status, k as number, c.count as instalments,
           (p.created_at::date + ((case when p.plan_code like 'd%' then substr(p.plan_code, 2)::int else 0 end) || ' days')::interval
                               + ((k - 1) || ' months')::interval)::date as due,
           p.total_cents / c.count + case when k = 1 then p.total_cents % c.count else 0 end as amount
      from bench_plan p
      join lateral (select case p.plan_code when 'p2x' then 2 when 'p3x' then 3 when 'p4x' then 4 else 1 end as count) c on true
      join lateral generate_series(1, c.count) as k on true`)
  await client.query(`
    alter table bench_inst add column status text;
    update bench_inst set status = case
      when plan_status in ('completed') then 'paid'
      when plan_status = 'cancelled' then 'cancelled'
      when number = 1 and instalments > 1 then 'paid'
      when plan_status in ('late', 'serious_delay', 'terminated') and number = 2 then 'failed'
      else 'scheduled' end`)
  await client.query(`
    insert into instalment_plan (id, order_id, order_display_id, payment_session_id, payment_id, customer_id, email, plan_code, status,
                                 currency_code, order_date, start_date, total_cents, paid_total_cents, outstanding_cents, next_due_date,
                                 frozen_until, processor, card_reference, card_brand, card_last4, terms_version, terms_accepted_at, created_at, updated_at)
    select p.id, 'order_bench_' || p.n, p.n, 'payses_bench_' || p.n, 'pay_bench_' || p.n, 'cus_bench_' || (p.n % 40000),
           'shopper' || (p.n % 40000) || '@example.com', p.plan_code, p.status, 'eur',
           to_char(p.created_at, 'YYYY-MM-DD'), to_char(p.created_at, 'YYYY-MM-DD'), p.total_cents,
           coalesce(sum(i.amount) filter (where i.status = 'paid'), 0),
           coalesce(sum(i.amount) filter (where i.status in ('scheduled', 'failed')), 0),
           to_char(min(i.due) filter (where i.status in ('scheduled', 'failed')), 'YYYY-MM-DD'),
           case when p.status = 'frozen' then to_char(current_date + 30, 'YYYY-MM-DD') end,
           'sandbox', 'card_bench', 'Visa', '5556', '2026-11', p.created_at, p.created_at, p.created_at
      from bench_plan p join bench_inst i on i.plan_id = p.id
     group by p.id, p.n, p.plan_code, p.status, p.total_cents, p.created_at`)
  await client.query(`
    insert into instalment (id, plan_id, number, due_date, original_due_date, amount_cents, status, paid_at, paid_amount_cents, attempts, next_retry_on)
    select 'inst_bench_' || lpad(n::text, 7, '0') || '_' || number, plan_id, number, to_char(due, 'YYYY-MM-DD'), to_char(due, 'YYYY-MM-DD'),
           amount, status, case when status = 'paid' then due::timestamptz end, case when status = 'paid' then amount else 0 end,
           case when status = 'failed' then 1 else 0 end,
           case when status = 'failed' then to_char(current_date + 1 + n % 7, 'YYYY-MM-DD') end
      from bench_inst`)
  // A store's tables at rest have been vacuumed by autovacuum (visibility map set: counts can read
  // indexes only); a bulk insert has not, so do it here rather than measure a state no store is in.
  await client.query("vacuum analyze instalment_plan")
  await client.query("vacuum analyze instalment")
  const { rows } = await client.query("select (select count(*) from instalment_plan)::int as plans, (select count(*) from instalment)::int as instalments")
  return rows[0]
}

async function main() {
  // BENCH_POSTGRES_URL (postgres://user:pass@localhost:port) runs on your own server and keeps the
  // `bench_admin` database afterwards, to EXPLAIN its queries; otherwise a throw-away embedded one.
  const db = await benchDatabase("bench_admin", process.env.BENCH_POSTGRES_URL)
  const url = db.url
  const summaryFile = path.join(db.dir, "store.json")
  const env = benchEnv(url, { DEMO_SUMMARY_FILE: summaryFile })
  let server
  try {
    process.stdout.write(`bench:admin — migrating a fresh database and seeding ${PLANS.toLocaleString("en")} plans ...\n`)
    await runMedusa(["db:migrate"], env)
    await runMedusa(["exec", "./demo/seed.ts"], env)
    const client = new pg.Client({ connectionString: url })
    client.on("error", () => {}) // Postgres stopping in `finally` after a failure is not news
    await client.connect()
    const seeded = await seedPlans(client, PLANS).finally(() => client.end())
    process.stdout.write(`seeded ${seeded.plans.toLocaleString("en")} plans, ${seeded.instalments.toLocaleString("en")} instalments\n`)

    const store = JSON.parse(fs.readFileSync(summaryFile, "utf8"))
    server = await startServer(env, await freePort())
    const base = server.base
    const login = await fetch(`${base}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: store.admin_email, password: store.admin_password }),
    })
    const { token } = await login.json()
    const headers = { authorization: `Bearer ${token}` }

    const n = Math.floor(PLANS / 2)
    const today = new Date().toISOString().slice(0, 10)
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)
    const queries = [
      ["no filter (newest 20)", "/admin/instalment-plans"],
      ["page 50 (offset 980)", "/admin/instalment-plans?offset=980"],
      ["status=late", "/admin/instalment-plans?status=late"],
      ["status=late,serious_delay", "/admin/instalment-plans?status=late,serious_delay"],
      ["plan_code=p2x", "/admin/instalment-plans?plan_code=p2x"],
      ["status=active&plan_code=d30", "/admin/instalment-plans?status=active&plan_code=d30"],
      ["q=<e-mail>", `/admin/instalment-plans?q=shopper${n % 40000}@example.com`],
      ["q=<order number>", `/admin/instalment-plans?q=${n}`],
      ["order_id", `/admin/instalment-plans?order_id=order_bench_${n}`],
      ["customer_id", `/admin/instalment-plans?customer_id=cus_bench_${n % 40000}`],
      ["created last 30 days", `/admin/instalment-plans?created_from=${monthAgo}&created_to=${today}`],
      ["receivables", "/admin/instalments/receivables"],
      // What any admin route costs on this machine right now (auth, routing, JSON): the floor.
      ["baseline: Medusa GET /admin/regions", "/admin/regions"],
    ]
    const results = []
    for (const [name, route] of queries) {
      const timings = []
      let count
      for (let i = 0; i < WARMUP + ROUNDS; i++) {
        const started = performance.now()
        const res = await fetch(base + route, { headers })
        const body = await res.json()
        const elapsed = performance.now() - started
        if (!res.ok) throw new Error(`${route}: ${res.status} ${JSON.stringify(body)}`)
        count = body.count ?? body.receivables?.[0]?.open_plans
        if (i >= WARMUP) timings.push(elapsed)
      }
      results.push({ name, count, p50: percentile(timings, 50), p95: percentile(timings, 95) })
    }

    const width = Math.max(...results.map((r) => r.name.length))
    const lines = [
      `${ROUNDS} requests per query after ${WARMUP} warm-up requests, one at a time, over HTTP with an admin token; ${seeded.plans.toLocaleString("en")} plans`,
      `${"query".padEnd(width)}  ${"rows".padStart(7)}  ${"p50 ms".padStart(7)}  ${"p95 ms".padStart(7)}`,
      ...results.map((r) => `${r.name.padEnd(width)}  ${String(r.count ?? "").padStart(7)}  ${r.p50.toFixed(1).padStart(7)}  ${r.p95.toFixed(1).padStart(7)}${r.p95 > TARGET_P95_MS ? "  above the 50 ms target" : ""}`),
      `worst p95: ${Math.max(...results.map((r) => r.p95)).toFixed(1)} ms (target ≤ ${TARGET_P95_MS} ms)`,
      "",
    ]
    process.stdout.write(lines.join("\n"))
  } finally {
    server?.stop()
    await db.stop()
  }
}

main().catch((error) => {
  process.stderr.write(`bench:admin failed: ${error.stack ?? error}\n`)
  process.exit(1)
})
