/**
 * Plans living on their own, driven by the sandbox test clock (POST /admin/instalments/sandbox/clock):
 * each simulated day runs the collection once, as the hourly job would. Checkout on 31 January
 * 2027, so the monthly due dates are 28 February, 31 March and 30 April.
 */
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { failNextWrites, installWriteFaults, stopWriteFaults } from "../../../test-support/db-faults"
import { collectDueInstalmentsWorkflow } from "../../../src/workflows/collect-due-instalments"
import { planSuite, schedule } from "../../helpers/plans"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

planSuite(CHECKOUT_DAY, (h, { getContainer }) => {
  it("collects a p4x standing desk to completion: 1,304.90 € = 326.24 + 3 × 326.22", async () => {
    const { plan } = await h.placeOrder("standing-desk", "p4x", "tok_cb")
    expect(schedule(plan)).toEqual([
      [1, "2027-01-31", 326.24, "paid"],
      [2, "2027-02-28", 326.22, "scheduled"],
      [3, "2027-03-31", 326.22, "scheduled"],
      [4, "2027-04-30", 326.22, "scheduled"],
    ])

    const clock = await h.advance(89) // to 30 April
    expect(clock.clock.today).toBe("2027-04-30")
    expect(h.activity(clock)).toEqual([
      ["2027-02-28", { charged: 326.22, declined: 0, serious_delays: 0, unfrozen: 0 }],
      ["2027-03-31", { charged: 326.22, declined: 0, serious_delays: 0, unfrozen: 0 }],
      ["2027-04-30", { charged: 326.22, declined: 0, serious_delays: 0, unfrozen: 0 }],
    ])
    expect(clock.total).toMatchObject({ charged: 3, failed: 0, errors: 0, charged_amount: 978.66 })

    const done = await h.getPlan(plan.id)
    expect(done).toMatchObject({ status: "completed", paid_total: 1304.9, outstanding_total: 0, next_due_date: null })
    expect(schedule(done).map((i: unknown[]) => i[3])).toEqual(["paid", "paid", "paid", "paid"])
    expect(await h.sandboxCharges(plan.id)).toEqual([
      [32624, "ok"],
      [32622, "ok"],
      [32622, "ok"],
      [32622, "ok"],
    ])
    const types = done.events.map((e: any) => e.type)
    expect(types.filter((t: string) => t === "plan.collection_attempted")).toHaveLength(3)
    expect(types.filter((t: string) => t === "plan.charge_succeeded")).toHaveLength(4)
    expect(done.events.find((e: any) => e.type === "plan.collection_attempted").actor).toBe("system")

    // Nothing is left to collect: more days change nothing.
    expect((await h.advance(5)).total).toMatchObject({ examined: 0, charged: 0 })
  })

  it("takes tok_insufficient_later through retries (+1, +3, +7 days), a serious delay, a late fee and termination", async () => {
    // Office chair 254.90 € in 3: 84.98 at checkout, 84.96 on 28 Feb, 84.96 on 31 Mar.
    const { plan } = await h.placeOrder("office-chair", "p3x", "tok_insufficient_later")
    expect(plan.paid_total).toBe(84.98)

    const due = await h.advance(28)
    expect(h.activity(due)).toEqual([["2027-02-28", { charged: 0, declined: 84.96, serious_delays: 0, unfrozen: 0 }]])
    let current = await h.getPlan(plan.id)
    expect(current.status).toBe("late")
    expect(current.instalments[1]).toMatchObject({ status: "failed", attempts: 1, next_retry_on: "2027-03-01" })

    const retries = await h.advance(16) // to 16 March: 16 days after the due date
    expect(h.activity(retries)).toEqual([
      ["2027-03-01", { charged: 0, declined: 84.96, serious_delays: 0, unfrozen: 0 }],
      ["2027-03-03", { charged: 0, declined: 84.96, serious_delays: 0, unfrozen: 0 }],
      ["2027-03-07", { charged: 0, declined: 84.96, serious_delays: 0, unfrozen: 0 }],
      ["2027-03-16", { charged: 0, declined: 0, serious_delays: 1, unfrozen: 0 }],
    ])
    current = await h.getPlan(plan.id)
    expect(current.status).toBe("serious_delay")
    expect(current.instalments[1]).toMatchObject({ status: "late", attempts: 4, next_retry_on: null })

    // Late fee: at most 8 % of the 84.96 € overdue (the 31 March instalment is not due yet).
    const tooHigh = await h.action(plan.id, "late-fee", { percent: 9, note: "no answer to three reminders" })
    expect(tooHigh.status).toBe(400)
    expect(tooHigh.data.message).toContain("late_fee_above_cap")
    const fee = await h.action(plan.id, "late-fee", { percent: 8, note: "no answer to three reminders" })
    expect(fee.status).toBe(200)
    expect(fee.data.instalment_plan.instalments[1]).toMatchObject({ amount: 84.96, late_fee: 6.8 }) // 8 % of 84.96 = 6.7968 → 6.80
    expect(fee.data.instalment_plan.outstanding_total).toBe(176.72) // 84.96 + 6.80 + 84.96
    const more = await h.action(plan.id, "late-fee", { percent: "0.50", note: "still no answer" })
    expect(more.status).toBe(400)
    expect(more.data.message).toContain("late_fee_above_cap")

    // Termination: everything remaining (176.72 €) is due today and charged at once; declined here.
    const terminated = await h.action(plan.id, "terminate", { reason: "non-payment after a serious delay" })
    expect(terminated.status).toBe(200)
    expect(terminated.data.instalment_plan).toMatchObject({ status: "terminated", outstanding_total: 176.72, paid_total: 84.98 })
    expect(terminated.data.instalment_plan.instalments.map((i: any) => [i.number, i.due_date, i.status])).toEqual([
      [1, "2027-01-31", "paid"],
      [2, "2027-03-16", "late"],
      [3, "2027-03-16", "failed"],
    ])
    const termination = terminated.data.instalment_plan.events.find((e: any) => e.type === "plan.terminated")
    expect(termination).toMatchObject({ actor: expect.stringMatching(/^admin:/), data: { amountDue: 17672, instalments: [2, 3] } })

    expect(await h.sandboxCharges(plan.id)).toEqual([
      [8498, "ok"],
      [8496, "insufficient_funds"],
      [8496, "insufficient_funds"],
      [8496, "insufficient_funds"],
      [8496, "insufficient_funds"],
      [17672, "insufficient_funds"],
    ])
  })

  it("does not collect a frozen plan; collection resumes the day the freeze ends", async () => {
    const { plan } = await h.placeOrder("office-chair", "p3x", "tok_visa")
    const frozen = await h.action(plan.id, "freeze", { days: 30, reason: "chargeback investigation" })
    expect(frozen.status).toBe(200)
    expect(frozen.data.instalment_plan).toMatchObject({ status: "frozen", frozen_until: "2027-03-02" })

    const whileFrozen = await h.advance(29) // to 1 March: the 28 Feb instalment is not charged
    expect(whileFrozen.total).toMatchObject({ examined: 0, charged: 0 })
    expect(await h.sandboxCharges(plan.id)).toEqual([[8498, "ok"]])

    const resumed = await h.advance(1) // 2 March: the freeze is over, the overdue instalment is charged
    expect(h.activity(resumed)).toEqual([["2027-03-02", { charged: 84.96, declined: 0, serious_delays: 0, unfrozen: 1 }]])
    const current = await h.getPlan(plan.id)
    expect(current).toMatchObject({ status: "active", paid_total: 169.94, frozen_until: null })
    expect(await h.sandboxCharges(plan.id)).toEqual([
      [8498, "ok"],
      [8496, "ok"],
    ])
  })

  it("charges every instalment exactly once when two collection runs start at the same time", async () => {
    const orders = [
      await h.placeOrder("office-chair", "p3x", "tok_visa"), // 84.96 due 28 Feb
      await h.placeOrder("standing-desk", "p2x", "tok_mastercard"), // 1,304.90 in 2: 652.45 due 28 Feb
      await h.placeOrder("office-chair", "p4x", "tok_amex"), // 254.90 € in 4: 63.74 + 3 × 63.72; 63.72 due 28 Feb
    ]
    await h.instalments().setSandboxTime(new Date("2027-02-28T10:00:00Z"))
    const runs = await Promise.all([
      collectDueInstalmentsWorkflow(getContainer()).run({ input: { batchSize: 2 } }),
      collectDueInstalmentsWorkflow(getContainer()).run({ input: { batchSize: 2 } }),
    ])
    const charged = runs.reduce((n, r) => n + r.result.charged, 0)
    const cents = runs.reduce((n, r) => n + r.result.chargedCents, 0)
    expect(charged).toBe(3)
    expect(cents).toBe(8496 + 65245 + 6372)
    expect(await h.sandboxCharges(orders[0].plan.id)).toEqual([[8498, "ok"], [8496, "ok"]])
    expect(await h.sandboxCharges(orders[1].plan.id)).toEqual([[65245, "ok"], [65245, "ok"]])
    expect(await h.sandboxCharges(orders[2].plan.id)).toEqual([[6374, "ok"], [6372, "ok"]])
    for (const { plan } of orders) {
      const current = await h.getPlan(plan.id)
      expect(current.events.filter((e: any) => e.type === "plan.collection_attempted")).toHaveLength(1)
    }
  })

  it("reconciles a charge whose record failed after the processor made it: no second charge, the plan paid once", async () => {
    const { plan } = await h.placeOrder("office-chair", "p3x", "tok_visa")
    await h.instalments().setSandboxTime(new Date("2027-02-28T10:00:00Z"))
    const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    await installWriteFaults(pg)
    // The run charges instalment 2, then the write of its answer fails (as a lost connection would).
    await failNextWrites(pg, "instalment_plan_event", 1)
    const { result: crashed } = await collectDueInstalmentsWorkflow(getContainer()).run({ input: {} })
    await stopWriteFaults(pg)
    expect(crashed).toMatchObject({ charged: 0, errors: 1 })
    expect(await h.sandboxCharges(plan.id)).toEqual([[8498, "ok"], [8496, "ok"]])
    // The plan stays busy with the recorded attempt: the next run leaves it alone.
    const { result: next } = await collectDueInstalmentsWorkflow(getContainer()).run({ input: {} })
    expect(next).toMatchObject({ examined: 0, charged: 0 })
    // The reconciler finds the charge under the attempt's key and records it.
    expect(await h.instalments().reconcile({ olderThanMs: 0 })).toEqual({ examined: 1, settled: 1, waiting: 0 })
    const current = await h.getPlan(plan.id)
    expect(current.instalments[1]).toMatchObject({ status: "paid", paid_amount: 84.96 })
    expect(current.events.filter((e: any) => e.type === "plan.collection_attempted")).toHaveLength(1)
    expect(await h.sandboxCharges(plan.id)).toEqual([[8498, "ok"], [8496, "ok"]])
    const { result: after } = await collectDueInstalmentsWorkflow(getContainer()).run({ input: {} })
    expect(after).toMatchObject({ charged: 0 })
  })
})
