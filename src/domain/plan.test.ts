import { eur, expectOk, newPlan } from "./__tests__/support"
import { defaultEngineConfig } from "./config"
import { checkInvariants } from "./invariants"
import { createPlan, netPaid, nextDue, orderTotal, outstanding, outstandingPrincipal } from "./plan"
import { quotePlan } from "./quote"

const config = defaultEngineConfig()

describe("createPlan", () => {
  it("builds a p3x plan with the first instalment paid at checkout", () => {
    const quote = quotePlan({ config, plan: "p3x", amount: eur(25490), country: "fr", today: "2025-01-31" })
    const { plan, movements, events } = expectOk(createPlan(quote, { now: "2025-01-31T09:00:00.000Z" }))
    expect(plan.status).toBe("active")
    expect(plan.orderDate).toBe("2025-01-31")
    expect(plan.instalments.map((i) => [i.dueDate, i.amount, i.status, i.paidAmount])).toEqual([
      ["2025-01-31", 8498, "paid", 8498],
      ["2025-02-28", 8496, "scheduled", 0],
      ["2025-03-31", 8496, "scheduled", 0],
    ])
    expect(plan.paidTotal).toBe(8498)
    expect(outstanding(plan)).toEqual(eur(16992))
    expect(netPaid(plan)).toEqual(eur(8498))
    expect(nextDue(plan)?.number).toBe(2)
    expect(orderTotal(plan)).toEqual(eur(25490))
    expect(movements).toEqual([])
    expect(events.map((e) => e.type)).toEqual(["plan.created", "plan.charge_succeeded"])
    expect(checkInvariants(plan)).toEqual([])
  })

  it("charges the customer fee with the first instalment", () => {
    const cfg = { ...config, plans: { ...config.plans, p3x: { ...config.plans.p3x, fee: { basisPoints: 150, fixedCents: 50 } } } }
    const plan = newPlan("p3x", 25490, "2025-01-15", {}, cfg)
    expect(plan.instalments[0]).toMatchObject({ amount: 8498, customerFee: 432, paidAmount: 8930 })
    expect(plan.paidTotal).toBe(8930)
    expect(plan.customerFeeTotal).toBe(432)
    expect(checkInvariants(plan)).toEqual([])
  })

  it("charges nothing at checkout for d15/d30", () => {
    const plan = newPlan("d30", 25490, "2025-01-15")
    expect(plan.status).toBe("active")
    expect(plan.instalments.map((i) => [i.dueDate, i.status])).toEqual([["2025-02-14", "scheduled"]])
    expect(plan.paidTotal).toBe(0)
    expect(() => newPlan("d15", 25490, "2025-01-15", { firstChargePaid: true })).toThrow(/nothing is charged at checkout/)
  })

  it("waits for the shipment with a deferred start", () => {
    const plan = newPlan("p3x", 25490, "2025-01-15", { deferredStart: true })
    expect(plan.status).toBe("pending_start")
    expect(plan.paidTotal).toBe(0)
    expect(plan.instalments.every((i) => i.status === "scheduled")).toBe(true)
    expect(checkInvariants(plan)).toEqual([])
  })

  it("can leave the first pNx instalment to collection", () => {
    const plan = newPlan("p2x", 10000, "2025-01-15", { firstChargePaid: false })
    expect(plan.instalments[0].status).toBe("scheduled")
    expect(outstandingPrincipal(plan)).toEqual(eur(10000))
  })

  it("recomputes the dates for another order day", () => {
    const quote = quotePlan({ config, plan: "p2x", amount: eur(10000), country: "fr", today: "2025-01-15" })
    const { plan } = expectOk(createPlan(quote, { now: "2025-01-31T09:00:00.000Z", orderDate: "2025-01-31" }))
    expect(plan.instalments.map((i) => i.dueDate)).toEqual(["2025-01-31", "2025-02-28"])
  })

  it("refuses an ineligible quote", () => {
    const quote = quotePlan({ config, plan: "p3x", amount: eur(4999), country: "fr", today: "2025-01-15" })
    const r = createPlan(quote, { now: "2025-01-15T09:00:00.000Z" })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe("plan_not_eligible")
      expect(r.error.details).toEqual({ reasons: ["amount_below_minimum"] })
    }
  })
})
