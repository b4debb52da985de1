import { planActions, type PlanActionId } from "./plan-actions"
import type { AdminInstalmentPlan } from "./types"

/** A p3x plan of 254.90 € with its first instalment paid, as the admin API answers it. */
function plan(overrides: Partial<AdminInstalmentPlan> = {}): AdminInstalmentPlan {
  return {
    id: "iplan_1",
    order_id: "order_1",
    order_display_id: 1,
    payment_id: "pay_1",
    customer_id: "cus_1",
    email: "lea.martin@example.com",
    plan_code: "p3x",
    status: "active",
    currency_code: "eur",
    order_date: "2027-01-31",
    start_date: "2027-01-31",
    total: 254.9,
    order_total: 254.9,
    paid_total: 84.98,
    refunded_total: 0,
    outstanding_total: 169.92,
    customer_fee_total: 0,
    reduced_total: 0,
    next_due_date: "2027-02-28",
    postponements_used: 0,
    max_postponements: 1,
    deferred_start: false,
    frozen_until: null,
    fraud_flagged: false,
    card: { brand: "Visa", last4: "5556", network: "visa", funding: "debit", exp_month: 12, exp_year: 2030 },
    created_at: "2027-01-31T10:00:00.000Z",
    instalments: [
      { number: 1, due_date: "2027-01-31", original_due_date: "2027-01-31", amount: 84.98, customer_fee: 0, late_fee: 0, status: "paid", paid_at: "2027-01-31T10:00:00.000Z", paid_amount: 84.98, attempts: 0, next_retry_on: null },
      { number: 2, due_date: "2027-02-28", original_due_date: "2027-02-28", amount: 84.96, customer_fee: 0, late_fee: 0, status: "scheduled", paid_at: null, paid_amount: 0, attempts: 0, next_retry_on: null },
      { number: 3, due_date: "2027-03-31", original_due_date: "2027-03-31", amount: 84.96, customer_fee: 0, late_fee: 0, status: "scheduled", paid_at: null, paid_amount: 0, attempts: 0, next_retry_on: null },
    ],
    ...overrides,
  }
}

function state(p: AdminInstalmentPlan) {
  return Object.fromEntries(planActions(p).map((a) => [a.id, a.enabled ? "enabled" : a.reason!.key])) as Record<PlanActionId, string>
}

describe("planActions", () => {
  it("allows everything but the late fee and unfreezing on an active plan", () => {
    expect(state(plan())).toEqual({
      refund: "enabled",
      postpone: "enabled",
      late_fee: "reasons.lateFeeOnlySeriousDelay",
      freeze: "enabled",
      unfreeze: "reasons.notFrozen",
      terminate: "enabled",
      flag_fraud: "enabled",
      resend_link: "enabled",
      revoke_links: "enabled",
    })
  })

  it("allows a late fee only in a serious delay", () => {
    expect(state(plan({ status: "serious_delay" })).late_fee).toBe("enabled")
    const late = planActions(plan({ status: "late" })).find((a) => a.id === "late_fee")
    expect(late).toEqual({ id: "late_fee", enabled: false, reason: { key: "reasons.lateFeeOnlySeriousDelay", values: { status: "late" } } })
  })

  it("says a frozen plan must be unfrozen first, and until when", () => {
    const frozen = planActions(plan({ status: "frozen", frozen_until: "2027-03-02" }))
    const reasons = Object.fromEntries(frozen.map((a) => [a.id, a.reason]))
    expect(reasons.postpone).toEqual({ key: "reasons.frozen", values: { until: "2027-03-02" } })
    expect(reasons.terminate).toEqual({ key: "reasons.frozen", values: { until: "2027-03-02" } })
    expect(reasons.freeze).toEqual({ key: "reasons.alreadyFrozen", values: { until: "2027-03-02" } })
    expect(reasons.unfreeze).toBeUndefined()
    expect(reasons.refund).toBeUndefined() // refunds still apply to a frozen plan
  })

  it("stops postponing at the plan's limit and when nothing is upcoming", () => {
    expect(planActions(plan({ postponements_used: 1 })).find((a) => a.id === "postpone")?.reason).toEqual({
      key: "reasons.postponeLimit",
      values: { used: 1, max: 1 },
    })
    const allPaid = plan().instalments.map((i) => ({ ...i, status: "paid" as const }))
    expect(state(plan({ instalments: allPaid })).postpone).toBe("reasons.postponeNothingUpcoming")
  })

  it("refuses refunds on a cancelled plan, without a Medusa payment, or when nothing is left", () => {
    expect(state(plan({ status: "cancelled" })).refund).toBe("reasons.refundCancelled")
    expect(state(plan({ payment_id: null })).refund).toBe("reasons.refundNoPayment")
    expect(state(plan({ order_total: 0 })).refund).toBe("reasons.refundNothingLeft")
  })

  it("closes the shopper's actions on closed plans and needs an e-mail for the link", () => {
    const completed = state(plan({ status: "completed" }))
    expect(completed).toMatchObject({
      postpone: "reasons.notRunning",
      terminate: "reasons.notRunning",
      freeze: "reasons.notCollected",
      resend_link: "reasons.nothingForShopper",
      refund: "enabled",
    })
    expect(state(plan({ email: null })).resend_link).toBe("reasons.noEmail")
    // Revoking links needs neither: a link of a closed plan still shows it.
    expect(state(plan({ status: "completed", email: null })).revoke_links).toBe("enabled")
    expect(state(plan({ fraud_flagged: true })).flag_fraud).toBe("reasons.alreadyFlagged")
    expect(state(plan({ status: "pending_start" })).terminate).toBe("reasons.notStarted")
  })
})
