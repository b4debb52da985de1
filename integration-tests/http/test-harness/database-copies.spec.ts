/**
 * integration-tests/file-copy-templates.js: the tests' database copies copy files. A copy made the
 * default way (WAL_LOG) writes every block in use to Postgres's write-ahead log (8 MB of this app's
 * 20 MB: this test fails so without the patch); a file copy writes a few records. Other specs may
 * write meanwhile (their own tests, another app's boot), so the bound is a quarter of the
 * database's size, far above what they write in a copy's time.
 */
import { Client } from "@medusajs/framework/pg"
import { databaseUrl } from "../../helpers/database-templates"
import { shopRunner } from "../../helpers/shared-app"

shopRunner({
  testSuite: ({ dbConfig }) => {
    it("copies the app's database by file: the copy writes far less than the database to the write-ahead log", async () => {
      const client = new Client({ connectionString: databaseUrl("postgres") })
      await client.connect()
      const source = client.escapeIdentifier(dbConfig.dbName)
      const copy = `${dbConfig.dbName}-copy-check`
      try {
        const { rows: sized } = await client.query("select pg_database_size($1)::bigint as bytes", [dbConfig.dbName])
        const lsn = async () => (await client.query("select pg_current_wal_insert_lsn()::text as lsn")).rows[0].lsn as string
        await client.query(`alter database ${source} with allow_connections false`)
        await client.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [dbConfig.dbName])
        const before = await lsn()
        try {
          await client.query(`create database ${client.escapeIdentifier(copy)} template ${source}`)
        } finally {
          await client.query(`alter database ${source} with allow_connections true`)
        }
        const { rows: logged } = await client.query("select pg_wal_lsn_diff($1, $2)::bigint as bytes", [await lsn(), before])
        const databaseBytes = Number(sized[0].bytes)
        expect(databaseBytes).toBeGreaterThan(10_000_000)
        expect(Number(logged[0].bytes)).toBeLessThan(databaseBytes / 4)
      } finally {
        await client.query(`drop database if exists ${client.escapeIdentifier(copy)}`)
        await client.end()
      }
    })
  },
})
