/**
 * The engine as the Medusa wiring uses it, through the index alone: a shopper's amount read
 * exactly, the quote, the plan, its collection, a refund, and the bookkeeping rules after each step.
 */
import {
  applyChargeSucceeded,
  applyRefund,
  checkInvariants,
  collectDue,
  createPlan,
  defaultEngineConfig,
  fromMajor,
  money,
  nextDue,
  outstanding,
  quotePlan,
  toMajorString,
  type PlanSnapshot,
  type Result,
  type RevisionContext,
} from "./index"

const config = defaultEngineConfig()
const on = (today: string): RevisionContext => ({ config, today, now: `${today}T10:00:00.000Z` })

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

/** [due date, amount in euros, status] of each instalment. */
const schedule = (plan: PlanSnapshot) => plan.instalments.map((i) => [i.dueDate, toMajorString(money(i.amount, "eur")), i.status])

describe("the domain's public API", () => {
  it("quotes 254.90 € in 3, creates the plan, collects the second instalment and takes a 100 € refund off the rest", () => {
    const amount = ok(fromMajor("254.90", "eur"))
    expect(amount).toEqual(money(25490, "eur"))
    const quote = quotePlan({ config, plan: "p3x", amount, country: "fr", today: "2025-01-15" })

    // The first instalment is charged at checkout.
    let plan = ok(createPlan(quote, { now: "2025-01-15T09:00:00.000Z" })).plan
    expect(schedule(plan)).toEqual([
      ["2025-01-15", "84.98", "paid"],
      ["2025-02-15", "84.96", "scheduled"],
      ["2025-03-15", "84.96", "scheduled"],
    ])
    expect(checkInvariants(plan)).toEqual([])

    // Nothing is due before 15 February; on that day, the second instalment.
    expect(collectDue(plan, "2025-02-14")).toBeNull()
    const charge = collectDue(plan, "2025-02-15")
    expect(charge).toMatchObject({ kind: "charge", amount: money(8496, "eur"), instalments: [2] })
    plan = ok(applyChargeSucceeded(plan, { instalments: charge!.instalments, amount: charge!.amount, at: "2025-02-15T10:00:00.000Z" }, on("2025-02-15"))).plan
    expect(checkInvariants(plan)).toEqual([])
    expect(nextDue(plan)?.dueDate).toBe("2025-03-15")

    // 100 € refunded: 84.96 remain, so 15.04 € go back to the card and the last instalment is cancelled.
    const refunded = ok(applyRefund(plan, { amount: money(10000, "eur") }, on("2025-02-20")))
    expect(refunded.movements).toEqual([expect.objectContaining({ kind: "refund", amount: money(1504, "eur") })])
    expect(schedule(refunded.plan).map(([, , status]) => status)).toEqual(["paid", "paid", "cancelled"])
    expect(outstanding(refunded.plan)).toEqual(money(0, "eur"))
    expect(checkInvariants(refunded.plan)).toEqual([])
  })
})
