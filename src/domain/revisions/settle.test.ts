import { newPlan } from "../__tests__/support"
import type { LedgerEvent } from "../outcome"
import type { PlanSnapshot } from "../plan"
import { moveTo, naturalStatus, settleStatus } from "./settle"

const plan = newPlan("p3x", 25490)
const withStatuses = (p: PlanSnapshot, statuses: PlanSnapshot["instalments"][number]["status"][]): PlanSnapshot => ({
  ...p,
  instalments: p.instalments.map((i, k) => ({ ...i, status: statuses[k] })),
})

describe("naturalStatus", () => {
  it("follows the instalments", () => {
    expect(naturalStatus(plan)).toBe("active")
    expect(naturalStatus(withStatuses(plan, ["paid", "failed", "scheduled"]))).toBe("late")
    expect(naturalStatus(withStatuses(plan, ["paid", "failed", "late"]))).toBe("serious_delay")
    expect(naturalStatus(withStatuses(plan, ["paid", "paid", "cancelled"]))).toBe("completed")
    expect(naturalStatus({ ...withStatuses(plan, ["paid", "paid", "paid"]), withdrawalRequestedAt: "t" })).toBe("withdrawn")
  })
})

describe("settleStatus and moveTo", () => {
  it("moves through the transition table with an event", () => {
    const events: LedgerEvent[] = []
    const late = settleStatus(withStatuses(plan, ["paid", "failed", "scheduled"]), events, "test")
    expect(late.status).toBe("late")
    expect(events).toEqual([{ type: "plan.status_changed", data: { from: "active", to: "late", cause: "test" } }])
  })

  it("keeps decisions and overlays", () => {
    const events: LedgerEvent[] = []
    const terminated = { ...withStatuses(plan, ["paid", "paid", "paid"]), status: "terminated" as const }
    expect(settleStatus(terminated, events, "t").status).toBe("terminated")
    const frozen = { ...withStatuses(plan, ["paid", "paid", "paid"]), status: "frozen" as const, statusBeforeFreeze: "active" as const, frozenUntil: "2025-03-01" }
    const settled = settleStatus(frozen, events, "t")
    expect(settled).toMatchObject({ status: "frozen", statusBeforeFreeze: "completed" })
    const pending = { ...plan, status: "pending_start" as const }
    expect(settleStatus(pending, events, "t").status).toBe("pending_start")
    expect(events).toEqual([])
  })

  it("throws on a transition the table does not allow (an engine bug)", () => {
    expect(() => moveTo({ ...plan, status: "cancelled" }, "active", [], "t")).toThrow(/cancelled to active/)
  })

  it("clears the freeze fields when leaving frozen", () => {
    const frozen = { ...plan, status: "frozen" as const, statusBeforeFreeze: "active" as const, frozenUntil: "2025-03-01", frozenSince: "2025-02-01", freezeReason: "x" }
    const back = moveTo(frozen, "active", [], "t")
    expect(back.frozenUntil).toBeUndefined()
    expect(back.statusBeforeFreeze).toBeUndefined()
  })
})
