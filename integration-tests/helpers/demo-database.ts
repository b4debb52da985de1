/**
 * The demo store as `npm start` builds it (Medusa's and the plugin's migrations by `medusa
 * db:migrate`, then `medusa exec ./demo/seed.ts`), built once per jest run and copied for each spec
 * that runs Medusa as processes of its own: the browser specs' demo store and the multi-process
 * spec's servers and worker. The first such spec of the run (whichever worker) builds the template;
 * the others wait for it and copy it (helpers/database-templates.ts), which saves each of them two
 * Medusa boots. It is built with the same environment whoever builds it (the seed reads no
 * configuration a spec varies: its payment providers are a fixed list), so one template serves
 * them all. The seed's summary is kept as the template's comment, written last: a template without
 * it is one whose build failed, and is built again.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { databaseUrl, lockTemplate } from "./database-templates"
import { runMedusa } from "./processes"

/** What the seed answers: the store's ids and the admin's login. */
export interface DemoSummary {
  region_id: string
  publishable_key: string
  admin_email: string
  admin_password: string
}

const SEEDED_TEMPLATE = "browser_demo_seeded"

/**
 * `db:migrate`'s search step makes the search indexes that `search/` folders declare, in a child
 * process that boots Medusa (4 s of the 17 s the command takes). This repository declares none
 * (no src/search), so the step finds nothing to do: with or without it, the same tables, rows and
 * indexes. Should one be declared, the step runs again.
 */
const SKIP_UNUSED_STEPS = fs.existsSync(path.join(__dirname, "../../src/search")) ? [] : ["--skip-search"]

/** Medusa's commands as `npm start` runs them, without jest's flags (they change Medusa's own dynamic imports). */
export function demoProcessEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "development",
    LOG_LEVEL: "error",
    MEDUSA_DISABLE_TELEMETRY: "true",
    // The sandbox test clock, as the demo has it (npm start).
    INSTALMENTS_TEST_CLOCK: "true",
    NODE_OPTIONS: "",
  }
}

/** Creates `name` as a copy of the seeded demo store; answers the seed's summary. */
export async function copyOfSeededDemo(name: string): Promise<DemoSummary> {
  const lock = await lockTemplate(SEEDED_TEMPLATE)
  try {
    let summary = await lock.comment()
    if (!summary) {
      await lock.client.query(`drop database if exists "${SEEDED_TEMPLATE}" with (force)`)
      await lock.client.query(`create database "${SEEDED_TEMPLATE}"`)
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "instalments-demo-seed-"))
      try {
        const env = { ...demoProcessEnv(), DATABASE_URL: databaseUrl(SEEDED_TEMPLATE), DEMO_SUMMARY_FILE: path.join(tmp, "store.json") }
        await runMedusa(["db:migrate", ...SKIP_UNUSED_STEPS], env)
        await runMedusa(["exec", "./demo/seed.ts"], env)
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
