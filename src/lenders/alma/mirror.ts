/**
 * Alma's payment → our plan, as a mirror: Alma is the lender and collects the instalments, the
 * plugin keeps a copy in its own tables (same columns as a direct plan), so the admin widgets, the
 * self-service JSON and the history show Alma plans like the plugin's own.
 *
 * Pure functions, no Medusa: the caller fetches the payment and writes the columns.
 *
 * How Alma's vocabulary maps to ours:
 *  - payment `in_progress` → plan `active` (`pending_start` while a `deferred: "trigger"` payment
 *    waits for its trigger), `paid` → `completed`, `late_dunning`/`late_contact_customer` → `late`,
 *    `default`/`collection_done` → `serious_delay`, `stopped` → `cancelled`, and `cancelled`
 *    whenever refunds cover the whole purchase.
 *  - instalment `paid` → `paid`, except one a refund wrote off (`purchase_amount` 0, never paid)
 *    → `cancelled`; `pending` → `scheduled`; `incident` → `failed`; `claimed`/`covered` → `late`.
 *  - a refund is split by Alma into `rebate_amount` (unpaid instalments lowered) and
 *    `payment_refund_amount` (money back): the order total goes down by the refund, only the
 *    second part counts as refunded to the card.
 */
import { toLocalDate, type LocalDate } from "../../domain/calendar"
import { chargesAtCheckout } from "../../domain/catalogue"
import type { EligibilityReasonCode, InstalmentStatus, PlanCode, PlanStatus } from "../../domain/codes"
import { money } from "../../domain/money"
import type { InstalmentSnapshot, PlanSnapshot } from "../../domain/plan"
import type { Quote } from "../../domain/quote"
import { snapshotToInstalmentColumns, snapshotToPlanColumns } from "../../modules/instalments/mapping"
import { planCodeOf } from "./plans"
import type { AlmaPayment, EligibilityItem, PaymentInstalment, Refund } from "./schemas"

/** Every official Alma plugin treats a payment as accepted (the order is paid) only in these states. */
export const ACCEPTED_STATES = ["in_progress", "paid"] as const

export function isAccepted(payment: AlmaPayment): boolean {
  return (ACCEPTED_STATES as readonly string[]).includes(payment.state)
}

/** Refused by Alma's scoring, or expired before the shopper finished. */
export function isRefused(payment: AlmaPayment): boolean {
  return payment.state === "scored_no" || (!isAccepted(payment) && payment.expired_at != null)
}

/** A `deferred: "trigger"` payment Alma has accepted but not started yet (nothing taken). */
export function awaitsTrigger(payment: AlmaPayment): boolean {
  return payment.deferred_trigger === true && !payment.deferred_trigger_applied
}

export function planCodeOfPayment(payment: AlmaPayment): PlanCode {
  const code = planCodeOf(payment)
  if (!code) {
    throw new Error(
      `Alma payment ${payment.id} is a ${payment.installments_count}x plan deferred ${payment.deferred_days} days/${payment.deferred_months} months: the plugin offers only ${["p2x", "p3x", "p4x", "d15", "d30"].join(", ")}`,
    )
  }
  return code
}

const unixToIso = (seconds: number) => new Date(seconds * 1000).toISOString()
const unixToDay = (seconds: number, timeZone: string): LocalDate => toLocalDate(new Date(seconds * 1000), timeZone)

/** What the shopper pays for an instalment: Alma's `total_amount`, else principal + fee + interest. */
function instalmentTotal(i: PaymentInstalment): number {
  return i.total_amount ?? i.purchase_amount + i.customer_fee + i.customer_interest
}

/** Money back to the shopper for a refund: Alma's split when given, else the whole refund. */
export function cashRefunded(refund: Refund): number {
  if (refund.payment_refund_amount !== undefined) return refund.payment_refund_amount
  if (refund.rebate_amount !== undefined) return Math.max(0, refund.amount - refund.rebate_amount)
  return refund.amount
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0)
}

/** Refunds cover the whole purchase: nothing is owed any more and everything paid went back. */
export function fullyRefunded(payment: AlmaPayment): boolean {
  return payment.refunds.length > 0 && sum(payment.refunds.map((r) => r.amount)) >= payment.purchase_amount
}

export function planStatusOf(payment: AlmaPayment): PlanStatus {
  if (fullyRefunded(payment)) return "cancelled"
  switch (payment.state) {
    case "paid":
      return "completed"
    case "late_dunning":
    case "late_contact_customer":
    case "late":
      return "late"
    case "default":
    case "collection_done":
      return "serious_delay"
    case "stopped":
      return "cancelled"
    default:
      return awaitsTrigger(payment) ? "pending_start" : "active"
  }
}

function instalmentStatusOf(i: PaymentInstalment, planStatus: PlanStatus): InstalmentStatus {
  const writtenOff = i.purchase_amount === 0 && !i.date_paid
  switch (i.state) {
    case "paid":
      return writtenOff ? "cancelled" : "paid"
    case "incident":
      return "failed"
    case "claimed":
    case "covered":
      return "late"
    default:
      return planStatus === "cancelled" || writtenOff ? "cancelled" : "scheduled"
  }
}

/** The plan as the engine sees it, from Alma's payment. */
export function almaSnapshot(payment: AlmaPayment, timeZone: string, now: Date): PlanSnapshot {
  const status = planStatusOf(payment)
  const createdAt = payment.created ? unixToIso(payment.created) : now.toISOString()
  const orderDate = toLocalDate(createdAt, timeZone)
  const instalments: InstalmentSnapshot[] = payment.payment_plan.map((i, index) => {
    const state = instalmentStatusOf(i, status)
    const paid = state === "paid"
    const dueDate = unixToDay(i.due_date, timeZone)
    return {
      number: index + 1,
      dueDate,
      originalDueDate: dueDate,
      amount: i.purchase_amount,
      customerFee: i.customer_fee + i.customer_interest,
      lateFee: 0,
      status: state,
      paidAt: paid && i.date_paid ? unixToIso(i.date_paid) : undefined,
      paidAmount: paid ? instalmentTotal(i) : 0,
      attempts: state === "failed" || state === "late" ? 1 : 0,
    }
  })
  const paidTotal = sum(instalments.map((i) => i.paidAmount))
  const refundedTotal = sum(payment.refunds.map(cashRefunded))
  const paidPrincipal = sum(instalments.filter((i) => i.status === "paid").map((i) => i.amount))
  const refundedPrincipal = Math.min(refundedTotal, paidPrincipal)
  return {
    code: planCodeOfPayment(payment),
    currency: "eur",
    status,
    orderDate,
    startDate: payment.deferred_trigger_applied
      ? unixToDay(payment.deferred_trigger_applied, timeZone)
      : awaitsTrigger(payment)
        ? undefined
        : orderDate,
    createdAt,
    total: payment.purchase_amount,
    customerFeeTotal: sum(payment.payment_plan.map((i) => i.customer_fee + i.customer_interest)),
    instalments,
    paidTotal,
    refundedTotal,
    refundedPrincipal,
    refundedCustomerFees: refundedTotal - refundedPrincipal,
    refundedLateFees: 0,
    reducedTotal: Math.min(sum(payment.refunds.map((r) => r.amount)), payment.purchase_amount),
    exchangePaid: 0,
    exchangePending: 0,
    postponementsUsed: 0,
    // The shopper postpones on Alma's pages, not through the plugin.
    maxPostponements: 0,
    fraudFlagged: false,
  }
}

/**
 * What Alma's copy says about the payment, kept in the plan's `metadata.alma`. `readAt`: when the
 * read of Alma began (real time), so an older read never overwrites a newer one (sync.ts).
 */
export function almaMetadata(payment: AlmaPayment, now: Date, readAt?: Date) {
  return {
    payment_id: payment.id,
    state: payment.state,
    url: payment.url ?? null,
    kind: payment.kind ?? null,
    deferred_trigger: payment.deferred_trigger ?? false,
    deferred_trigger_applied: payment.deferred_trigger_applied ? unixToIso(payment.deferred_trigger_applied) : null,
    refunds: payment.refunds.map((r) => ({
      id: r.id,
      amount: r.amount,
      refunded_to_card: cashRefunded(r),
      rebate: r.rebate_amount ?? null,
      merchant_reference: r.merchant_reference ?? null,
    })),
    synced_at: now.toISOString(),
    read_at: readAt?.toISOString() ?? null,
  }
}

/** Columns the mirror owns. Admin measures (fraud flag, freeze) and the Medusa links stay as they are. */
export function mirrorColumns(payment: AlmaPayment, timeZone: string, now: Date) {
  const snapshot = almaSnapshot(payment, timeZone, now)
  const {
    fraud_flagged: _fraud,
    fraud_reason: _fraudReason,
    frozen_since: _frozenSince,
    frozen_until: _frozenUntil,
    status_before_freeze: _before,
    freeze_reason: _freezeReason,
    withdrawal_requested_at: _withdrawal,
    postponements_used: _used,
    ...plan
  } = snapshotToPlanColumns(snapshot)
  return {
    snapshot,
    plan: {
      ...plan,
      deferred_start: payment.deferred_trigger === true,
      processor: "alma",
      credit_reference: payment.id,
    },
    instalments: snapshot.instalments.map(snapshotToInstalmentColumns),
  }
}

export type MirrorColumns = ReturnType<typeof mirrorColumns>

/** A schedule in the history's plain JSON. */
export function scheduleOf(instalments: readonly { number: number; due_date: string; amount_cents: number; customer_fee_cents: number; status: string }[]) {
  return instalments.map((i) => ({ number: i.number, dueDate: i.due_date, amount: i.amount_cents, customerFee: i.customer_fee_cents, status: i.status }))
}

// ---- eligibility → quote ----------------------------------------------------------------------

/** Our reason codes for an ineligible Alma answer. */
export function eligibilityReasons(item: EligibilityItem, amountCents: number): EligibilityReasonCode[] {
  if (item.eligible) return []
  const reasons: EligibilityReasonCode[] = []
  for (const field of Object.keys(item.reasons ?? {})) {
    if (field === "purchase_amount") {
      const bounds = item.constraints?.purchase_amount
      if (bounds?.maximum !== undefined && amountCents > bounds.maximum) reasons.push("amount_above_maximum")
      else reasons.push("amount_below_minimum")
    } else if (/country|address/.test(field)) {
      reasons.push("country_not_supported")
    } else {
      reasons.push("plan_not_offered")
    }
  }
  return reasons.length ? [...new Set(reasons)] : ["plan_not_offered"]
}

/** Alma's eligibility answer for a plan as the engine's Quote, so the storefront gets the same view (labels, lines, warning). */
export function quoteFromEligibility(input: {
  plan: PlanCode
  item: EligibilityItem
  amountCents: number
  currency: string
  today: LocalDate
  timeZone: string
}): Quote {
  const { plan, item, currency } = input
  const m = (cents: number) => money(cents, currency)
  const schedule = item.eligible ? item.payment_plan ?? [] : []
  const instalments = schedule.map((i, index) => ({
    number: index + 1,
    dueDate: unixToDay(i.due_date, input.timeZone),
    amount: m(i.purchase_amount),
    customerFee: m(i.customer_fee + i.customer_interest),
  }))
  const fees = sum(schedule.map((i) => i.customer_fee + i.customer_interest))
  const first = schedule[0]?.purchase_amount ?? 0
  const reasons = eligibilityReasons(item, input.amountCents)
  return {
    plan,
    currency,
    quotedOn: input.today,
    total: m(input.amountCents),
    customerFeeTotal: m(fees),
    totalWithFees: m(input.amountCents + fees),
    credit: m(chargesAtCheckout(plan) ? input.amountCents - first : input.amountCents),
    instalments,
    eligibility: reasons.length ? { eligible: false, reasons } : { eligible: true },
    maxPostponements: 0,
  }
}
