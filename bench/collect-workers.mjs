// npm run bench:collect -- --workers 2: the same N due instalments collected by one process, then by
// `--workers` processes at once (as several workers' collection jobs firing together), alternated
// over `--rounds` rounds in one throw-away database. The processes (bench/collect-worker.ts under
// `medusa exec`, in worker mode on Medusa's Redis modules and a redis-server of the bench's own)
// boot once and are told when to start, so boots are not timed. Each round's plans are new (ids
// iplan_w<processes>r<round>n<N>_…); after every run it checks, in the sandbox processor's own
// records, that each plan got exactly one collection charge. Prints the medians and their ratio.
// Usage: npm run bench:collect -- --workers 2 [--sizes 100000] [--rounds 3]
import { spawn } from "node:child_process"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { benchDatabase, benchEnv, median, root, runMedusa } from "./support.mjs"
import redisServer from "../test-support/redis-server.js"

const medusa = path.join(root, "node_modules", ".bin", "medusa")

export async function benchWorkers({ workers, sizes, rounds }) {
  const db = await benchDatabase("bench")
  // The processes are configured as a store's workers are (README "Running more than one process"):
  // Medusa's Redis modules, worker mode; each handles the events of the collection it ran, as a worker does.
  const redis = await redisServer.startRedis({ log: (line) => process.stdout.write(`${line}\n`) })
  const env = benchEnv(db.url, {
    INSTALMENTS_TEST_CLOCK: "true",
    REDIS_URL: redis.url,
    MEDUSA_FF_CACHING: "true",
    MEDUSA_WORKER_MODE: "worker",
    // Worker mode runs the scheduled jobs: none may fire by the wall clock during a timed run.
    INSTALMENTS_COLLECTION_JOB: "off",
    INSTALMENTS_RECONCILE_JOB: "off",
    INSTALMENTS_ALMA_SYNC_JOB: "off",
    INSTALMENTS_REMINDERS_JOB: "off",
  })
  const procs = []
  const client = new pg.Client({ connectionString: db.url })
  try {
    process.stdout.write(`bench:collect --workers ${workers} — ${os.cpus().length} cores; migrating a fresh database ...\n`)
    await runMedusa(["db:migrate"], env)
    await client.connect()
    for (let k = 0; k < workers; k++) procs.push(startWorker(env, k + 1))
    await Promise.all(procs.map((p) => p.ready))
    for (const n of sizes) {
      const setup = performance.now()
      await procs[0].ask(`cards ${n}`)
      process.stdout.write(`\nN = ${n}: ${n} sandbox cards made in ${((performance.now() - setup) / 1000).toFixed(1)} s\n`)
      const times = { 1: [], [workers]: [] }
      for (let round = 1; round <= rounds; round++) {
        // Alternate which goes first, so that neither always runs on a warmer database.
        const order = round % 2 ? [1, workers] : [workers, 1]
        for (const count of order) {
          const prefix = `w${count}r${round}n${n}_`
          await procs[0].ask(`seed ${n} ${prefix}`)
          const started = performance.now()
          const results = await Promise.all(procs.slice(0, count).map((p) => p.ask("go")))
          const ms = performance.now() - started
          times[count].push(ms)
          const charged = results.reduce((sum, r) => sum + r.charged, 0)
          const errors = results.reduce((sum, r) => sum + r.errors + r.failed, 0)
          const once = await chargedOnce(client, prefix)
          process.stdout.write(
            `round ${round}, ${count} process${count > 1 ? "es" : ""}: ${(ms / 1000).toFixed(2)} s; charged ${results.map((r) => r.charged).join(" + ")} = ${charged}` +
              ` in ${results.map((r) => r.batches).join(" + ")} batches, ${errors} declined or errors; sandbox: ${once.plans} plans charged, ${once.charges} charges\n`,
          )
          if (charged !== n || errors !== 0 || once.plans !== n || once.charges !== n) {
            throw new Error(`N = ${n}, ${count} processes: expected ${n} plans each charged once; charged ${charged}, ${errors} errors, sandbox ${JSON.stringify(once)}`)
          }
        }
      }
      const one = median(times[1])
      const many = median(times[workers])
      process.stdout.write(
        `N = ${n}: median of ${rounds}: 1 process ${(one / 1000).toFixed(2)} s, ${workers} processes ${(many / 1000).toFixed(2)} s: ` +
          `${(many / one).toFixed(2)}x the time (${(one / many).toFixed(2)}x the throughput); every plan charged exactly once\n`,
      )
    }
  } finally {
    await client.end().catch(() => {})
    await Promise.all(procs.map((p) => p.stop()))
    await redis.stop()
    await db.stop()
  }
}

/** The sandbox's collection charges of a round's plans: how many plans, how many charges. */
async function chargedOnce(client, prefix) {
  const { rows } = await client.query(
    `select count(distinct split_part(value->>'idempotencyKey', ':', 2))::int as plans, count(*)::int as charges
       from instalment_sandbox_record
      where starts_with(key, 'charge:') and starts_with(value->>'idempotencyKey', $1)`,
    [`collect:iplan_${prefix}`],
  )
  return rows[0]
}

/** A collecting process: `ready` once booted; `ask(command)` answers its JSON line; `stop()`. */
function startWorker(env, number) {
  const child = spawn(medusa, ["exec", "./bench/collect-worker.ts"], { cwd: root, env, stdio: ["pipe", "pipe", "inherit"] })
  const waiting = []
  let buffer = ""
  let failed
  child.stdout.on("data", (chunk) => {
    buffer += chunk
    let newline
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline)
      buffer = buffer.slice(newline + 1)
      if (!line.startsWith("{")) continue
      const value = JSON.parse(line)
      const next = waiting.shift()
      if (value.error) next?.reject(new Error(`process ${number}: ${value.error}`))
      else next?.resolve(value)
    }
  })
  const exited = new Promise((resolve) => child.on("exit", resolve))
  child.on("exit", (code) => {
    failed = new Error(`collecting process ${number} exited ${code}`)
    for (const w of waiting.splice(0)) w.reject(failed)
  })
  const expect = () =>
    new Promise((resolve, reject) => {
      if (failed) reject(failed)
      else waiting.push({ resolve, reject })
    })
  return {
    ready: expect(),
    ask(command) {
      const answer = expect()
      child.stdin.write(`${command}\n`)
      return answer
    },
    async stop() {
      if (child.exitCode !== null) return
      child.stdin.end("exit\n")
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000)
      await exited
      clearTimeout(timer)
    },
  }
}
