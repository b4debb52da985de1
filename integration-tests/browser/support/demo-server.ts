/**
 * The demo store as `npm start` runs it, for the browser tests: a fresh database on the test
 * Postgres (the jest global setup's), Medusa's and the plugin's migrations, the demo seed, and
 * `medusa start` with the admin dashboard. NODE_ENV=development makes Medusa serve the dashboard
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

async function createDatabase(name: string) {
  const client = new Client({ connectionString: databaseUrl("postgres") })
  await client.connect()
  try {
    await client.query(`create database "${name}"`)
  } finally {
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

/** Starts the demo store on a fresh database; `stop()` ends Medusa and drops the database. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const dbName = `browser_${process.pid}_${Date.now()}`
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "instalments-browser-"))
  const port = await freePort()
  const output: string[] = []
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl(dbName),
    PORT: String(port),
    NODE_ENV: "development",
    LOG_LEVEL: "error",
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_ADMIN_DISABLED: options.admin === false ? "true" : "false",
    DEMO_SUMMARY_FILE: path.join(tmp, "store.json"),
    // The admin test moves the sandbox test clock, as the demo does (npm start).
    INSTALMENTS_TEST_CLOCK: "true",
    // Jest's flag would make Medusa's own dynamic imports behave differently: run it plainly.
    NODE_OPTIONS: "",
    ...options.env,
  }
  await createDatabase(dbName)
  await runMedusa(["db:migrate"], env, output)
  await runMedusa(["exec", "./demo/seed.ts"], env, output)
  const store = JSON.parse(fs.readFileSync(path.join(tmp, "store.json"), "utf8")) as DemoSummary
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
    fs.rmSync(tmp, { recursive: true, force: true })
  }

  try {
    await waitForHealth(base, server, output, 180_000)
  } catch (error) {
    await stop()
    throw error
  }
  return { base, store, log: () => output.join(""), stop }
}
