/**
 * One sandbox test clock for the whole store, and its days lived through Medusa's workflow engine
 * (issue 16, item 3). The clock is kept in Postgres: another process of the store (here a second
 * connection to the app's database with its own copy of the clock, as a worker or a second server
 * has) moves it or reads it, and this server quotes on that day. POST /admin/instalments/sandbox/clock
 * answers at once (202) with the workflow run it started; the run collects each due instalment once
 * (the sandbox processor's own records against the plans' ledgers); `?wait=true` answers with the
 * run's days.
 */
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { IWorkflowEngineService } from "@medusajs/framework/types"
import { createStoreClock, readStoreOffset } from "../../../src/modules/instalments/store-clock"
import { moveStoreTestClock, syncTestClock, type ClockDatabase } from "../../../src/modules/instalments/test-clock"
import type { Run } from "../../../src/modules/instalments/sql"
import { SANDBOX_CLOCK_WORKFLOW } from "../../../src/workflows/sandbox-clock"
import { planSuite, schedule } from "../../helpers/plans"
import { sandboxRecords } from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

type Raw = { raw: (query: string, params: readonly unknown[]) => PromiseLike<{ rows: unknown[] }> }

/** Another process of the store, on the same database: the statements the module's clock runs. */
function otherProcess(pg: Raw & { transaction: <T>(work: (trx: Raw) => Promise<T>) => Promise<T> }): ClockDatabase {
  const runOn =
    (client: Raw): Run =>
    async (query, params) =>
      (await client.raw(query, params)).rows
  return { read: runOn(pg), transaction: (work) => pg.transaction((trx) => work(runOn(trx))) }
}

/** Polls a read until it satisfies `done` (a condition, never a fixed wait); fails after ~60 s. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await read()
    if (done(value)) return value
    if (attempt >= 600) throw new Error(`condition not met: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

planSuite(CHECKOUT_DAY, (h, { api, getContainer }) => {
  const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const quoteP3x = async () => {
    const { data } = await api.get("/store/instalments/quote?amount=249.00&currency_code=eur&country_code=fr&locale=fr", { headers: h.storeHeaders })
    return data.plans.find((p: any) => p.code === "p3x").instalments.map((i: any) => i.due_date)
  }

  it("quotes on the day another process moved the store's clock to, and another process reads the day moved here", async () => {
    expect(await quoteP3x()).toEqual(["2027-01-31", "2027-02-28", "2027-03-31"])

    // Another process (a worker, a second server) moves the store's clock: this server quotes on that day.
    await moveStoreTestClock(createStoreClock(), true, { to: new Date("2027-03-15T10:00:00Z") }, otherProcess(pg()))
    expect(await quoteP3x()).toEqual(["2027-03-15", "2027-04-15", "2027-05-15"])

    // Moved through this server's route, the clock is the one the other process reads next.
    const moved = await api.post("/admin/instalments/sandbox/clock?wait=true", { set: "2027-04-30" }, { headers: h.adminHeaders })
    expect(moved.data.clock.today).toBe("2027-04-30")
    const other = createStoreClock()
    await syncTestClock(other, true, otherProcess(pg()))
    expect(other.now().toISOString().slice(0, 10)).toBe("2027-04-30")
    expect(await readStoreOffset(otherProcess(pg()).read)).toBe(h.instalments().clock.offsetMs)
    expect(await quoteP3x()).toEqual(["2027-04-30", "2027-05-30", "2027-06-30"])
  })

  it("answers at once with the workflow run it started; the run charges each due instalment once", async () => {
    const orders = [
      await h.placeOrder("office-chair", "p3x", "tok_visa"), // 84.96 due 28 February
      await h.placeOrder("standing-desk", "p2x", "tok_mastercard"), // 652.45 due 28 February
    ]
    const { status, data } = await api.post("/admin/instalments/sandbox/clock", { set: "2027-02-28" }, { headers: h.adminHeaders })
    expect(status).toBe(202)
    // The clock moved before the answer, for every process; the collection runs in the background.
    expect(data.clock.today).toBe("2027-02-28")
    expect(data.started).toMatchObject({ workflow_id: SANDBOX_CLOCK_WORKFLOW, advance_days: 0 })
    expect(data.started.transaction_id).toMatch(/^sandbox-clock-/)

    for (const { plan } of orders) {
      const paid = await until(
        () => h.getPlan(plan.id),
        (current) => current.instalments[1].status === "paid",
      )
      expect(schedule(paid)[1]).toEqual([2, "2027-02-28", plan.instalments[1].amount, "paid"])
      expect(paid.events.filter((e: any) => e.type === "plan.collection_attempted")).toHaveLength(1)
    }
    // The run was the workflow engine's, and it ended.
    const engine = getContainer().resolve<IWorkflowEngineService>(Modules.WORKFLOW_ENGINE)
    const [execution] = await until(
      () => engine.listWorkflowExecutions({ transaction_id: data.started.transaction_id }),
      (found: any[]) => found.length === 1 && found[0].state === "done",
    )
    expect(execution).toMatchObject({ workflow_id: SANDBOX_CLOCK_WORKFLOW, state: "done" })

    // The processor's own records: one charge per instalment paid, as each plan's ledger says.
    const charges = (await sandboxRecords(getContainer(), "charge:")).filter((c) => c.status === "succeeded")
    expect(charges.map((c) => c.amount.cents).sort((a, b) => a - b)).toEqual([8496, 8498, 65245, 65245])
    for (const { plan } of orders) {
      const ledger = (await h.getPlan(plan.id)).events.filter((e: any) => e.type === "plan.charge_succeeded")
      expect(await h.sandboxCharges(plan.id)).toHaveLength(ledger.length)
    }
  })

  it("with ?wait=true answers when the days are lived, each day's collection and reminders", async () => {
    const { plan } = await h.placeOrder("office-chair", "p3x", "tok_visa")
    const clock = await h.advance(28) // to 28 February: reminded on 25 February, charged on the 28th
    expect(clock.clock.today).toBe("2027-02-28")
    expect(clock.runs).toHaveLength(28)
    expect(clock.runs.filter((r: any) => r.reminders_sent).map((r: any) => [r.today, r.reminders_sent])).toEqual([["2027-02-25", 1]])
    expect(h.activity(clock)).toEqual([["2027-02-28", { charged: 84.96, declined: 0, serious_delays: 0, unfrozen: 0 }]])
    expect(clock.total).toMatchObject({ charged: 1, reminders_sent: 1, errors: 0 })
    expect((await h.getPlan(plan.id)).events.filter((e: any) => e.type === "plan.reminder_sent")).toHaveLength(1)
  })

  it("refuses a wait that is not true or false, and moves nothing", async () => {
    const res = await api.post("/admin/instalments/sandbox/clock?wait=yes", { advance_days: 1 }, { headers: h.adminHeaders }).catch((e) => e.response)
    expect(res.status).toBe(400)
    expect(res.data.message).toContain('query parameter "wait": must be "true"')
    const { data } = await api.get("/admin/instalments/sandbox/clock", { headers: h.adminHeaders })
    expect(data.clock.today).toBe("2027-01-31")
  })
})
