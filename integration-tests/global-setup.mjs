// Starts one throw-away Postgres for the whole jest run; global-teardown.mjs stops and removes it.
// Unit tests need no database, so a unit-only run skips it.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { freePort, PG_PASSWORD, PG_USER, startEmbeddedPostgres } from "../scripts/embedded-pg.mjs"

export default async function globalSetup() {
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  if (process.env.TEST_TYPE === "unit") return
  const port = Number(process.env.TEST_DB_PORT) || (await freePort())
  // In the system temp folder: Postgres runs as the `postgres` user, which must be able to walk
  // every parent folder of its data, and a clone may live under a private home folder.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "instalments-pgtest-"))
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port, persistent: false })
  globalThis.__EMBEDDED_PG__ = { pg, dir }
  // test-utils turns SSL on unless the URL says `localhost`: keep it literally `localhost`.
  Object.assign(process.env, {
    DB_HOST: "localhost",
    DB_PORT: String(port),
    DB_USERNAME: PG_USER,
    DB_PASSWORD: PG_PASSWORD,
  })
}
