import { apply, ctxOn, eur, expectErr, newPlan } from "../__tests__/support"
import { applyChargeFailed, collectDue } from "./charges"
import { evaluateDelays } from "./delays"
import { applyLateFee } from "./late-fee"

// p3x of 254.90 € ordered 2025-01-15; instalment 2 (84.96 €) due 2025-02-15 failed; serious delay on 2025-03-03.
const failed = apply(applyChargeFailed, newPlan("p3x", 25490, "2025-01-15"), { instalments: [2], at: "2025-02-15T06:00:00.000Z" }, ctxOn("2025-02-15")).plan
const serious = apply(evaluateDelays, failed, {}, ctxOn("2025-03-03")).plan
const ctx = ctxOn("2025-03-05")

describe("applyLateFee", () => {
  it("accepts 8 % of the amounts overdue: 8 % of 84.96 € = 6.80 € (6.7968 half-up), on the earliest overdue instalment", () => {
    const { plan, events } = apply(applyLateFee, serious, { basisPoints: 800, note: "no answer to 3 reminders" }, ctx)
    expect(plan.instalments[1].lateFee).toBe(680)
    expect(events[0]).toMatchObject({ type: "plan.late_fee_applied", data: { instalment: 2, fee: 680, overdue: 8496 } })
    expect(collectDue({ ...plan, instalments: plan.instalments.map((i) => (i.number === 2 ? { ...i, nextRetryOn: "2025-03-05" } : i)) }, "2025-03-05")?.amount).toEqual(eur(8496 + 680))
  })

  it("refuses 8.01 % with the cap in the message", () => {
    expect(expectErr(applyLateFee(serious, { basisPoints: 801, note: "x" }, ctx), "late_fee_above_cap")).toMatch(/8\.00 %/)
  })

  it("caps all late fees together at 8 %", () => {
    const half = apply(applyLateFee, serious, { basisPoints: 400, note: "first" }, ctx).plan
    const full = apply(applyLateFee, half, { basisPoints: 400, note: "second" }, ctx).plan
    expect(full.instalments[1].lateFee).toBe(680)
    expect(expectErr(applyLateFee(full, { basisPoints: 1, note: "third" }, ctx), "late_fee_above_cap")).toMatch(/at most 0\.00 more/)
  })

  it("is only allowed in a serious delay, on a decision with a note", () => {
    expectErr(applyLateFee(failed, { basisPoints: 100, note: "x" }, ctx), "late_fee_not_allowed")
    expectErr(applyLateFee(serious, { basisPoints: 100, note: " " }, ctx), "reason_required")
    expectErr(applyLateFee(serious, { basisPoints: 0, note: "x" }, ctx), "invalid_basis_points")
    expectErr(applyLateFee(serious, { basisPoints: 1.5, note: "x" }, ctx), "invalid_basis_points")
  })
})
