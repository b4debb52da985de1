import { eur, newPlan } from "../__tests__/support"
import { money } from "../money"
import { RUNNING, requirePositiveAmount, requireReason, requireStatus } from "./guards"

describe("guards", () => {
  const plan = newPlan("p3x", 25490)

  it("requireStatus refuses with a code that says why", () => {
    expect(requireStatus(plan, RUNNING, "postpone")).toBeUndefined()
    expect(requireStatus({ ...plan, status: "frozen", frozenUntil: "2025-02-01" }, RUNNING, "postpone")).toMatchObject({ error: { code: "plan_frozen" } })
    expect(requireStatus({ ...plan, status: "pending_start" }, RUNNING, "postpone")).toMatchObject({ error: { code: "plan_not_started" } })
    const closed = requireStatus({ ...plan, status: "completed" }, RUNNING, "postpone a due date")
    expect(closed).toMatchObject({ error: { code: "plan_not_active", details: { status: "completed" } } })
    expect(closed && !closed.ok && closed.error.message).toMatch(/Cannot postpone a due date: the plan is completed/)
  })

  it("requirePositiveAmount checks currency then sign", () => {
    expect(requirePositiveAmount(plan, eur(1), "refund")).toBeUndefined()
    expect(requirePositiveAmount(plan, eur(0), "refund")).toMatchObject({ error: { code: "invalid_amount" } })
    expect(requirePositiveAmount(plan, money(5, "usd"), "refund")).toMatchObject({ error: { code: "currency_mismatch" } })
  })

  it("requireReason wants a non-blank string", () => {
    expect(requireReason("fraud", "freeze")).toBeUndefined()
    expect(requireReason("  ", "freeze")).toMatchObject({ error: { code: "reason_required" } })
    expect(requireReason(undefined, "freeze")).toMatchObject({ error: { code: "reason_required" } })
  })
})
