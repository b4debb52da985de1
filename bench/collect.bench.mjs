#!/usr/bin/env node
// npm run bench:collect — one collection run over N due instalments (1 k, 10 k, 100 k), each on
// its own sandbox card, in a throw-away embedded Postgres. Prints the time of each run, the time
// per plan, the growth of that per-plan time against the smallest N (1.00 = linear), and the
// process memory before and after each run. Not a test: it measures.
// Usage: npm run bench:collect [-- --sizes 1000,10000,100000] [-- --profile <folder>] (a CPU profile per run)
//        [-- --sandbox-store database|memory] (where the sandbox processor keeps its records; default database)
import os from "node:os"
import path from "node:path"
import { benchDatabase, benchEnv, runMedusa } from "./support.mjs"

const sizesArg = process.argv.indexOf("--sizes")
const SIZES = sizesArg > 0 ? process.argv[sizesArg + 1] : "1000,10000,100000"
const profileArg = process.argv.indexOf("--profile")
const PROFILE = profileArg > 0 ? path.resolve(process.argv[profileArg + 1]) : undefined

const storeArg = process.argv.indexOf("--sandbox-store")
const SANDBOX_STORE = storeArg > 0 ? process.argv[storeArg + 1] : "database"

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

async function main() {
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
  try {
    process.stdout.write(`bench:collect — ${os.cpus().length} cores, sandbox store: ${SANDBOX_STORE}; migrating a fresh database ...\n`)
    await runMedusa(["db:migrate"], env)
    const results = []
    await runMedusa(["exec", "./bench/collect-run.ts"], env, (line) => {
      if (!line.startsWith("{")) return
      const r = JSON.parse(line)
      results.push(r)
      const perPlan = r.ms / r.n
      const growth = perPlan / (results[0].ms / results[0].n)
      process.stdout.write(
        `N = ${String(r.n).padStart(7)}  one run ${(r.ms / 1000).toFixed(2).padStart(7)} s  ` +
          `${(perPlan * 1000).toFixed(0).padStart(5)} µs/plan  growth ${growth.toFixed(2)}x  ` +
          `charged ${r.charged} (paid rows ${r.paid}), failed ${r.failed}, errors ${r.errors}, ${r.batches} batches  ` +
          `RSS ${mb(r.rssBefore)} → ${mb(r.rssAfter)}, heap after GC ${mb(r.heapBefore)} → ${mb(r.heapAfter)}` +
          `; the sandbox holds ${r.sandboxRecords} records (card setup ${(r.setupMs / 1000).toFixed(1)} s)` +
          `; WAL written ${mb(r.walBytes)} (${(r.walBytes / r.n / 1024).toFixed(1)} KB/plan)` +
          "\n",
      )
    })
    if (results.some((r) => r.charged !== r.n || r.paid !== r.n)) throw new Error("a run did not charge every due instalment exactly once")
  } finally {
    await db.stop()
  }
}

main().catch((error) => {
  process.stderr.write(`bench:collect failed: ${error.stack ?? error}\n`)
  process.exit(1)
})
