/**
 * integration-tests/file-copy-templates.js: the tests' database copies copy files. A copy made the
 * default way (WAL_LOG) writes every block in use to Postgres's write-ahead log (8 MB of this app's
 * 20 MB: this test fails so without the patch); a file copy writes a few records. Other specs may
 * write meanwhile (their own tests, another app's boot), so the bound is a quarter of the
 * database's size, far above what they write in a copy's time. The copy is made as the run's
 * templates are (helpers/database-templates.ts, `copyFrom`).
 */
import { dropDatabase, lockTemplate } from "../../helpers/database-templates"
import { shopRunner } from "../../helpers/shared-app"

shopRunner({
  testSuite: ({ dbConfig }) => {
    it("copies the app's database by file: the copy writes far less than the database to the write-ahead log", async () => {
      const copy = `${dbConfig.dbName}-copy-check`
      const lock = await lockTemplate(copy)
      try {
        const scalar = async (sql: string, values: unknown[] = []) => Number((await lock.client.query(sql, values)).rows[0].value)
        const databaseBytes = await scalar("select pg_database_size($1) as value", [dbConfig.dbName])
        const lsn = async () => (await lock.client.query("select pg_current_wal_insert_lsn()::text as lsn")).rows[0].lsn as string
        const before = await lsn()
        await lock.copyFrom(dbConfig.dbName)
        const logged = await scalar("select pg_wal_lsn_diff($1, $2) as value", [await lsn(), before])
        expect(databaseBytes).toBeGreaterThan(10_000_000)
        expect(logged).toBeLessThan(databaseBytes / 4)
      } finally {
        await lock.release()
        await dropDatabase(copy)
      }
    })
  },
})
