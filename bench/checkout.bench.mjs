#!/usr/bin/env node
// npm run bench:checkout — the same Store-API checkout (cart → address → shipping → payment
// session → complete) with the instalments provider (p3x, tok_visa) and with Medusa's
// pp_system_default, alternated in one run on one server. Prints both medians and the ratio.
// Not a test: it measures. Usage: npm run bench:checkout [-- --rounds 40] [-- --settle-ms 300]
//
// Two figures per checkout:
// - its wall time, as the shopper waits for it;
// - the server's CPU time (Linux: /proc/<pid>/stat) from its first call until `--settle-ms` after
//   its last. An order's background work (the plugin attaches the plan to the order and sends the
//   confirmation e-mail after `order.placed`) lands in that window, so it is counted against the
//   checkout that caused it, not against whichever checkout happens to run next;
// and the SQL statements the database ran in that same window (pg_stat_statements), which do not
// depend on how busy the machine is.
//
// On a shared virtual machine the hypervisor takes CPU time away ("steal"); it slows both providers
// but not evenly over a run. So the run also prints the median of the per-round ratios (the two
// checkouts of a round run seconds apart, under the same load) and the steal it saw.
import fs from "node:fs"
import path from "node:path"
import { benchDatabase, benchEnv, countStatements, freePort, median, runMedusa, startServer } from "./support.mjs"

const roundsArg = process.argv.indexOf("--rounds")
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 40
const settleArg = process.argv.indexOf("--settle-ms")
const SETTLE_MS = settleArg > 0 ? Number(process.argv[settleArg + 1]) : 300
const WARMUP = 5

async function main() {
  const db = await benchDatabase("bench", undefined, { statementCounts: true })
  const summaryFile = path.join(db.dir, "store.json")
  const env = benchEnv(db.url, { DEMO_SUMMARY_FILE: summaryFile })
  let server
  try {
    process.stdout.write("bench:checkout — migrating and seeding a fresh database ...\n")
    await runMedusa(["db:migrate"], env)
    await runMedusa(["exec", "./demo/seed.ts"], env)
    const store = JSON.parse(fs.readFileSync(summaryFile, "utf8"))
    server = await startServer(env, await freePort())
    const base = server.base
    const client = storeClient(base, store.publishable_key)
    const variant = await client.variantOf("office-chair")

    const cpu = serverCpu(server.pid)
    let stealBefore
    const statements = await countStatements(db.url)
    const statementCounts = { instalments: [], system: [] }
    const timings = { instalments: [], system: [] }
    const cpuTimes = { instalments: [], system: [] }
    const steps = { instalments: { session: [], complete: [] }, system: { session: [], complete: [] } }
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      if (round === WARMUP) stealBefore = machineCpu()
      // Alternate the order inside each round so neither provider always runs on a warmer server.
      const order = round % 2 ? ["system", "instalments"] : ["instalments", "system"]
      for (const kind of order) {
        const cpuBefore = cpu()
        const statementsBefore = await statements.total()
        const result = await client.checkout(store.region_id, variant, kind)
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
        const cpuUsed = cpu() - cpuBefore
        const statementsRun = (await statements.total()) - statementsBefore
        if (round >= WARMUP) {
          cpuTimes[kind].push(cpuUsed)
          statementCounts[kind].push(statementsRun)
          timings[kind].push(result.total)
          steps[kind].session.push(result.session)
          steps[kind].complete.push(result.complete)
        }
      }
    }
    const steal = stealShare(stealBefore, machineCpu())
    await statements.end()
    const paired = timings.instalments.map((t, round) => t / timings.system[round]).sort((a, b) => a - b)
    const mi = median(timings.instalments)
    const ms = median(timings.system)
    process.stdout.write(
      [
        `rounds: ${ROUNDS} per provider (after ${WARMUP} warm-up rounds), one full Store-API checkout each`,
        `pp_system_default           median ${ms.toFixed(1)} ms  (baseline)`,
        `pp_instalments_instalments  median ${mi.toFixed(1)} ms  (p3x, tok_visa: eligibility, credit decision, first charge, plan + history written)`,
        `ratio instalments / system: ${(mi / ms).toFixed(3)}x`,
        `  per-round ratios: median ${median(paired).toFixed(3)}x, middle half ${quantile(paired, 0.25).toFixed(3)}–${quantile(paired, 0.75).toFixed(3)}x` +
          (Number.isNaN(steal) ? "" : `; CPU time the hypervisor took from this machine during the rounds (steal): ${(steal * 100).toFixed(0)} %`),
        `  of which, medians: payment session ${median(steps.system.session).toFixed(1)} → ${median(steps.instalments.session).toFixed(1)} ms, ` +
          `complete ${median(steps.system.complete).toFixed(1)} → ${median(steps.instalments.complete).toFixed(1)} ms (system → instalments)`,
        cpuLine(cpuTimes),
        `SQL statements per checkout, background work included: median ${median(statementCounts.system)} → ${median(statementCounts.instalments)} ` +
          `(system → instalments)`,
        "",
      ].join("\n"),
    )
  } finally {
    server?.stop()
    await db.stop()
  }
}

/** The machine's CPU counters (Linux /proc/stat, first line: user nice system idle iowait irq softirq steal). */
function machineCpu() {
  try {
    return fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1, 9).map(Number)
  } catch {
    return undefined
  }
}

/** The share of the machine's CPU time taken by the hypervisor between two readings, or NaN. */
function stealShare(before, after) {
  if (!before || !after) return Number.NaN
  const spent = after.map((value, i) => value - before[i])
  const total = spent.reduce((sum, value) => sum + value, 0)
  return total > 0 ? spent[7] / total : Number.NaN
}

/** The q-quantile of sorted values (nearest rank). */
function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

/** The server process's CPU time (user + system) in ms, or NaN where /proc is missing. */
function serverCpu(pid) {
  return () => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // clock ticks: 100 per second on Linux
    } catch {
      return Number.NaN
    }
  }
}

function cpuLine(cpuTimes) {
  const ci = median(cpuTimes.instalments)
  const cs = median(cpuTimes.system)
  if (Number.isNaN(ci) || Number.isNaN(cs)) return "server CPU per checkout: not measured (no /proc on this system)"
  return (
    `server CPU per checkout, background work included (${SETTLE_MS} ms settle): median ${cs.toFixed(0)} → ${ci.toFixed(0)} ms, ` +
    `ratio ${(ci / cs).toFixed(3)}x (system → instalments; 10 ms clock ticks)`
  )
}

function storeClient(base, key) {
  async function call(method, route, body) {
    const res = await fetch(base + route, {
      method,
      headers: { "x-publishable-api-key": key, "content-type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    })
    const json = await res.json()
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`)
    return json
  }
  return {
    async variantOf(handle) {
      const { products } = await call("GET", `/store/products?handle=${handle}&fields=*variants`)
      return products[0].variants[0].id
    },
    /** One whole checkout; returns its wall time in ms, and that of the session and completion calls. */
    async checkout(regionId, variantId, kind) {
      const started = performance.now()
      const { cart } = await call("POST", "/store/carts", {
        region_id: regionId,
        email: "bench@example.com",
        items: [{ variant_id: variantId, quantity: 1 }],
        shipping_address: { country_code: "fr", first_name: "B", last_name: "Ench", address_1: "1 rue", city: "Paris", postal_code: "75001" },
      })
      const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cart.id}`)
      await call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
      const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cart.id })
      const session =
        kind === "instalments"
          ? { provider_id: "pp_instalments_instalments", data: { plan: "p3x", card_token: "tok_visa", phone: "+33612345678", locale: "fr" } }
          : { provider_id: "pp_system_default" }
      const sessionStarted = performance.now()
      await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, session)
      const completeStarted = performance.now()
      const done = await call("POST", `/store/carts/${cart.id}/complete`)
      const ended = performance.now()
      if (done.type !== "order") throw new Error(`checkout did not place an order: ${JSON.stringify(done)}`)
      return { total: ended - started, session: completeStarted - sessionStarted, complete: ended - completeStarted }
    },
  }
}

main().catch((error) => {
  process.stderr.write(`bench:checkout failed: ${error.stack ?? error}\n`)
  process.exit(1)
})
