import { apply, ctxOn, eur, expectErr, newPlan, succeed } from "../__tests__/support"
import { startDeferredPlan } from "./start"

describe("startDeferredPlan", () => {
  const pending = newPlan("p3x", 25490, "2025-01-15", { deferredStart: true })

  it("computes the schedule from the shipment day and asks for the first instalment", () => {
    const ctx = ctxOn("2025-01-31")
    const outcome = apply(startDeferredPlan, pending, {}, ctx)
    expect(outcome.plan.status).toBe("active")
    expect(outcome.plan.startDate).toBe("2025-01-31")
    expect(outcome.plan.instalments.map((i) => [i.dueDate, i.originalDueDate])).toEqual([
      ["2025-01-31", "2025-01-31"],
      ["2025-02-28", "2025-02-28"],
      ["2025-03-31", "2025-03-31"],
    ])
    expect(outcome.movements).toEqual([{ kind: "charge", amount: eur(8498), instalments: [1], purpose: "plan_start" }])
    expect(succeed(outcome.plan, outcome, ctx).paidTotal).toBe(8498)
  })

  it("starts a pay-later plan NN days after the shipment, charging nothing now", () => {
    const d15 = newPlan("d15", 25490, "2025-01-15", { deferredStart: true })
    const outcome = apply(startDeferredPlan, d15, { startDate: "2025-01-20" }, ctxOn("2025-01-20"))
    expect(outcome.plan.instalments[0].dueDate).toBe("2025-02-04")
    expect(outcome.movements).toEqual([])
  })

  it("refuses a started plan or a bad day", () => {
    expectErr(startDeferredPlan(newPlan("p3x", 25490, "2025-01-15"), {}, ctxOn("2025-01-20")), "plan_not_active")
    expectErr(startDeferredPlan(pending, { startDate: "2025-01-14" }, ctxOn("2025-01-20")), "invalid_date")
    expectErr(startDeferredPlan(pending, { startDate: "2025-02-30" }, ctxOn("2025-01-20")), "invalid_date")
  })
})
