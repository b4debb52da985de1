#!/usr/bin/env node
// npm run bench:collect — one collection run over N due instalments (1 k, 10 k, 100 k), each on
// its own sandbox card, in a throw-away embedded Postgres. Prints the time of each run, the time
// per plan, the growth of that per-plan time against the smallest N (1.00 = linear), and the
// process memory before and after each run. Not a test: it measures.
// Usage: npm run bench:collect [-- --sizes 1000,10000,100000] [-- --profile <folder>] (a CPU profile per run)
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { freePort, PG_PASSWORD, PG_USER, startEmbeddedPostgres } from "../scripts/embedded-pg.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const medusa = path.join(root, "node_modules", ".bin", "medusa")
const sizesArg = process.argv.indexOf("--sizes")
const SIZES = sizesArg > 0 ? process.argv[sizesArg + 1] : "1000,10000,100000"
const profileArg = process.argv.indexOf("--profile")
const PROFILE = profileArg > 0 ? path.resolve(process.argv[profileArg + 1]) : undefined

function run(args, env, onLine) {
  return new Promise((resolve, reject) => {
    const child = spawn(medusa, args, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] })
    let buffer = ""
    child.stdout.on("data", (chunk) => {
      buffer += chunk
      let newline
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        onLine?.(line)
      }
    })
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} exited ${code}`))))
  })
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "instalments-bench-"))
  fs.chmodSync(dir, 0o755)
  const pgPort = await freePort()
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: pgPort, persistent: false })
  const url = `postgres://${PG_USER}:${PG_PASSWORD}@localhost:${pgPort}/bench`
  const admin = new pg.Client({ connectionString: url.replace("/bench", "/postgres") })
  await admin.connect()
  await admin.query("create database bench")
  await admin.end()
  const env = {
    ...process.env,
    DATABASE_URL: url,
    LOG_LEVEL: "error",
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_ADMIN_DISABLED: "true",
    NODE_ENV: "development",
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc`.trim(),
    BENCH_SIZES: SIZES,
    INSTALMENTS_COLLECTION_JOB: "off",
    ...(PROFILE ? { BENCH_PROFILE: PROFILE } : {}),
  }
  try {
    process.stdout.write(`bench:collect — ${os.cpus().length} cores; migrating a fresh database ...\n`)
    await run(["db:migrate"], env)
    const results = []
    await run(["exec", "./bench/collect-run.ts"], env, (line) => {
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
          (r.sandboxRecords === null ? "" : ` (the in-memory sandbox now holds ${r.sandboxRecords} records)`) +
          "\n",
      )
    })
    if (results.some((r) => r.charged !== r.n || r.paid !== r.n)) throw new Error("a run did not charge every due instalment exactly once")
  } finally {
    await postgres.stop().catch(() => {})
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  process.stderr.write(`bench:collect failed: ${error.stack ?? error}\n`)
  process.exit(1)
})
