/**
 * The demo store as `npm start` runs it, for the browser tests: a database of its own on the test
 * Postgres (the jest global setup's), copied from the demo store migrated and seeded once per run
 * (Medusa's and the plugin's migrations, the demo seed), and `medusa start` with the admin dashboard. NODE_ENV=development makes Medusa serve the dashboard
 * through Vite's dev middleware (no `medusa build` needed) without `medusa develop`'s file
 * watcher, which would restart the server whenever a file of the repository changes.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { freePort } from "../../../test-support/free-port"
import { databaseUrl, dropDatabase, lockTemplate } from "../../helpers/database-templates"
import { runMedusa, startMedusa } from "../../helpers/processes"

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


/** The demo store migrated and seeded once per test Postgres; each browser spec's database is a copy. */
const SEEDED_TEMPLATE = "browser_demo_seeded"

/**
 * Creates `name` as a copy of the seeded demo store, and answers the seed's summary. The first
 * browser spec of a jest run (whichever worker) migrates and seeds the template with Medusa's own
 * commands (`medusa db:migrate`, `medusa exec ./demo/seed.ts`); the others wait for it
 * (helpers/database-templates.ts) and copy it, which saves two Medusa boots each. The seed reads no
 * configuration a spec varies (its payment providers are a fixed list), so one template serves every
 * spec. The summary is kept as the template's comment, written last: a template without it is one
 * whose build failed, and is built again.
 */
async function createSeededDatabase(name: string, env: NodeJS.ProcessEnv): Promise<DemoSummary> {
  const lock = await lockTemplate(SEEDED_TEMPLATE)
  try {
    let summary = await lock.comment()
    if (!summary) {
      await lock.client.query(`drop database if exists "${SEEDED_TEMPLATE}" with (force)`)
      await lock.client.query(`create database "${SEEDED_TEMPLATE}"`)
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "instalments-browser-seed-"))
      try {
        const templateEnv = { ...env, DATABASE_URL: databaseUrl(SEEDED_TEMPLATE), DEMO_SUMMARY_FILE: path.join(tmp, "store.json") }
        await runMedusa(["db:migrate"], templateEnv)
        await runMedusa(["exec", "./demo/seed.ts"], templateEnv)
        summary = fs.readFileSync(path.join(tmp, "store.json"), "utf8")
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true })
      }
      await lock.client.query(`comment on database "${SEEDED_TEMPLATE}" is ${lock.client.escapeLiteral(summary)}`)
    }
    await lock.copyTo(name)
    return JSON.parse(summary) as DemoSummary
  } finally {
    await lock.release()
  }
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
  const store = await createSeededDatabase(dbName, common)
  const env: NodeJS.ProcessEnv = {
    ...common,
    DATABASE_URL: databaseUrl(dbName),
    MEDUSA_ADMIN_DISABLED: options.admin === false ? "true" : "false",
    ...options.env,
  }
  const dropCopy = () => dropDatabase(dbName).catch(() => {})
  const server = await startMedusa("the demo store", port, env, 180_000).catch(async (error) => {
    await dropCopy()
    throw error
  })
  return {
    // localhost, as `npm start` prints it and as the browser specs have always opened it.
    base: `http://localhost:${port}`,
    store,
    log: server.output,
    async stop() {
      await server.stop()
      await dropCopy()
    },
  }
}
