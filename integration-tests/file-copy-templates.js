// Every database copy the tests make (`CREATE DATABASE … TEMPLATE …`) copies the files instead of
// logging each block: `STRATEGY FILE_COPY`, Postgres's way before version 15. Medusa's runner
// copies the spec's database into a template at each snapshot, and back when a restore cannot be
// done in place (restore-in-place.js); our helpers copy the run's templates
// (helpers/database-templates.ts). All go through the pg client patched here, as Medusa's runner
// offers no option for it. The default, WAL_LOG, writes every
// block in use to the write-ahead log: 8 MB for the sandbox shop's 20 MB database (13 MB of which
// are its indexes, nearly empty).
// Measured on sandbox-shop.spec.ts alone (114 restores, 24 snapshots): a restore 137 → 106 ms, a
// snapshot 138 → 65 ms. FILE_COPY checkpoints before and after the copy, which costs little on the
// test Postgres (no fsync, its data in memory: integration-tests/global-setup.mjs).
const { Client } = require("@medusajs/framework/pg")

const COPY = /^\s*create\s+database\b[\s\S]*\btemplate\b/i

if (!Client.prototype.__instalmentsFileCopy) {
  const query = Client.prototype.query
  Client.prototype.query = function (text, ...rest) {
    if (typeof text === "string" && COPY.test(text) && !/\bstrategy\b/i.test(text)) {
      text = text.replace(/;?\s*$/, " STRATEGY FILE_COPY;")
    }
    return query.call(this, text, ...rest)
  }
  Object.defineProperty(Client.prototype, "__instalmentsFileCopy", { value: true })
}
