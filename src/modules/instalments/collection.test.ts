import { ctxOn, newPlan } from "../../domain/__tests__/support"
import { freeze } from "../../domain/revisions/freeze"
import { collectionOutcome, dueCharge, emptySummary, mapConcurrently, summarise } from "./collection"

// p3x of 254.90 € ordered 2025-01-15: 84.96 due 2025-02-15 and 2025-03-15.
const plan = newPlan("p3x", 25490, "2025-01-15")

describe("collectionOutcome", () => {
  it("charges an instalment the clock jumped past once before marking it late", () => {
    // 2025-03-05 is 18 days after the 02-15 due date: first the charge (declined), then the delay.
    const result = collectionOutcome("iplan_1", plan, ctxOn("2025-03-05"), { status: "failed", reason: "insufficient_funds" })
    expect(result.outcome.events.map((e) => e.type)).toEqual([
      "plan.collection_attempted",
      "plan.charge_failed",
      "plan.status_changed",
      "plan.serious_delay",
      "plan.status_changed",
    ])
    expect(result.keys).toEqual(new Map([[0, "collect:iplan_1:2.1"]]))
    expect(result.outcome.plan.status).toBe("serious_delay")
    const summary = emptySummary()
    summarise(summary, result)
    expect(summary).toMatchObject({ examined: 1, failed: 1, failedCents: 8496, seriousDelays: 1, charged: 0 })
  })

  it("pays what the charge was for when it succeeded", () => {
    const result = collectionOutcome("iplan_1", plan, ctxOn("2025-02-15"), { status: "succeeded" })
    expect(result.outcome.plan.instalments.map((i) => i.status)).toEqual(["paid", "paid", "scheduled"])
    expect(result.charge).toMatchObject({ key: "collect:iplan_1:2.1", succeeded: true })
  })

  it("makes no charge without an answer (the attempt was made by another run): only freezes and delays", () => {
    const ctx = ctxOn("2025-02-15")
    expect(dueCharge("iplan_1", plan, ctx)?.key).toBe("collect:iplan_1:2.1")
    const result = collectionOutcome("iplan_1", plan, ctx)
    expect(result.charge).toBeUndefined()
    expect(result.outcome.events).toEqual([])
  })

  it("lifts a freeze whose period is over, then collects what is due", () => {
    const frozen = freeze(plan, { days: 20, reason: "check" }, ctxOn("2025-02-01"))
    if (!frozen.ok) throw new Error(frozen.error.message)
    const ctx = ctxOn("2025-02-21")
    expect(dueCharge("iplan_1", frozen.value.plan, ctx)?.key).toBe("collect:iplan_1:2.1")
    const result = collectionOutcome("iplan_1", frozen.value.plan, ctx, { status: "failed", reason: "insufficient_funds" })
    expect(result.outcome.events.map((e) => e.type).slice(0, 3)).toEqual(["plan.unfrozen", "plan.status_changed", "plan.collection_attempted"])
    expect(result.keys).toEqual(new Map([[2, "collect:iplan_1:2.1"]]))
  })
})

describe("mapConcurrently", () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  it("answers in the items' order, whatever order they finish in, with at most `limit` running", async () => {
    let running = 0
    let most = 0
    const answers = await mapConcurrently([30, 5, 20, 1, 10, 2, 15], 3, async (ms) => {
      running++
      most = Math.max(most, running)
      await pause(ms)
      running--
      return ms * 2
    })
    expect(answers).toEqual([60, 10, 40, 2, 20, 4, 30])
    expect(most).toBe(3)
  })

  it("runs nothing for no items, and one at a time for a limit below 1", async () => {
    expect(await mapConcurrently([], 8, async () => 1)).toEqual([])
    let running = 0
    let most = 0
    await mapConcurrently([1, 2, 3], 0, async () => {
      most = Math.max(most, ++running)
      await pause(1)
      running--
    })
    expect(most).toBe(1)
  })
})
