import { newPlan } from "./__tests__/support"
import { checkInvariants } from "./invariants"
import type { PlanSnapshot } from "./plan"

describe("checkInvariants", () => {
  const plan = newPlan("p3x", 25490, "2025-01-15")

  it("accepts a consistent plan", () => {
    expect(checkInvariants(plan)).toEqual([])
  })

  it("names each broken rule", () => {
    const broken = (p: PlanSnapshot) => checkInvariants(p)
    expect(broken({ ...plan, total: 25491 })).toContain("Σ non-cancelled instalment amounts − refundedPrincipal = total − reducedTotal")
    expect(broken({ ...plan, paidTotal: 1 })).toContain("paidTotal = Σ paid instalments' paidAmount + exchangePaid")
    expect(broken({ ...plan, refundedTotal: 9000, refundedPrincipal: 9000 })).toEqual(expect.arrayContaining(["refundedPrincipal ≤ principal paid", "refundedTotal ≤ paidTotal"]))
    expect(broken({ ...plan, refundedTotal: 1 })).toContain("refundedTotal = refundedPrincipal + refundedCustomerFees + refundedLateFees")
    expect(broken({ ...plan, status: "completed" })).toContain("a completed plan has no unpaid instalment")
    expect(broken({ ...plan, status: "late" })).toContain("the late status matches the instalments (active)")
    expect(broken({ ...plan, status: "frozen" })).toContain("a frozen plan records until when and its status before")
    expect(broken({ ...plan, postponementsUsed: 2 })).toContain("postponementsUsed ≤ maxPostponements")
    const zero = { ...plan, instalments: plan.instalments.map((i, k) => (k === 2 ? { ...i, amount: 0 } : i)), total: 25490 - 8496 }
    expect(broken(zero)).toContain("instalment 3: a scheduled instalment is more than 0")
    const negative = { ...plan, instalments: plan.instalments.map((i, k) => (k === 2 ? { ...i, lateFee: -1 } : i)) }
    expect(broken(negative)).toContain("instalment 3: amounts are non-negative safe integers")
  })
})
