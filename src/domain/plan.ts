/**
 * A plan as data: the snapshot every revision reads and returns revised (never mutated).
 *
 * All amounts in a snapshot are integer cents in `plan.currency` (plain numbers keep the snapshot
 * small and JSON-ready; the revisions' inputs and movements use `Money`).
 *
 * Bookkeeping, in one place (checked by `checkInvariants`):
 *  - `total` is the original order total and never changes. What the order totals NOW is
 *    `orderTotal(plan)` = total + exchangePaid − reducedTotal.
 *  - An instalment's `amount` is its share of the order total (principal); fees are separate
 *    (`customerFee`, `lateFee`). A paid instalment is never changed again.
 *  - `paidTotal` is everything charged to the shopper (instalments with their fees, and dearer
 *    exchange differences); `refundedTotal` everything refunded to the card, split into
 *    `refundedPrincipal`, `refundedCustomerFees` and `refundedLateFees`.
 *  - Σ non-cancelled instalment amounts − refundedPrincipal = total − reducedTotal
 *    (reductions come off unpaid instalments first; what they cannot absorb goes back to the card).
 */
import { type LocalDate } from "./calendar"
import { chargesAtCheckout, scheduleDueDates } from "./catalogue"
import type { InstalmentStatus, PlanCode, PlanStatus } from "./codes"
import { money, type Money } from "./money"
import type { LedgerEvent, RevisionOutcome } from "./outcome"
import type { Quote } from "./quote"
import { err, ok, type Result } from "./result"

export interface InstalmentSnapshot {
  /** 1-based position in the schedule. */
  readonly number: number
  /** When it is due now (after postponement, withdrawal or termination). */
  readonly dueDate: LocalDate
  /** When it was due in the schedule the shopper accepted. */
  readonly originalDueDate: LocalDate
  /** Share of the order total, cents. > 0 unless cancelled. */
  readonly amount: number
  /** Customer fee charged with this instalment, cents. */
  readonly customerFee: number
  /** Late fee applied to this instalment (serious delay), cents. */
  readonly lateFee: number
  readonly status: InstalmentStatus
  /** When it was paid (ISO instant). */
  readonly paidAt?: string
  /** Cents actually charged for it, fees included (0 until paid). */
  readonly paidAmount: number
  /** Failed collection attempts since it fell due; drives the retry schedule. */
  readonly attempts: number
  /** Next automatic retry after a failure; absent when none is planned. */
  readonly nextRetryOn?: LocalDate
}

export interface PlanSnapshot {
  readonly code: PlanCode
  readonly currency: string
  readonly status: PlanStatus
  readonly orderDate: LocalDate
  /** Day the schedule runs from: the order day, or the shipment day with a deferred start. */
  readonly startDate?: LocalDate
  readonly createdAt: string
  /** Original order total, cents, fees excluded. */
  readonly total: number
  /** Customer fees as quoted, cents. */
  readonly customerFeeTotal: number
  readonly instalments: readonly InstalmentSnapshot[]
  /** Everything charged, fees and exchange differences included, cents. */
  readonly paidTotal: number
  /** Everything refunded to the card, cents (= the three refunded* parts). */
  readonly refundedTotal: number
  readonly refundedPrincipal: number
  readonly refundedCustomerFees: number
  readonly refundedLateFees: number
  /** Sum of the reductions of the order total (refunds after returns, cheaper exchanges, cancellation), cents. */
  readonly reducedTotal: number
  /** Dearer exchanges: differences paid (part of the order total) and still awaited, cents. */
  readonly exchangePaid: number
  readonly exchangePending: number
  readonly postponementsUsed: number
  readonly maxPostponements: number
  /** Set when the shopper withdrew: the plan becomes `withdrawn` once everything is paid. */
  readonly withdrawalRequestedAt?: string
  /** Freeze: collection suspended from `frozenSince` until `frozenUntil` (the day it resumes). */
  readonly frozenSince?: LocalDate
  readonly frozenUntil?: LocalDate
  readonly statusBeforeFreeze?: PlanStatus
  readonly freezeReason?: string
  readonly fraudFlagged: boolean
  readonly fraudReason?: string
}

// ---- derived figures -------------------------------------------------------------------------

/** Still to be paid: scheduled, failed or late (not paid, not cancelled). */
export function isUnpaid(instalment: InstalmentSnapshot): boolean {
  const s = instalment.status
  return s === "scheduled" || s === "failed" || s === "late"
}

export function unpaidInstalments(plan: PlanSnapshot): InstalmentSnapshot[] {
  return plan.instalments.filter(isUnpaid)
}

/** What charging an instalment costs the shopper: its amount and its fees, cents. */
export function amountDue(instalment: InstalmentSnapshot): number {
  return instalment.amount + instalment.customerFee + instalment.lateFee
}

function sumCents(list: readonly InstalmentSnapshot[], pick: (i: InstalmentSnapshot) => number): number {
  let total = 0
  for (const i of list) total += pick(i)
  return total
}

/** What remains to pay, fees included. */
export function outstanding(plan: PlanSnapshot): Money {
  return money(sumCents(unpaidInstalments(plan), amountDue), plan.currency)
}

/** What remains to pay of the order total (fees excluded). */
export function outstandingPrincipal(plan: PlanSnapshot): Money {
  return money(sumCents(unpaidInstalments(plan), (i) => i.amount), plan.currency)
}

/** What the shopper is out of pocket: paid − refunded. */
export function netPaid(plan: PlanSnapshot): Money {
  return money(plan.paidTotal - plan.refundedTotal, plan.currency)
}

/** What the order totals now: original total + dearer exchanges paid − reductions. */
export function orderTotal(plan: PlanSnapshot): Money {
  return money(plan.total + plan.exchangePaid - plan.reducedTotal, plan.currency)
}

/** Principal the shopper has paid: paid instalment amounts and exchange differences (before refunds). */
export function paidPrincipal(plan: PlanSnapshot): number {
  return sumCents(plan.instalments.filter((i) => i.status === "paid"), (i) => i.amount) + plan.exchangePaid
}

/** Customer fees and late fees paid (before refunds). */
export function paidFees(plan: PlanSnapshot): { customerFees: number; lateFees: number } {
  const paid = plan.instalments.filter((i) => i.status === "paid")
  return { customerFees: sumCents(paid, (i) => i.customerFee), lateFees: sumCents(paid, (i) => i.lateFee) }
}

/** The next instalment to pay: the unpaid one with the earliest due date (overdue ones first). */
export function nextDue(plan: PlanSnapshot): InstalmentSnapshot | undefined {
  let next: InstalmentSnapshot | undefined
  for (const i of plan.instalments) {
    if (isUnpaid(i) && (next === undefined || i.dueDate < next.dueDate)) next = i
  }
  return next
}

/** Closed plans: nothing will be collected any more (refunds and cancellation may still apply). */
export function isClosed(plan: PlanSnapshot): boolean {
  return plan.status === "completed" || plan.status === "cancelled" || plan.status === "withdrawn"
}

// ---- creation -------------------------------------------------------------------------------

export interface CreatePlanOptions {
  /** The order day; defaults to the day the quote was computed. Another day recomputes the due dates. */
  readonly orderDate?: LocalDate
  /** Now, as an ISO instant (creation time, and paidAt of a first instalment paid at checkout). */
  readonly now: string
  /** The plan starts when the merchant ships: nothing charged now, status `pending_start`. */
  readonly deferredStart?: boolean
  /**
   * pNx only: the first instalment was charged at checkout (default true without a deferred
   * start). False leaves it scheduled for today, for `collectDue` to charge.
   */
  readonly firstChargePaid?: boolean
}

/** Event data describing a schedule (cents and days only: the history must stay plain JSON). */
export function scheduleData(instalments: readonly InstalmentSnapshot[]): Record<string, unknown>[] {
  return instalments.map((i) => ({ number: i.number, dueDate: i.dueDate, amount: i.amount, customerFee: i.customerFee, status: i.status }))
}

/**
 * Builds the plan from an eligible quote, once the shopper accepted it (and, for pNx, once the
 * first instalment was charged at checkout).
 */
export function createPlan(quote: Quote, options: CreatePlanOptions): Result<RevisionOutcome> {
  if (!quote.eligibility.eligible) {
    return err("plan_not_eligible", `The ${quote.plan} quote is not eligible (${quote.eligibility.reasons.join(", ")}): offer another plan instead of creating this one.`, {
      reasons: quote.eligibility.reasons,
    })
  }
  const deferredStart = options.deferredStart === true
  const chargedNow = chargesAtCheckout(quote.plan) && !deferredStart
  const firstPaid = options.firstChargePaid ?? chargedNow
  if (firstPaid && !chargedNow) {
    throw new Error(`createPlan: nothing is charged at checkout for ${quote.plan}${deferredStart ? " with a deferred start" : ""}; firstChargePaid cannot be true`)
  }
  const orderDate = options.orderDate ?? quote.quotedOn
  const dates = orderDate === quote.quotedOn ? quote.instalments.map((i) => i.dueDate) : scheduleDueDates(quote.plan, orderDate)

  const instalments: InstalmentSnapshot[] = quote.instalments.map((q, index) => {
    const paid = firstPaid && index === 0
    const base = {
      number: q.number,
      dueDate: dates[index],
      originalDueDate: dates[index],
      amount: q.amount.cents,
      customerFee: q.customerFee.cents,
      lateFee: 0,
      attempts: 0,
    }
    return paid
      ? { ...base, status: "paid" as const, paidAt: options.now, paidAmount: q.amount.cents + q.customerFee.cents }
      : { ...base, status: "scheduled" as const, paidAmount: 0 }
  })
  const paidTotal = instalments.reduce((s, i) => s + i.paidAmount, 0)

  const plan: PlanSnapshot = {
    code: quote.plan,
    currency: quote.currency,
    status: deferredStart ? "pending_start" : "active",
    orderDate,
    startDate: deferredStart ? undefined : orderDate,
    createdAt: options.now,
    total: quote.total.cents,
    customerFeeTotal: quote.customerFeeTotal.cents,
    instalments,
    paidTotal,
    refundedTotal: 0,
    refundedPrincipal: 0,
    refundedCustomerFees: 0,
    refundedLateFees: 0,
    reducedTotal: 0,
    exchangePaid: 0,
    exchangePending: 0,
    postponementsUsed: 0,
    maxPostponements: quote.maxPostponements,
    fraudFlagged: false,
  }
  const events: LedgerEvent[] = [
    {
      type: "plan.created",
      data: { code: plan.code, currency: plan.currency, status: plan.status, orderDate, total: plan.total, customerFeeTotal: plan.customerFeeTotal, schedule: scheduleData(instalments) },
    },
  ]
  if (firstPaid) {
    events.push({ type: "plan.charge_succeeded", data: { instalments: [1], amount: paidTotal, at: options.now, purpose: "checkout" } })
  }
  return ok({ plan, movements: [], events })
}
