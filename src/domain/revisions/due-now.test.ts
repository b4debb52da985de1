import { newPlan } from "../__tests__/support"
import { makeDueToday } from "./due-now"

describe("makeDueToday", () => {
  it("makes unpaid instalments due and collectable today, leaving paid ones alone", () => {
    const plan = newPlan("p3x", 25490, "2025-01-15")
    const failed = plan.instalments.map((i) => (i.number === 2 ? { ...i, status: "failed" as const, nextRetryOn: "2025-02-18" } : i))
    const due = makeDueToday(failed, "2025-02-20", () => ({ customerFee: 0 }))
    expect(due[0]).toBe(failed[0])
    expect(due.slice(1).map((i) => [i.dueDate, i.originalDueDate, i.nextRetryOn])).toEqual([
      ["2025-02-20", "2025-02-15", "2025-02-20"],
      ["2025-02-20", "2025-03-15", undefined],
    ])
  })
})
