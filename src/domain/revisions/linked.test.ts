import type { LinkEvidence } from "../linked-plans"
import { apply, ctxOn, expectErr, newPlan } from "../__tests__/support"
import { applyChargeFailed, applyChargeSucceeded } from "./charges"
import { evaluateDelays } from "./delays"
import { collectFromLinkedCard, freezeLinked } from "./linked"

const ctx = ctxOn("2025-01-20")
const plan = newPlan("p3x", 25490, "2025-01-15")
const byCard: LinkEvidence = { planId: "iplan_flagged", orderId: "order_1", reasons: ["card"] }
const byEmail: LinkEvidence = { planId: "iplan_other", orderId: "order_2", reasons: ["email"] }

// Instalment 2 (due 2025-02-15) failed, and is more than 15 days late on 2025-03-03.
const failed = apply(applyChargeFailed, plan, { instalments: [2], at: "2025-02-15T06:00:00.000Z" }, ctxOn("2025-02-15")).plan
const serious = apply(evaluateDelays, failed, {}, ctxOn("2025-03-03")).plan
const later = ctxOn("2025-03-05")

describe("freezeLinked", () => {
  it("freezes with the rules of freeze, the link first in the history", () => {
    const { plan: frozen, events } = apply(freezeLinked, plan, { days: 30, reason: "card used in fraud", flagged: byCard }, ctx)
    expect(frozen).toMatchObject({ status: "frozen", frozenUntil: "2025-02-19", freezeReason: "card used in fraud" })
    expect(events.map((e) => e.type)).toEqual(["plan.linked_plan_measure", "plan.frozen", "plan.status_changed"])
    expect(events[0].data).toMatchObject({ measure: "freeze", linkedPlanId: "iplan_flagged", linkedOrderId: "order_1", reasons: ["card"] })
  })

  it("refuses what freeze refuses, and a plan with no link", () => {
    const frozen = apply(freezeLinked, plan, { days: 30, reason: "x", flagged: byCard }, ctx).plan
    expectErr(freezeLinked(frozen, { days: 30, reason: "x", flagged: byCard }, ctx), "plan_already_frozen")
    expectErr(freezeLinked(plan, { days: 181, reason: "x", flagged: byCard }, ctx), "freeze_too_long")
    expectErr(freezeLinked(plan, { days: 30, reason: " ", flagged: byCard }, ctx), "reason_required")
    expectErr(freezeLinked(plan, { days: 30, reason: "x", flagged: { ...byCard, reasons: [] } }, ctx), "not_linked")
  })
})

describe("collectFromLinkedCard", () => {
  it("asks for every overdue instalment, with the link as evidence", () => {
    const { movements, events } = apply(collectFromLinkedCard, serious, { linked: byEmail }, later)
    expect(movements).toEqual([{ kind: "charge", amount: { cents: 8496, currency: "eur" }, instalments: [2], purpose: "linked_card" }])
    expect(events[0]).toMatchObject({ type: "plan.linked_plan_measure", data: { measure: "collect_from_linked_card", linkedPlanId: "iplan_other", reasons: ["email"], instalments: [2], amount: 8496 } })
  })

  it("brings the plan back once the linked card paid", () => {
    const outcome = apply(collectFromLinkedCard, serious, { linked: byEmail, instalmentNumber: 2 }, later)
    const paid = apply(applyChargeSucceeded, outcome.plan, { instalments: [2], amount: outcome.movements[0].amount, at: later.now }, later).plan
    expect(paid.status).toBe("active")
  })

  it("only on a plan in serious delay, only for the same shopper, only overdue instalments", () => {
    expectErr(collectFromLinkedCard(plan, { linked: byEmail }, ctx), "plan_not_active")
    expect(expectErr(collectFromLinkedCard(serious, { linked: byCard }, later), "link_not_same_shopper")).toMatch(/e-mail or phone/)
    expect(expectErr(collectFromLinkedCard(serious, { linked: byEmail, instalmentNumber: 3 }, later), "instalment_not_overdue")).toMatch(/choose one of 2/)
  })
})
