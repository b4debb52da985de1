import { apply, ctxOn, eur, expectErr, newPlan } from "../__tests__/support"
import { applyChargeSucceeded, collectDue } from "./charges"
import { flagFraud, freeze, releaseExpiredFreeze, unfreeze } from "./freeze"
import { payEarly } from "./pay-early"
import { withdraw } from "./withdraw"

const ctx = ctxOn("2025-01-20")
const plan = newPlan("p3x", 25490, "2025-01-15")

describe("freeze", () => {
  it("freezes for up to 180 days; 181 refused", () => {
    const { plan: frozen, events } = apply(freeze, plan, { days: 180, reason: "bank fraud investigation" }, ctx)
    expect(frozen).toMatchObject({ status: "frozen", frozenSince: "2025-01-20", frozenUntil: "2025-07-19", statusBeforeFreeze: "active" })
    expect(events.map((e) => e.type)).toEqual(["plan.frozen", "plan.status_changed"])
    expect(expectErr(freeze(plan, { days: 181, reason: "x" }, ctx), "freeze_too_long")).toMatch(/at most 180 days/)
    expectErr(freeze(plan, { days: 0, reason: "x" }, ctx), "freeze_days_out_of_range")
    expectErr(freeze(plan, { days: 10, reason: "" }, ctx), "reason_required")
    expectErr(freeze(frozen, { days: 10, reason: "again" }, ctx), "plan_already_frozen")
  })

  it("stops collection and shopper actions while frozen", () => {
    const frozen = apply(freeze, plan, { days: 30, reason: "check" }, ctx).plan
    expect(collectDue(frozen, "2025-02-15")).toBeNull()
    expectErr(payEarly(frozen, { scope: "all" }, ctx), "plan_frozen")
    expectErr(withdraw(frozen, {}, ctx), "plan_frozen")
  })

  it("unfreezes back to what the plan was", () => {
    const frozen = apply(freeze, plan, { days: 30, reason: "check" }, ctx).plan
    const { plan: back } = apply(unfreeze, frozen, { reason: "cleared" }, ctx)
    expect(back.status).toBe("active")
    expect(back.frozenUntil).toBeUndefined()
    expectErr(unfreeze(back, {}, ctx), "plan_not_frozen")
  })

  it("takes in a charge that was in flight, and unfreezes to completed", () => {
    const frozen = apply(freeze, plan, { days: 30, reason: "check" }, ctx).plan
    const paid = apply(applyChargeSucceeded, frozen, { instalments: [2, 3], amount: eur(16992), at: ctx.now }, ctx).plan
    expect(paid.status).toBe("frozen")
    expect(paid.statusBeforeFreeze).toBe("completed")
    expect(apply(unfreeze, paid, {}, ctx).plan.status).toBe("completed")
  })

  it("lifts a freeze once its period is over", () => {
    const frozen = apply(freeze, plan, { days: 10, reason: "check" }, ctx).plan // until 2025-01-30
    expectErr(releaseExpiredFreeze(frozen, {}, ctxOn("2025-01-29")), "no_change")
    expect(apply(releaseExpiredFreeze, frozen, {}, ctxOn("2025-01-30")).plan.status).toBe("active")
  })
})

describe("flagFraud", () => {
  it("freezes the plan for the longest period and records the flag", () => {
    const { plan: flagged, events } = apply(flagFraud, plan, { reason: "identity theft" }, ctx)
    expect(flagged).toMatchObject({ status: "frozen", fraudFlagged: true, fraudReason: "identity theft", frozenUntil: "2025-07-19" })
    expect(events[0]).toMatchObject({ type: "plan.fraud_flagged", data: { frozen: true } })
  })

  it("only flags a plan that is already frozen or closed", () => {
    const frozen = apply(freeze, plan, { days: 10, reason: "check" }, ctx).plan
    expect(apply(flagFraud, frozen, { reason: "confirmed" }, ctx).plan.frozenUntil).toBe("2025-01-30")
    const done = apply(applyChargeSucceeded, plan, { instalments: [2, 3], amount: eur(16992), at: ctx.now }, ctx).plan
    const flagged = apply(flagFraud, done, { reason: "chargeback abuse" }, ctx).plan
    expect(flagged).toMatchObject({ status: "completed", fraudFlagged: true })
    expectErr(flagFraud(plan, { reason: "" }, ctx), "reason_required")
    expectErr(flagFraud(plan, { reason: "x", days: 181 }, ctx), "freeze_too_long")
  })
})
