import { newPlan } from "../__tests__/support"
import { reduceUnpaid } from "./reduce"

// 254.90 € in p4x = 63.74 + 63.72 × 3, the first paid.
const plan = newPlan("p4x", 25490)

describe("reduceUnpaid", () => {
  it("spreads what remains evenly, remainder on the first unpaid", () => {
    const r = reduceUnpaid(plan.instalments, 1000, "spread") // 191.16 − 10.00 = 181.16 → 60.40 + 60.38 + 60.38
    expect(r.instalments.map((i) => i.amount)).toEqual([6374, 6040, 6038, 6038])
    expect(r).toMatchObject({ absorbed: 1000, overflow: 0, cancelled: [] })
  })

  it("takes from the tail with last_first", () => {
    const r = reduceUnpaid(plan.instalments, 7000, "last_first")
    expect(r.instalments.map((i) => [i.amount, i.status])).toEqual([
      [6374, "paid"],
      [6372, "scheduled"],
      [5744, "scheduled"],
      [0, "cancelled"],
    ])
    expect(r.cancelled).toEqual([4])
  })

  it("cancels everything unpaid and overflows the rest", () => {
    const r = reduceUnpaid(plan.instalments, 20000, "spread")
    expect(r.instalments.slice(1).every((i) => i.status === "cancelled" && i.amount === 0)).toBe(true)
    expect(r).toMatchObject({ absorbed: 19116, overflow: 884, cancelled: [2, 3, 4] })
  })

  it("leaves paid instalments alone and returns the same objects when nothing changes", () => {
    const r = reduceUnpaid(plan.instalments, 0, "spread")
    r.instalments.forEach((i, k) => expect(i).toBe(plan.instalments[k]))
  })
})
