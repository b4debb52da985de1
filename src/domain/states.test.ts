import { INSTALMENT_STATUSES, PLAN_STATUSES } from "./codes"
import { INSTALMENT_TRANSITIONS, PLAN_TRANSITIONS, assertInstalmentTransition, assertTransition, canTransition, canTransitionInstalment } from "./states"

describe("plan transitions", () => {
  it("covers every status and only names known ones", () => {
    expect(Object.keys(PLAN_TRANSITIONS).sort()).toEqual([...PLAN_STATUSES].sort())
    for (const targets of Object.values(PLAN_TRANSITIONS)) {
      for (const t of targets) expect(PLAN_STATUSES).toContain(t)
    }
  })

  it("allows the documented moves and nothing else", () => {
    expect(canTransition("pending_start", "active")).toBe(true)
    expect(canTransition("active", "late")).toBe(true)
    expect(canTransition("late", "serious_delay")).toBe(true)
    expect(canTransition("serious_delay", "active")).toBe(true)
    expect(canTransition("completed", "cancelled")).toBe(true)
    expect(canTransition("cancelled", "active")).toBe(false)
    expect(canTransition("completed", "active")).toBe(false)
    expect(canTransition("terminated", "active")).toBe(false)
    expect(canTransition("frozen", "terminated")).toBe(false)
    expect(canTransition("pending_start", "late")).toBe(false)
  })

  it("lets any non-cancelled plan be cancelled, and cancelled is final", () => {
    for (const s of PLAN_STATUSES) {
      if (s !== "cancelled") expect(canTransition(s, "cancelled")).toBe(true)
    }
    expect(PLAN_TRANSITIONS.cancelled).toEqual([])
  })

  it("treats staying put as no transition", () => {
    for (const s of PLAN_STATUSES) expect(canTransition(s, s)).toBe(true)
  })

  it("throws on a disallowed transition (an engine bug)", () => {
    expect(() => assertTransition("cancelled", "active")).toThrow(/cancelled to active/)
    expect(() => assertTransition("active", "late")).not.toThrow()
  })
})

describe("instalment transitions", () => {
  it("covers every status", () => {
    expect(Object.keys(INSTALMENT_TRANSITIONS).sort()).toEqual([...INSTALMENT_STATUSES].sort())
  })

  it("makes paid and cancelled final", () => {
    expect(INSTALMENT_TRANSITIONS.paid).toEqual([])
    expect(INSTALMENT_TRANSITIONS.cancelled).toEqual([])
    expect(canTransitionInstalment("scheduled", "paid")).toBe(true)
    expect(canTransitionInstalment("failed", "late")).toBe(true)
    expect(canTransitionInstalment("late", "failed")).toBe(false)
    expect(() => assertInstalmentTransition("paid", "scheduled")).toThrow(/paid to scheduled/)
  })
})
