/**
 * A plan read with its instalments (and its history) is one snapshot. Medusa reads each to-many
 * relation with a query of its own; a revision committed between those queries once showed a plan
 * whose history said "exchange applied" next to instalments still scheduled (a test of exchanges
 * failed that way on a loaded machine). Here another transaction commits a revision exactly
 * between the reader's queries: it holds the instalment table's lock, so the reader waits on its
 * instalment query, and commits once Postgres shows the reader waiting.
 */
import { moduleSuite, placePlan, until, useOtherConnection } from "./support"

jest.setTimeout(60_000)

moduleSuite("a plan read", {}, ({ service, databaseUrl }) => {
  const knex = useOtherConnection(databaseUrl)

  /** How many of this database's sessions wait for a lock. */
  async function waitingForALock(): Promise<number> {
    const { rows } = await knex().raw(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)
    return rows[0].n
  }

  /**
   * `read` runs while another transaction revises the plan (its last two instalments cancelled,
   * an event written, its version bumped) and commits right after `read`'s first query; answers
   * what `read` saw.
   */
  async function readDuringARevision<T>(planId: string, read: () => Promise<T>): Promise<T> {
    const writer = await knex().transaction()
    try {
      await writer.raw("lock table instalment in access exclusive mode")
      await writer.raw("update instalment set status = 'cancelled', amount_cents = 0 where plan_id = ? and number > 1", [planId])
      await writer.raw(
        `insert into instalment_plan_event (id, plan_id, type, data, actor, occurred_at, created_at, updated_at)
         values ('ievt_test_revision', ?, 'plan.exchange_applied', '{}'::jsonb, 'test', now(), now(), now())`,
        [planId],
      )
      await writer.raw("update instalment_plan set version = version + 1 where id = ?", [planId])
      const reading = read()
      await until(async () => (await waitingForALock()) > 0)
      await writer.commit()
      return await reading
    } finally {
      if (!writer.isCompleted()) await writer.rollback()
    }
  }

  /** The instalments' statuses in schedule order (a relation comes in no particular order). */
  const statusesOf = (instalments: { number: number; status: string }[] | undefined) => [...(instalments ?? [])].sort((a, b) => a.number - b.number).map((i) => i.status)
  const before = ["paid", "scheduled", "scheduled"]
  const after = ["paid", "cancelled", "cancelled"]

  it("with its instalments: the plan and its instalments are seen both before or both after a revision", async () => {
    const { row } = await placePlan(service())
    const seen = await readDuringARevision(row.id, () => service().loadPlan(row.id))
    const statuses = statusesOf(seen?.instalments)
    expect({ version: seen?.version, statuses }).toEqual(seen?.version === row.version ? { version: row.version, statuses: before } : { version: row.version + 1, statuses: after })
  })

  it("with its history: the plan, its instalments and its events are seen both before or both after a revision", async () => {
    const { row } = await placePlan(service())
    const seen = await readDuringARevision(row.id, () => service().loadPlanWithHistory(row.id))
    const view = { version: seen?.version, statuses: statusesOf(seen?.instalments), revised: seen?.events?.some((e) => e.type === "plan.exchange_applied") }
    expect(view).toEqual(seen?.version === row.version ? { version: row.version, statuses: before, revised: false } : { version: row.version + 1, statuses: after, revised: true })
  })

  it("as the admin's list: each plan and its instalments are seen both before or both after a revision", async () => {
    const { row } = await placePlan(service())
    const seen = await readDuringARevision(row.id, () => service().listPlansForAdmin({}, { limit: 10, offset: 0 }))
    const plan = seen.plans.find((p) => p.id === row.id)
    const statuses = statusesOf(plan?.instalments)
    expect({ version: plan?.version, statuses }).toEqual(plan?.version === row.version ? { version: row.version, statuses: before } : { version: row.version + 1, statuses: after })
  })
})
