/**
 * What a store run as several processes (servers and a worker, issue 16) does to collection and
 * its e-mails, on one real Medusa app and a real Postgres:
 *  - several collection runs at once (the worker's job, the admin's test clock, a script) take
 *    disjoint batches, wait for nobody, and charge each due instalment once, as the sandbox
 *    processor's own records show;
 *  - a worker that handles the plugin's events late still sends one "payment failed" e-mail per
 *    failed attempt: the e-mail's key comes from the event, not from the plan read later.
 * Checkout on 31 January 2027: the office chair in 3 is 84.98 € today, then 84.96 € on 28 February.
 */
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { payEarly } from "../../../src/domain/revisions"
import { INSTALMENT_PLAN_EVENTS } from "../../../src/modules/instalments/plugin-events"
import instalmentPlanEmails, { config as emailsConfig } from "../../../src/subscribers/instalment-plan-emails"
import { runCollection, type CollectionRunSummary } from "../../../src/workflows/collect-due-instalments"
import { planSuite } from "../../helpers/plans"
import { emailsSent, waitFor } from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")
const FIRST_DUE_DAY = new Date("2027-02-28T10:00:00Z")

planSuite(CHECKOUT_DAY, (h, { getContainer }) => {
  const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

  function totalOf(runs: CollectionRunSummary[]) {
    return runs.reduce((sum, run) => ({ charged: sum.charged + run.charged, failed: sum.failed + run.failed, errors: sum.errors + run.errors }), {
      charged: 0,
      failed: 0,
      errors: 0,
    })
  }

  it("collects with four runs at once: each due instalment charged once, no run waits, a plan held elsewhere is left to the next run", async () => {
    const cards = ["tok_visa", "tok_visa", "tok_insufficient_later", "tok_visa", "tok_visa", "tok_insufficient_later"]
    const plans: string[] = []
    for (const card of cards) plans.push((await h.placeOrder("office-chair", "p3x", card)).plan.id)
    await h.instalments().setSandboxTime(FIRST_DUE_DAY)

    // Another transaction holds the first plan's row (a shopper paying, say) while the runs go.
    // A run that waited for it would fail after the module's lock timeout and count an error.
    const holder = await pg().transaction()
    let runs: CollectionRunSummary[]
    try {
      await holder.raw("select id from instalment_plan where id = ? for update", [plans[0]])
      // One plan per batch, so that the four runs compete for every plan, two batches in flight each.
      runs = await Promise.all([1, 2, 3, 4].map(() => runCollection(getContainer(), { batchSize: 1, concurrency: 2 })))
    } finally {
      await holder.commit()
    }
    expect(totalOf(runs)).toEqual({ charged: 3, failed: 2, errors: 0 })
    // The next run collects the plan that was held, and nothing else.
    expect(totalOf([await runCollection(getContainer())])).toEqual({ charged: 1, failed: 0, errors: 0 })

    // The processor's own records: one charge at checkout, one on 28 February, for every plan.
    for (const [k, planId] of plans.entries()) {
      const second = cards[k] === "tok_visa" ? "ok" : "insufficient_funds"
      expect([planId, await h.sandboxCharges(planId)]).toEqual([planId, [[8498, "ok"], [8496, second]]])
      const plan = await h.getPlan(planId)
      expect(plan.instalments[1].status).toBe(cards[k] === "tok_visa" ? "paid" : "failed")
      expect(plan.events.filter((e: any) => e.type === "plan.collection_attempted")).toHaveLength(1)
    }
  })

  /**
   * Runs `act` while the e-mail worker is behind: its subscriber stops listening to `name`, and the
   * plan's events wait; then answers them, to be handled by the caller once everything happened.
   */
  async function whileWorkerLags(name: string, planId: string, act: () => Promise<void>, expected: number): Promise<any[]> {
    const eventBus = getContainer().resolve(Modules.EVENT_BUS)
    const subscriberId = emailsConfig.context?.subscriberId as string
    const captured: any[] = []
    const capture = async (event: any) => {
      if (event.data?.id === planId) captured.push({ name, ...event })
    }
    eventBus.unsubscribe(name, async () => {}, { subscriberId })
    eventBus.subscribe(name, capture, { subscriberId: "test-lagging-worker" })
    try {
      await act()
      await waitFor(async () => captured.length, (n) => n >= expected)
      expect(captured).toHaveLength(expected)
      return captured
    } finally {
      eventBus.unsubscribe(name, capture, { subscriberId: "test-lagging-worker" })
      eventBus.subscribe(name, (event: any) => instalmentPlanEmails({ event: { name, ...event }, container: getContainer(), pluginOptions: {} }), {
        subscriberId,
      })
    }
  }

  it("sends one payment-failed e-mail per failed attempt when the worker handles the events after both attempts", async () => {
    const { plan } = await h.placeOrder("office-chair", "p3x", "tok_insufficient_later")
    const events = await whileWorkerLags(
      INSTALMENT_PLAN_EVENTS.paymentFailed,
      plan.id,
      async () => {
        await h.advance(28) // 28 February: declined, attempt 1
        await h.advance(1) // 1 March: the first retry, declined, attempt 2
        expect((await h.getPlan(plan.id)).instalments[1]).toMatchObject({ status: "failed", attempts: 2 })
      },
      2,
    )
    // The worker catches up: both events are handled now, after both attempts were recorded.
    for (const event of events) await instalmentPlanEmails({ event, container: getContainer(), pluginOptions: {} })
    expect(await emailsSent(getContainer(), plan.id, "instalments.paymentFailed")).toHaveLength(2)
  })

  it("sends one plan-updated e-mail per change when the worker handles the events after both changes", async () => {
    const { plan } = await h.placeOrder("standing-desk", "p4x", "tok_visa")
    const payNext = (key: string) =>
      h.instalments().revise(plan.id, (p, ctx) => payEarly(p, { scope: "next" }, ctx), { actor: "shopper", idempotencyKey: key, request: { name: "pay-next" } })
    const events = await whileWorkerLags(
      INSTALMENT_PLAN_EVENTS.updated,
      plan.id,
      async () => {
        await payNext("lagging-worker-1")
        await payNext("lagging-worker-2")
      },
      2,
    )
    for (const event of events) await instalmentPlanEmails({ event, container: getContainer(), pluginOptions: {} })
    expect(await emailsSent(getContainer(), plan.id, "instalments.planUpdated")).toHaveLength(2)
  })
})
