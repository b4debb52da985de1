import { apply, ctxOn, eur, expectErr, newPlan, succeed } from "../__tests__/support"
import { applyChargeFailed, collectDue } from "./charges"
import { terminate } from "./terminate"

const plan = newPlan("p4x", 40000, "2025-01-15") // 100.00 paid, 3 × 100.00 to come

describe("terminate", () => {
  it("makes everything remaining due today and asks for it", () => {
    const ctx = ctxOn("2025-02-20")
    const outcome = apply(terminate, plan, { reason: "false declaration" }, ctx)
    expect(outcome.plan.status).toBe("terminated")
    expect(outcome.plan.instalments.slice(1).map((i) => i.dueDate)).toEqual(["2025-02-20", "2025-02-20", "2025-02-20"])
    expect(outcome.movements).toEqual([{ kind: "charge", amount: eur(30000), instalments: [2, 3, 4], purpose: "termination" }])
    const paid = succeed(outcome.plan, outcome, ctx)
    expect(paid.status).toBe("terminated") // the contract stays terminated, even paid off
  })

  it("keeps retrying a terminated plan", () => {
    const ctx = ctxOn("2025-02-20")
    const terminated = apply(terminate, plan, { reason: "non-payment" }, ctx).plan
    const failed = apply(applyChargeFailed, terminated, { instalments: [2, 3, 4], at: ctx.now }, ctx).plan
    expect(failed.status).toBe("terminated")
    expect(collectDue(failed, "2025-02-21")?.amount).toEqual(eur(30000))
  })

  it("needs a reason and a running plan", () => {
    expectErr(terminate(plan, { reason: "" }, ctxOn("2025-02-20")), "reason_required")
    expectErr(terminate(newPlan("p4x", 40000, "2025-01-15", { deferredStart: true }), { reason: "x" }, ctxOn("2025-02-20")), "plan_not_started")
  })
})
