/**
 * The demo store as `npm start` runs it, for the browser tests: a database of its own on the test
 * Postgres (the jest global setup's), copied from the demo store migrated and seeded once per run
 * (helpers/demo-database.ts), and `medusa start` with the admin dashboard. NODE_ENV=development makes
 * Medusa serve the dashboard through Vite's dev middleware (no `medusa build` needed) without
 * `medusa develop`'s file watcher, which would restart the server whenever a file of the
 * repository changes.
 */
import { freePort } from "../../../test-support/free-port"
import { databaseUrl, dropDatabase } from "../../helpers/database-templates"
import { copyOfSeededDemo, demoProcessEnv, type DemoSummary } from "../../helpers/demo-database"
import { startMedusa } from "../../helpers/processes"

export interface DemoServer {
  /** e.g. http://localhost:41234 */
  base: string
  store: DemoSummary
  /** The server's output so far (for a failing test's message). */
  log(): string
  stop(): Promise<void>
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
  const store = await copyOfSeededDemo(dbName)
  const env: NodeJS.ProcessEnv = {
    // The admin test moves the sandbox test clock, as the demo does (npm start).
    ...demoProcessEnv(),
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
