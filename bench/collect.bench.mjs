#!/usr/bin/env node
// npm run bench:collect — one collection run over N due instalments (1 k, 10 k, 100 k), each on
// its own sandbox card, in a throw-away embedded Postgres. Prints the time of each run, the time
// per plan, the growth of that per-plan time against the smallest N (1.00 = linear), and the
// process memory before and after each run. Not a test: it measures.
// With `--processor stripe-fake` it runs the same sizes twice in the same database: on the sandbox,
// then through the Stripe adapter against the fake Stripe (bench/fake-stripe-process.ts, a child
// process on loopback), and prints both figures with their ratio; it then checks, in the fake's own
// records, that every plan got exactly one succeeded off-session PaymentIntent.
// Usage: npm run bench:collect [-- --sizes 1000,10000,100000] [-- --profile <folder>] (a CPU profile per run)
//        [-- --sandbox-store database|memory] (where the sandbox processor keeps its records; default database)
//        [-- --processor sandbox|stripe-fake] (default sandbox; stripe-fake's default sizes: 1000,10000)
//        [-- --workers 2 [--rounds 3]] (one collecting process against 2 at once: bench/collect-workers.mjs; default size 100000)
import { spawn } from "node:child_process"
import os from "node:os"
import path from "node:path"
import { benchWorkers } from "./collect-workers.mjs"
import { benchDatabase, benchEnv, root, runMedusa } from "./support.mjs"

const processorArg = process.argv.indexOf("--processor")
const PROCESSOR = processorArg > 0 ? process.argv[processorArg + 1] : "sandbox"
if (!["sandbox", "stripe-fake"].includes(PROCESSOR)) {
  process.stderr.write(`bench:collect: --processor must be sandbox or stripe-fake (got ${PROCESSOR})\n`)
  process.exit(2)
}
const sizesArg = process.argv.indexOf("--sizes")
const SIZES = sizesArg > 0 ? process.argv[sizesArg + 1] : PROCESSOR === "stripe-fake" ? "1000,10000" : "1000,10000,100000"
const profileArg = process.argv.indexOf("--profile")
const PROFILE = profileArg > 0 ? path.resolve(process.argv[profileArg + 1]) : undefined

const storeArg = process.argv.indexOf("--sandbox-store")
const SANDBOX_STORE = storeArg > 0 ? process.argv[storeArg + 1] : "database"

const workersArg = process.argv.indexOf("--workers")
const WORKERS = workersArg > 0 ? Number(process.argv[workersArg + 1]) : undefined
const roundsArg = process.argv.indexOf("--rounds")
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3
if (WORKERS !== undefined && !(Number.isInteger(WORKERS) && WORKERS >= 2)) {
  process.stderr.write(`bench:collect: --workers must be a whole number ≥ 2 (got ${process.argv[workersArg + 1]})\n`)
  process.exit(2)
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

async function main() {
  if (WORKERS !== undefined) {
    const sizes = (sizesArg > 0 ? SIZES : "100000").split(",").map(Number)
    return benchWorkers({ workers: WORKERS, sizes, rounds: ROUNDS })
  }
  const db = await benchDatabase("bench")
  const env = benchEnv(db.url, {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc`.trim(),
    BENCH_SIZES: SIZES,
    INSTALMENTS_COLLECTION_JOB: "off",
    // collect-run.ts sets the sandbox test clock to the order day, then the collection day.
    INSTALMENTS_TEST_CLOCK: "true",
    INSTALMENTS_SANDBOX_STORE: SANDBOX_STORE,
    ...(PROFILE ? { BENCH_PROFILE: PROFILE } : {}),
  })
  let fake
  try {
    process.stdout.write(`bench:collect — ${os.cpus().length} cores, sandbox store: ${SANDBOX_STORE}; migrating a fresh database ...\n`)
    await runMedusa(["db:migrate"], env)
    if (PROCESSOR === "sandbox") {
      await collect("sandbox", env)
      return
    }
    const sandbox = await collect("sandbox", env)
    fake = await startFakeStripe()
    const stripe = await collect("stripe-fake", {
      ...env,
      BENCH_PROCESSOR: "stripe-fake",
      BENCH_FAKE_STRIPE_QUESTIONS: fake.questions,
      STRIPE_API_KEY: FAKE_STRIPE_KEY,
      STRIPE_WEBHOOK_SECRET: "whsec_benchCollect",
      STRIPE_API_BASE: fake.api,
    })
    process.stdout.write("\nsame sizes, same database, one run each:\n")
    for (const r of stripe) {
      const base = sandbox.find((s) => s.n === r.n)
      process.stdout.write(`N = ${String(r.n).padStart(7)}  sandbox ${(base.ms / 1000).toFixed(2)} s, stripe-fake ${(r.ms / 1000).toFixed(2)} s: ${(r.ms / base.ms).toFixed(2)}x\n`)
    }
    for (const r of stripe) await checkChargedOnce(fake, r.n)
    process.stdout.write("the fake Stripe's records: every plan has exactly one succeeded PaymentIntent, and nothing else\n")
  } finally {
    fake?.stop()
    await db.stop()
  }
}

/** One `medusa exec` of collect-run.ts over every size, printing each run; its results. */
async function collect(processor, env) {
  process.stdout.write(`\nprocessor: ${processor}\n`)
  const results = []
  await runMedusa(["exec", "./bench/collect-run.ts"], env, (line) => {
    if (!line.startsWith("{")) return
    const r = JSON.parse(line)
    results.push(r)
    const perPlan = r.ms / r.n
    const growth = perPlan / (results[0].ms / results[0].n)
    const held = r.sandboxRecords === undefined ? "" : `; the sandbox holds ${r.sandboxRecords} records`
    const fakeCpu = r.fakeCpuMs === undefined ? "" : `, the fake Stripe ${(r.fakeCpuMs / 1000).toFixed(1)} s for ${r.fakeRequests} requests`
    const where = `; CPU during the run: Medusa ${(r.medusaCpuMs / 1000).toFixed(1)} s${fakeCpu}`
    process.stdout.write(
      `N = ${String(r.n).padStart(7)}  one run ${(r.ms / 1000).toFixed(2).padStart(7)} s  ` +
        `${(perPlan * 1000).toFixed(0).padStart(5)} µs/plan  growth ${growth.toFixed(2)}x  ` +
        `charged ${r.charged} (paid rows ${r.paid}), failed ${r.failed}, errors ${r.errors}, ${r.batches} batches  ` +
        `RSS ${mb(r.rssBefore)} → ${mb(r.rssAfter)}, heap after GC ${mb(r.heapBefore)} → ${mb(r.heapAfter)}` +
        `${held} (card setup ${(r.setupMs / 1000).toFixed(1)} s)` +
        `; WAL written ${mb(r.walBytes)} (${(r.walBytes / r.n / 1024).toFixed(1)} KB/plan)${where}` +
        "\n",
    )
  })
  if (results.some((r) => r.charged !== r.n || r.paid !== r.n)) throw new Error(`a ${processor} run did not charge every due instalment exactly once`)
  return results
}

const FAKE_STRIPE_KEY = "sk_test_benchCollect"

/** The fake Stripe in a child process (its own event loop, its own core when one is free). */
async function startFakeStripe() {
  const child = spawn(process.execPath, ["-r", "@swc-node/register", "bench/fake-stripe-process.ts"], {
    cwd: root,
    env: { ...process.env, BENCH_STRIPE_KEY: FAKE_STRIPE_KEY },
    stdio: ["ignore", "pipe", "inherit"],
  })
  const ports = await new Promise((resolve, reject) => {
    let buffer = ""
    child.stdout.on("data", (chunk) => {
      buffer += chunk
      if (buffer.includes("\n")) resolve(JSON.parse(buffer.slice(0, buffer.indexOf("\n"))))
    })
    child.on("exit", (code) => reject(new Error(`the fake Stripe exited ${code}`)))
  })
  return { api: `http://127.0.0.1:${ports.api}`, questions: `http://127.0.0.1:${ports.bench}`, stop: () => child.kill() }
}

/** Each of the N plans of a size (ids iplan_b<N>_…) has exactly one PaymentIntent at the fake, succeeded. */
async function checkChargedOnce(fake, n) {
  const charges = await (await fetch(`${fake.questions}/charges?plans=iplan_b${n}_`)).json()
  if (charges.plans !== n || charges.succeededOnce !== n) {
    throw new Error(
      `N = ${n}: the fake Stripe holds off-session PaymentIntents for ${charges.plans} plans, ${charges.succeededOnce} of them exactly one succeeded; ` +
        `expected ${n} and ${n}. Plans otherwise: ${JSON.stringify(charges.examplesOfOthers)}`,
    )
  }
}

main().catch((error) => {
  process.stderr.write(`bench:collect failed: ${error.stack ?? error}\n`)
  process.exit(1)
})
