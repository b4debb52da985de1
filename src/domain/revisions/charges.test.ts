import { apply, ctxOn, eur, expectErr, newPlan, statuses } from "../__tests__/support"
import { defaultEngineConfig } from "../config"
import { money } from "../money"
import type { PlanSnapshot } from "../plan"
import { applyChargeFailed, applyChargeSucceeded, collectDue } from "./charges"
import { freeze } from "./freeze"

// p3x of 254.90 € ordered 2025-01-15: instalment 2 (84.96) due 2025-02-15, 3 due 2025-03-15.
const plan = newPlan("p3x", 25490, "2025-01-15")

function fail(p: PlanSnapshot, numbers: number[], today: string): PlanSnapshot {
  return apply(applyChargeFailed, p, { instalments: numbers, at: `${today}T06:00:00.000Z`, reason: "insufficient_funds" }, ctxOn(today)).plan
}

describe("collectDue", () => {
  it("asks for the instalments due today or before", () => {
    expect(collectDue(plan, "2025-02-14")).toBeNull()
    expect(collectDue(plan, "2025-02-15")).toEqual({ kind: "charge", amount: eur(8496), instalments: [2], purpose: "instalment" })
    expect(collectDue(plan, "2025-03-20")).toEqual({ kind: "charge", amount: eur(16992), instalments: [2, 3], purpose: "instalment" })
  })

  it("collects nothing from a frozen, pending or closed plan", () => {
    const frozen = apply(freeze, plan, { days: 10, reason: "check" }, ctxOn("2025-02-01")).plan
    expect(collectDue(frozen, "2025-02-15")).toBeNull()
    expect(collectDue(newPlan("p3x", 25490, "2025-01-15", { deferredStart: true }), "2025-02-15")).toBeNull()
  })
})

describe("applyChargeSucceeded", () => {
  it("marks the instalments paid and completes the plan when nothing remains", () => {
    const ctx = ctxOn("2025-02-15")
    const second = apply(applyChargeSucceeded, plan, { instalments: [2], amount: eur(8496), at: ctx.now }, ctx)
    expect(statuses(second.plan)).toEqual(["paid", "paid", "scheduled"])
    expect(second.plan.instalments[1]).toMatchObject({ paidAt: ctx.now, paidAmount: 8496 })
    expect(second.plan.paidTotal).toBe(8498 + 8496)
    expect(second.plan.status).toBe("active")
    const third = apply(applyChargeSucceeded, second.plan, { instalments: [3], amount: eur(8496), at: ctx.now }, ctxOn("2025-03-15"))
    expect(third.plan.status).toBe("completed")
    expect(third.events.map((e) => e.type)).toEqual(["plan.charge_succeeded", "plan.status_changed"])
  })

  it("refuses a charge that does not match, or pays nothing", () => {
    const ctx = ctxOn("2025-02-15")
    expectErr(applyChargeSucceeded(plan, { instalments: [2], amount: eur(8495), at: ctx.now }, ctx), "charge_amount_mismatch")
    expectErr(applyChargeSucceeded(plan, { instalments: [2], amount: money(8496, "usd"), at: ctx.now }, ctx), "charge_amount_mismatch")
    expectErr(applyChargeSucceeded(plan, { instalments: [1], amount: eur(8498), at: ctx.now }, ctx), "instalment_not_payable")
    expectErr(applyChargeSucceeded(plan, { instalments: [2, 2], amount: eur(16992), at: ctx.now }, ctx), "instalment_not_payable")
    expectErr(applyChargeSucceeded(plan, { instalments: [4], amount: eur(1), at: ctx.now }, ctx), "instalment_not_found")
    expectErr(applyChargeSucceeded(plan, { instalments: [], amount: eur(0), at: ctx.now }, ctx), "empty_charge")
  })
})

describe("applyChargeFailed", () => {
  it("retries 1, 3 and 7 days after the due date, then stops; the plan is late", () => {
    const once = fail(plan, [2], "2025-02-15")
    expect(once.status).toBe("late")
    expect(once.instalments[1]).toMatchObject({ status: "failed", attempts: 1, nextRetryOn: "2025-02-16" })
    expect(collectDue(once, "2025-02-15")).toBeNull()
    expect(collectDue(once, "2025-02-16")?.instalments).toEqual([2])
    const twice = fail(once, [2], "2025-02-16")
    expect(twice.instalments[1]).toMatchObject({ attempts: 2, nextRetryOn: "2025-02-18" })
    const thrice = fail(twice, [2], "2025-02-18")
    expect(thrice.instalments[1]).toMatchObject({ attempts: 3, nextRetryOn: "2025-02-22" })
    const last = fail(thrice, [2], "2025-02-22")
    expect(last.instalments[1].attempts).toBe(4)
    expect(last.instalments[1].nextRetryOn).toBeUndefined()
    expect(collectDue(last, "2025-03-01")).toBeNull() // no more automatic retries for it
  })

  it("honours a custom retry schedule and never retries on the day of the failure", () => {
    const config = { ...defaultEngineConfig(), retryDays: [2] }
    const late = apply(applyChargeFailed, plan, { instalments: [2], at: "2025-02-20T06:00:00.000Z" }, ctxOn("2025-02-20", config)).plan
    expect(late.instalments[1].nextRetryOn).toBe("2025-02-21") // due + 2 = 02-17 is already past
  })

  it("goes back to active once the overdue instalment is paid", () => {
    const late = fail(plan, [2], "2025-02-15")
    const ctx = ctxOn("2025-02-16")
    const paid = apply(applyChargeSucceeded, late, { instalments: [2], amount: eur(8496), at: ctx.now }, ctx).plan
    expect(paid.status).toBe("active")
    expect(paid.instalments[1].nextRetryOn).toBeUndefined()
  })

  it("changes nothing but the history when an early payment fails", () => {
    const { plan: after, events } = apply(applyChargeFailed, plan, { instalments: [3], at: "2025-01-20T10:00:00.000Z" }, ctxOn("2025-01-20"))
    expect(after.instalments).toEqual(plan.instalments)
    expect(after.status).toBe("active")
    expect(events[0]).toMatchObject({ type: "plan.charge_failed", data: { earlyPayment: true } })
  })

  it("refuses paid or unknown instalments", () => {
    expectErr(applyChargeFailed(plan, { instalments: [1], at: "x" }, ctxOn("2025-02-15")), "instalment_not_payable")
    expectErr(applyChargeFailed(plan, { instalments: [9], at: "x" }, ctxOn("2025-02-15")), "instalment_not_found")
  })
})
