import { apply, ctxOn, eur, expectErr, newPlan } from "../__tests__/support"
import { applyChargeFailed } from "./charges"
import { collectDueRevision, collectionAttemptKey } from "./collect"
import { freeze } from "./freeze"

// p3x of 254.90 € ordered 2025-01-15: 84.98 paid at checkout, 84.96 due 2025-02-15 and 2025-03-15.
const plan = newPlan("p3x", 25490, "2025-01-15")

describe("collectDueRevision", () => {
  it("asks for the charge of what is due, and records the attempt", () => {
    const outcome = apply(collectDueRevision, plan, {}, ctxOn("2025-02-15"))
    expect(outcome.plan).toBe(plan)
    expect(outcome.movements).toEqual([{ kind: "charge", amount: eur(8496), instalments: [2], purpose: "instalment" }])
    expect(outcome.events).toEqual([
      { type: "plan.collection_attempted", data: { instalments: [2], amount: 8496, attempts: [1], at: "2025-02-15T10:00:00.000Z" } },
    ])
  })

  it("refuses with no_change when nothing is due, or the plan is frozen", () => {
    expectErr(collectDueRevision(plan, {}, ctxOn("2025-02-14")), "no_change")
    const frozen = apply(freeze, plan, { days: 30, reason: "investigation" }, ctxOn("2025-02-01")).plan
    expectErr(collectDueRevision(frozen, {}, ctxOn("2025-02-15")), "no_change")
  })
})

describe("collectionAttemptKey", () => {
  it("is the same for the same attempt and changes with each retry", () => {
    const first = apply(collectDueRevision, plan, {}, ctxOn("2025-02-15"))
    const charge = first.movements[0] as Parameters<typeof collectionAttemptKey>[2]
    expect(collectionAttemptKey("iplan_1", plan, charge)).toBe("collect:iplan_1:2.1")
    expect(collectionAttemptKey("iplan_1", plan, charge)).toBe(collectionAttemptKey("iplan_1", plan, charge))

    const failed = apply(applyChargeFailed, plan, { instalments: [2], at: "2025-02-15T06:00:00.000Z" }, ctxOn("2025-02-15")).plan
    // The retry on 03-15 also takes instalment 3, due that day: 84.96 + 84.96 = 169.92.
    const retry = apply(collectDueRevision, failed, {}, ctxOn("2025-03-15"))
    expect(retry.movements[0]).toMatchObject({ amount: eur(16992), instalments: [2, 3] })
    expect(collectionAttemptKey("iplan_1", failed, retry.movements[0] as typeof charge)).toBe("collect:iplan_1:2.2-3.1")
  })
})
