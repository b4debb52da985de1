import fs from "node:fs"
import path from "node:path"
import { fullRefundAnswer } from "../../../test-support/alma-fixtures/payments"
import { almaSnapshot, eligibilityReasons, mirrorColumns, planStatusOf, quoteFromEligibility } from "./mirror"
import { EligibilityResponseSchema, PaymentSchema, type AlmaPayment } from "./schemas"

const NOW = new Date("2022-04-12T10:00:00Z")
const fixture = (name: string) =>
  EligibilityResponseSchema.parse(JSON.parse(fs.readFileSync(path.join(__dirname, "../../../test-support/alma-fixtures", name), "utf8")))

/** Alma's full-refund answer (fixtures §2.1) completed with the payment's own fields. */
function fullyRefunded(): AlmaPayment {
  return PaymentSchema.parse({
    id: "payment_full_refund",
    state: "paid",
    purchase_amount: 35199,
    installments_count: 3,
    created: 1649672400,
    ...fullRefundAnswer,
  })
}

function inProgress(overrides: Record<string, unknown> = {}): AlmaPayment {
  const plan = fullRefundAnswer.payment_plan.map((i, index) => ({
    ...i,
    purchase_amount: 11733,
    state: index === 0 ? "paid" : "pending",
    date_paid: index === 0 ? 1649672472 : null,
  }))
  return PaymentSchema.parse({ id: "payment_1", state: "in_progress", purchase_amount: 35199, installments_count: 3, created: 1649672400, payment_plan: plan, ...overrides })
}

describe("Alma payment → plan mirror", () => {
  it("mirrors a running 3x payment: first instalment paid with its fee, two scheduled a month apart", () => {
    const snapshot = almaSnapshot(inProgress(), "Europe/Paris", NOW)
    expect(snapshot).toMatchObject({ code: "p3x", status: "active", total: 35199, customerFeeTotal: 100, paidTotal: 11833, refundedTotal: 0, reducedTotal: 0 })
    expect(snapshot.instalments.map((i) => [i.number, i.dueDate, i.amount, i.customerFee, i.status, i.paidAmount])).toEqual([
      [1, "2022-04-11", 11733, 100, "paid", 11833],
      [2, "2022-05-11", 11733, 0, "scheduled", 0],
      [3, "2022-06-11", 11733, 0, "scheduled", 0],
    ])
    const { plan } = mirrorColumns(inProgress(), "Europe/Paris", NOW)
    expect(plan).toMatchObject({ outstanding_cents: 23466, next_due_date: "2022-05-11", processor: "alma", credit_reference: "payment_1", deferred_start: false })
    expect(plan).not.toHaveProperty("fraud_flagged")
  })

  it("mirrors Alma's full refund: the unpaid instalments written off, 118.33 € back to the card, the plan cancelled", () => {
    const snapshot = almaSnapshot(fullyRefunded(), "Europe/Paris", NOW)
    expect(snapshot).toMatchObject({ status: "cancelled", paidTotal: 11833, refundedTotal: 11833, refundedPrincipal: 11733, refundedCustomerFees: 100, reducedTotal: 35199 })
    expect(snapshot.instalments.map((i) => [i.amount, i.status])).toEqual([
      [11733, "paid"],
      [0, "cancelled"],
      [0, "cancelled"],
    ])
  })

  it.each([
    ["in_progress", {}, "active"],
    ["in_progress", { deferred_trigger: true, deferred_trigger_applied: null }, "pending_start"],
    ["in_progress", { deferred_trigger: true, deferred_trigger_applied: 1649700000 }, "active"],
    ["paid", {}, "completed"],
    ["late_dunning", {}, "late"],
    ["late_contact_customer", {}, "late"],
    ["default", {}, "serious_delay"],
    ["stopped", {}, "cancelled"],
  ])("maps Alma's state %s %j to %s", (state, extra, expected) => {
    expect(planStatusOf(inProgress({ state, ...extra }))).toBe(expected)
  })

  it("refuses to mirror a plan the plugin does not offer (10x credit)", () => {
    expect(() => almaSnapshot(inProgress({ installments_count: 10 }), "Europe/Paris", NOW)).toThrow("10x")
  })

  it("reads Alma's eligibility answers as quotes with our reason codes", () => {
    const [, p3x] = fixture("eligibility-v2-eligible-2x-3x-4x.widgets.json")
    const quote = quoteFromEligibility({ plan: "p3x", item: p3x, amountCents: 45000, currency: "eur", today: "2021-12-01", timeZone: "Europe/Paris" })
    expect(quote.eligibility).toEqual({ eligible: true })
    expect(quote.customerFeeTotal.cents).toBe(135)
    expect(quote.credit.cents).toBe(30000)
    expect(quote.instalments.map((i) => [i.dueDate, i.amount.cents, i.customerFee.cents])).toEqual([
      ["2021-12-01", 15000, 135],
      ["2022-01-01", 15000, 0],
      ["2022-02-01", 15000, 0],
    ])
    const [below] = fixture("eligibility-v2-ineligible-amount-2x-3x-4x.widgets.json")
    expect(eligibilityReasons(below, 45000)).toEqual(["amount_below_minimum"])
    const [, , p4x] = fixture("eligibility-v2-mixed-1x-d30-and-2x-eligible-4x-10x-ineligible.widgets.json")
    expect(eligibilityReasons(p4x, 45000)).toEqual(["amount_above_maximum"])
    expect(eligibilityReasons({ ...p4x, reasons: { installments_count: "not_allowed" }, constraints: undefined }, 45000)).toEqual(["plan_not_offered"])
  })
})
