import { eur, newPlan } from "../__tests__/support"
import { chargeMovement } from "./charge-movement"

describe("chargeMovement", () => {
  it("charges the instalments with their fees", () => {
    const plan = newPlan("p3x", 25490, "2025-01-15", { firstChargePaid: false })
    const withFees = { ...plan, instalments: plan.instalments.map((i, k) => (k === 0 ? { ...i, customerFee: 382, lateFee: 100 } : i)) }
    expect(chargeMovement(withFees, withFees.instalments.slice(0, 2), "instalment")).toEqual({
      kind: "charge",
      amount: eur(8498 + 382 + 100 + 8496),
      instalments: [1, 2],
      purpose: "instalment",
    })
  })
})
