import { fullRefundAnswer } from "../../../test-support/alma-fixtures/payments"
import type { PlanRow } from "../../modules/instalments/mapping"
import type { LenderDecided } from "../../modules/instalments/operations/records"
import { almaOperationKey, doneAtAlma } from "./operations"
import { PaymentSchema, type AlmaPayment } from "./schemas"
import { createWrite, refreshWrite } from "./sync"

const NOW = new Date("2022-04-12T10:00:00Z")

function payment(overrides: Record<string, unknown> = {}): AlmaPayment {
  const plan = fullRefundAnswer.payment_plan.map((i, index) => ({
    ...i,
    purchase_amount: 11733,
    state: index === 0 ? "paid" : "pending",
    date_paid: index === 0 ? 1649672472 : null,
  }))
  return PaymentSchema.parse({ id: "payment_1", state: "in_progress", purchase_amount: 35199, installments_count: 3, created: 1649672400, payment_plan: plan, refunds: [], ...overrides })
}

const decided = (action: string, more: Partial<LenderDecided> = {}): LenderDecided => ({ kind: "lender", lender: "alma", action, paymentId: "payment_1", sessionId: "payses_1", ...more })

/** The mirror as written from `read`, read at `readAt`. */
function mirrorOf(read: AlmaPayment, readAt: Date): PlanRow {
  const write = createWrite(read, {}, "Europe/Paris", NOW, readAt)
  return { id: "iplan_1", ...write.plan, instalments: write.instalments } as unknown as PlanRow
}

describe("Alma operations: keys", () => {
  it("keys a refund by Medusa's refund id, never by its amount: two refunds of 10 € are two operations", () => {
    const first = almaOperationKey({ action: "refund", sessionId: "s", paymentId: "payment_1", reference: "ref_A", amount: 1000, currency: "eur" })
    const second = almaOperationKey({ action: "refund", sessionId: "s", paymentId: "payment_1", reference: "ref_B", amount: 1000, currency: "eur" })
    expect([first, second]).toEqual(["alma-refund:ref_A", "alma-refund:ref_B"])
  })

  it("keys a trigger and a cancellation by the payment: each happens once per payment", () => {
    expect(almaOperationKey({ action: "trigger", sessionId: "s", paymentId: "payment_1", captureId: "capt_1" })).toBe("alma-trigger:payment_1")
    expect(almaOperationKey({ action: "trigger", sessionId: "s", paymentId: "payment_1", captureId: "capt_2" })).toBe("alma-trigger:payment_1")
    expect(almaOperationKey({ action: "cancel", sessionId: "s", paymentId: "payment_1" })).toBe("alma-cancel:payment_1")
  })
})

describe("Alma operations: done at Alma, from Alma's own records", () => {
  const refund = (reference: string | null) => ({ id: "refund_1", created: 1649672500, amount: 1000, merchant_reference: reference, payment: "payment_1" })

  it("a refund is done when its merchant_reference is among the payment's refunds, whatever their amounts", () => {
    const refundA = decided("refund", { reference: "ref_A", amount: 1000 })
    expect(doneAtAlma(refundA, payment())).toBe(false)
    expect(doneAtAlma(refundA, payment({ refunds: [refund("ref_B")] }))).toBe(false)
    expect(doneAtAlma(refundA, payment({ refunds: [refund(null)] }))).toBe(false)
    expect(doneAtAlma(refundA, payment({ refunds: [refund("ref_B"), refund("ref_A")] }))).toBe(true)
  })

  it("a trigger is done once the payment no longer awaits it; a cancellation once the payment is stopped", () => {
    expect(doneAtAlma(decided("trigger"), payment({ deferred_trigger: true, deferred_trigger_applied: null }))).toBe(false)
    expect(doneAtAlma(decided("trigger"), payment({ deferred_trigger: true, deferred_trigger_applied: 1649672600 }))).toBe(true)
    expect(doneAtAlma(decided("cancel"), payment({ state: "in_progress" }))).toBe(false)
    expect(doneAtAlma(decided("cancel"), payment({ state: "stopped" }))).toBe(true)
  })
})

describe("Alma mirror: reads made before the lock, written in either order", () => {
  const earlier = new Date("2022-04-12T10:00:00.000Z")
  const later = new Date("2022-04-12T10:00:05.000Z")
  const collected = () => payment({ payment_plan: payment().payment_plan.map((i, index) => ({ ...i, state: index < 2 ? "paid" : "pending", date_paid: index < 2 ? 1649672472 : null })) })

  it("an older read does not take a newer mirror back; its own events are still written", () => {
    const current = mirrorOf(collected(), later)
    const event = { type: "alma.refund", data: { refundId: "ref_A" } }
    expect(refreshWrite(current, payment(), { cause: "sync", timeZone: "Europe/Paris", now: NOW, readAt: earlier })).toBeNull()
    expect(refreshWrite(current, payment(), { cause: "refund", timeZone: "Europe/Paris", now: NOW, readAt: earlier, extraEvents: [event] })).toEqual({
      plan: {},
      instalments: [],
      events: [event],
    })
  })

  it("a newer read refreshes the mirror and records when it was read", () => {
    const current = mirrorOf(payment(), earlier)
    const write = refreshWrite(current, collected(), { cause: "sync", timeZone: "Europe/Paris", now: NOW, readAt: later })
    expect(write?.instalments.map((i) => i.status)).toEqual(["paid", "paid", "scheduled"])
    expect((write?.plan.metadata as { alma: { read_at: string } }).alma.read_at).toBe(later.toISOString())
  })
})
