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
  // Not under the clone: Postgres runs as the `postgres` user, which must be able to walk every
  // parent folder of its data, and a clone may live under a private home folder.
  const dir = fs.mkdtempSync(path.join(scratchRoot(), "instalments-pgtest-"))
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port, persistent: false, extraFlags: IN_MEMORY_FLAGS })
  globalThis.__EMBEDDED_PG__ = { pg, dir }
  // test-utils turns SSL on unless the URL says `localhost`: keep it literally `localhost`.
  Object.assign(process.env, {
    DB_HOST: "localhost",
    DB_PORT: String(port),
    DB_USERNAME: PG_USER,
    DB_PASSWORD: PG_PASSWORD,
  })
}

/**
 * Memory (Linux's /dev/shm) when the system has it, else the temp folder. Before every HTTP test
 * the runner drops the test's database and copies it again from a template (~20 MB in a few
 * thousand files): on this project's 2-core CI machine's disk that takes ~0.8 s, waiting for the
 * disk, against ~0.05 s in memory.
 */
function scratchRoot() {
  try {
    fs.accessSync("/dev/shm", fs.constants.W_OK)
    return "/dev/shm"
  } catch {
    return os.tmpdir()
  }
}

/** Keeps Postgres's write-ahead log, in memory too, small: the copies write ~20 MB of it each. */
const IN_MEMORY_FLAGS = ["-c", "max_wal_size=256MB", "-c", "min_wal_size=64MB"]
