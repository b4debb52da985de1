/**
 * The demo store as `npm start` runs it, for the browser tests: a database of its own on the test
 * Postgres (the jest global setup's), copied from the demo store migrated and seeded once per run
 * (Medusa's and the plugin's migrations, the demo seed), and `medusa start` with the admin dashboard. NODE_ENV=development makes Medusa serve the dashboard
 * through Vite's dev middleware (no `medusa build` needed) without `medusa develop`'s file
 * watcher, which would restart the server whenever a file of the repository changes.
 */
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { freePort } from "../../../test-support/free-port"

const ROOT = path.join(__dirname, "../../..")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")

export interface DemoSummary {
  region_id: string
  publishable_key: string
  admin_email: string
  admin_password: string
}

export interface DemoServer {
  /** e.g. http://localhost:41234 */
  base: string
  store: DemoSummary
  /** The server's output so far (for a failing test's message). */
  log(): string
  stop(): Promise<void>
}


function databaseUrl(name: string): string {
  const { DB_USERNAME, DB_PASSWORD, DB_HOST = "localhost", DB_PORT } = process.env
  if (!DB_PORT) throw new Error("DB_PORT is not set: the jest global setup starts the test Postgres and sets it")
  return `postgres://${DB_USERNAME}:${DB_PASSWORD}@${DB_HOST}:${DB_PORT}/${name}`
}

/** The demo store migrated and seeded once per test Postgres; each browser spec's database is a copy. */
const SEEDED_TEMPLATE = "browser_demo_seeded"
/** Any number: the advisory lock under which the first spec builds the template while the others wait. */
const TEMPLATE_LOCK = 7_270_131

/**
 * Creates `name` as a copy of the seeded demo store, and answers the seed's summary. The first
 * browser spec of a jest run (whichever worker) migrates and seeds the template with Medusa's own
 * commands (`medusa db:migrate`, `medusa exec ./demo/seed.ts`); the others wait for it under an
 * advisory lock and copy it, which saves two Medusa boots each. The seed reads no configuration a
 * spec varies (its payment providers are a fixed list), so one template serves every spec. The
 * summary is kept as the template's comment, so it exists exactly when the template does.
 */
async function createSeededDatabase(name: string, env: NodeJS.ProcessEnv, output: string[]): Promise<DemoSummary> {
  const client = new Client({ connectionString: databaseUrl("postgres") })
  await client.connect()
  try {
    await client.query("select pg_advisory_lock($1)", [TEMPLATE_LOCK])
    const found = await client.query("select shobj_description(oid, 'pg_database') as summary from pg_database where datname = $1", [SEEDED_TEMPLATE])
    let summary: string | undefined = found.rows[0]?.summary ?? undefined
    if (!summary) {
      await client.query(`drop database if exists "${SEEDED_TEMPLATE}" with (force)`)
      await client.query(`create database "${SEEDED_TEMPLATE}"`)
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "instalments-browser-seed-"))
      try {
        const templateEnv = { ...env, DATABASE_URL: databaseUrl(SEEDED_TEMPLATE), DEMO_SUMMARY_FILE: path.join(tmp, "store.json") }
        await runMedusa(["db:migrate"], templateEnv, output)
        await runMedusa(["exec", "./demo/seed.ts"], templateEnv, output)
        summary = fs.readFileSync(path.join(tmp, "store.json"), "utf8")
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true })
      }
      await client.query(`comment on database "${SEEDED_TEMPLATE}" is ${client.escapeLiteral(summary)}`)
    }
    await client.query(`create database "${name}" template "${SEEDED_TEMPLATE}"`)
    return JSON.parse(summary) as DemoSummary
  } finally {
    await client.query("select pg_advisory_unlock($1)", [TEMPLATE_LOCK]).catch(() => {})
    await client.end()
  }
}

async function dropDatabase(name: string) {
  const client = new Client({ connectionString: databaseUrl("postgres") })
  await client.connect()
  try {
    await client.query(`drop database if exists "${name}" with (force)`)
  } finally {
    await client.end()
  }
}

function runMedusa(args: string[], env: NodeJS.ProcessEnv, output: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(MEDUSA, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
    child.stdout.on("data", (d) => output.push(String(d)))
    child.stderr.on("data", (d) => output.push(String(d)))
    child.on("error", reject)
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} exited with ${code}:\n${output.join("").slice(-3000)}`)),
    )
  })
}

async function waitForHealth(base: string, server: ChildProcess, output: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`medusa start exited with ${server.exitCode}:\n${output.join("").slice(-3000)}`)
    try {
      if ((await fetch(`${base}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`Medusa did not answer ${base}/health within ${timeoutMs / 1000} s:\n${output.join("").slice(-3000)}`)
}

export interface DemoServerOptions {
  /** false: no admin dashboard (a storefront test needs none, and Medusa starts lighter). */
  admin?: boolean
  /** More environment for medusa-config.ts (STORE_CORS, ALMA_API_ROOT…). */
  env?: Record<string, string>
}

/** Starts the demo store on a fresh copy of the seeded store; `stop()` ends Medusa and drops the copy. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const dbName = `browser_${process.pid}_${Date.now()}`
  const port = await freePort()
  const output: string[] = []
  const common: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    LOG_LEVEL: "error",
    MEDUSA_DISABLE_TELEMETRY: "true",
    // The admin test moves the sandbox test clock, as the demo does (npm start).
    INSTALMENTS_TEST_CLOCK: "true",
    // Jest's flag would make Medusa's own dynamic imports behave differently: run it plainly.
    NODE_OPTIONS: "",
  }
  const store = await createSeededDatabase(dbName, common, output)
  const env: NodeJS.ProcessEnv = {
    ...common,
    DATABASE_URL: databaseUrl(dbName),
    PORT: String(port),
    MEDUSA_ADMIN_DISABLED: options.admin === false ? "true" : "false",
    ...options.env,
  }
  const server = spawn(MEDUSA, ["start"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  server.stdout?.on("data", (d) => output.push(String(d)))
  server.stderr?.on("data", (d) => output.push(String(d)))
  const base = `http://localhost:${port}`

  async function stop() {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once("exit", r))
      try {
        process.kill(-server.pid!, "SIGTERM") // the whole group: medusa start runs a child
      } catch {}
      await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))])
      try {
        process.kill(-server.pid!, "SIGKILL")
      } catch {}
    }
    await dropDatabase(dbName).catch(() => {})
  }

  try {
    await waitForHealth(base, server, output, 180_000)
  } catch (error) {
    await stop()
    throw error
  }
  return { base, store, log: () => output.join(""), stop }
}
