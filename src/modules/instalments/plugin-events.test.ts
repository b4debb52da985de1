import { money } from "../../domain/money"
import type { RevisionOutcome } from "../../domain/outcome"
import { INSTALMENT_PLAN_EVENTS, pluginEventsForRevision } from "./plugin-events"

function outcome(status: string, events: RevisionOutcome["events"]): RevisionOutcome {
  return { plan: { status } as RevisionOutcome["plan"], movements: [], events }
}

describe("pluginEventsForRevision", () => {
  it("emits nothing for a replay (no outcome) or an outcome without events", () => {
    expect(pluginEventsForRevision("iplan_1", null, "medusa")).toEqual([])
    expect(pluginEventsForRevision("iplan_1", outcome("active", []), "medusa")).toEqual([])
  })

  it("announces every change as updated, with its cause and actor", () => {
    const events = pluginEventsForRevision(
      "iplan_1",
      outcome("active", [{ type: "plan.refund_applied", data: { amount: money(10000, "eur") } }]),
      "admin:user_1",
    )
    expect(events).toEqual([
      {
        name: INSTALMENT_PLAN_EVENTS.updated,
        data: { id: "iplan_1", cause: "plan.refund_applied", event_types: ["plan.refund_applied"], actor: "admin:user_1" },
      },
    ])
  })

  it("adds payment_failed for each declined charge and completed when the plan just completed", () => {
    const failed = pluginEventsForRevision(
      "iplan_1",
      outcome("late", [{ type: "plan.charge_failed", data: { instalments: [2], reason: "insufficient_funds" } }]),
      "system",
    )
    expect(failed.map((e) => e.name)).toEqual([INSTALMENT_PLAN_EVENTS.updated, INSTALMENT_PLAN_EVENTS.paymentFailed])
    expect(failed[1].data).toEqual({ id: "iplan_1", instalment_numbers: [2], reason: "insufficient_funds", attempt: null, failed_at: null })

    const completed = pluginEventsForRevision(
      "iplan_1",
      outcome("completed", [
        { type: "plan.charge_succeeded", data: { instalments: [3] } },
        { type: "plan.status_changed", data: { from: "active", to: "completed" } },
      ]),
      "system",
    )
    expect(completed.map((e) => e.name)).toEqual([INSTALMENT_PLAN_EVENTS.updated, INSTALMENT_PLAN_EVENTS.completed])
  })

  it("says which attempt failed and when, so a handler running late does not read a later count", () => {
    const at = new Date("2027-03-01T10:00:00Z")
    const retried = pluginEventsForRevision(
      "iplan_1",
      outcome("late", [{ type: "plan.charge_failed", data: { instalments: [2], reason: "insufficient_funds", retries: [{ number: 2, attempts: 2, nextRetryOn: "2027-03-03" }], at } }]),
      "system",
    )
    expect(retried[1].data).toMatchObject({ instalment_numbers: [2], attempt: 2, failed_at: "2027-03-01T10:00:00.000Z" })
    // A declined early payment is no attempt of the schedule: its moment tells it apart.
    const early = pluginEventsForRevision(
      "iplan_1",
      outcome("active", [{ type: "plan.charge_failed", data: { instalments: [3], reason: "insufficient_funds", retries: [], earlyPayment: true, at: at.toISOString() } }]),
      "shopper",
    )
    expect(early[1].data).toMatchObject({ attempt: null, failed_at: "2027-03-01T10:00:00.000Z" })
  })

  it("names the change by the plan's version after it, when the caller knows it", () => {
    const events = pluginEventsForRevision("iplan_1", outcome("active", [{ type: "plan.postponed", data: {} }]), "shopper", 7)
    expect(events[0].data).toEqual({ id: "iplan_1", cause: "plan.postponed", event_types: ["plan.postponed"], actor: "shopper", version: 7 })
  })

  it("does not announce completed again for a change on an already completed plan", () => {
    const events = pluginEventsForRevision("iplan_1", outcome("completed", [{ type: "plan.refund_applied", data: {} }]), "medusa")
    expect(events.map((e) => e.name)).toEqual([INSTALMENT_PLAN_EVENTS.updated])
  })
})
