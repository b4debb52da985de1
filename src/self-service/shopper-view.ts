/**
 * A plan as its shopper sees it (the JSON routes under /store and the page): the schedule in their
 * language, amounts in major units, and what they can do now. Never the internal fields the admin
 * view has (card and credit references, phone, history, fraud flags, processor).
 *
 * What the shopper can do is asked of the engine itself: each action's revision is run on the plan
 * without writing anything, so the page never offers what the API would refuse.
 */
import { addDays } from "../domain/calendar"
import type { InstalmentStatus, Locale, PlanStatus } from "../domain/codes"
import { money, toMajor } from "../domain/money"
import type { ChargeMovement, RevisionContext } from "../domain/outcome"
import { isUnpaid, type PlanSnapshot } from "../domain/plan"
import { payEarly, postpone, withdraw } from "../domain/revisions"
import { planLabel, scheduleLines, statusLabel } from "../domain/texts"
import { planToSnapshot, type PlanRow } from "../modules/instalments/mapping"
import { CARD_CHANGE_STATUSES } from "../domain/card-change"

function major(cents: number, currency: string): number {
  return toMajor(money(cents, currency))
}

/** The amount a charge-asking revision would charge now, or null when the engine refuses it. */
function chargeOf(result: ReturnType<typeof payEarly>): number | null {
  if (!result.ok) return null
  const charge = result.value.movements.find((m): m is ChargeMovement => m.kind === "charge")
  return charge ? charge.amount.cents : 0
}

const NOTHING = { payNext: null, payAll: null, postpone: null, changeCard: false, withdraw: null, payExchange: null } as const

/**
 * What the shopper may do now; amounts in cents. Nothing on a plan a lender manages
 * (`managedHere: false`): the lender's own page does that.
 */
export function availableActions(plan: PlanSnapshot, ctx: RevisionContext, managedHere = true) {
  if (!managedHere) return NOTHING
  const payNext = chargeOf(payEarly(plan, { scope: "next" }, ctx))
  const payAll = chargeOf(payEarly(plan, { scope: "all" }, ctx))
  const postponable = plan.instalments.filter((i) => postpone(plan, { instalmentNumber: i.number, days: 1 }, ctx).ok).map((i) => i.number)
  const withdrawal = withdraw(plan, {}, ctx)
  return {
    payNext,
    // Paying "everything" is only a different choice when more than one instalment remains.
    payAll: plan.instalments.filter(isUnpaid).length > 1 ? payAll : null,
    postpone: postponable.length > 0 ? { instalments: postponable, maxDays: ctx.config.maxPostponeDays } : null,
    changeCard: (CARD_CHANGE_STATUSES as readonly PlanStatus[]).includes(plan.status),
    withdraw: withdrawal.ok ? { amount: chargeOf(withdrawal) ?? 0, until: addDays(plan.orderDate, ctx.config.withdrawalDays) } : null,
    // A dearer exchange (docs/business-rules.md §6): the difference is paid at once, by card.
    payExchange: plan.exchangePending > 0 && plan.status !== "cancelled" ? plan.exchangePending : null,
  }
}

export type AvailableActions = ReturnType<typeof availableActions>

/** `managedHere`: false for a plan a lender collects (the module's `managesPlan`). */
export function shopperPlanView(row: PlanRow, options: { locale: Locale; ctx: RevisionContext; managedHere?: boolean }) {
  const { locale, ctx } = options
  const c = row.currency_code
  const snapshot = planToSnapshot(row)
  const actions = availableActions(snapshot, ctx, options.managedHere ?? true)
  const instalments = [...(row.instalments ?? [])].sort((a, b) => a.number - b.number)
  const toPay = instalments.filter((i) => i.status !== "paid" && i.status !== "cancelled")
  return {
    id: row.id,
    order_display_id: row.order_display_id ?? null,
    plan_code: row.plan_code,
    label: planLabel(row.plan_code, locale),
    status: row.status,
    status_label: statusLabel("plan", row.status as PlanStatus, locale),
    locale,
    currency_code: c,
    order_date: row.order_date,
    total: major(row.total_cents, c),
    customer_fee_total: major(row.customer_fee_total_cents, c),
    paid_total: major(row.paid_total_cents, c),
    refunded_total: major(row.refunded_total_cents, c),
    outstanding_total: major(row.outstanding_cents, c),
    next_due_date: row.next_due_date ?? null,
    postponements_used: row.postponements_used,
    max_postponements: row.max_postponements,
    card: { brand: row.card_brand ?? null, last4: row.card_last4 ?? null, exp_month: row.card_exp_month ?? null, exp_year: row.card_exp_year ?? null },
    instalments: instalments.map((i) => ({
      number: i.number,
      due_date: i.due_date,
      original_due_date: i.original_due_date,
      amount: major(i.amount_cents, c),
      customer_fee: major(i.customer_fee_cents, c),
      late_fee: major(i.late_fee_cents, c),
      amount_due: major(i.amount_cents + i.customer_fee_cents + i.late_fee_cents, c),
      status: i.status,
      status_label: statusLabel("instalment", i.status as InstalmentStatus, locale),
      paid_at: i.paid_at ? new Date(i.paid_at).toISOString() : null,
    })),
    /** The instalments still to pay, as sentences ("84,96 € le 28 février 2027"). */
    lines: scheduleLines(
      toPay.map((i) => ({ number: i.number, dueDate: i.due_date, amount: i.amount_cents, customerFee: i.customer_fee_cents, lateFee: i.late_fee_cents })),
      c,
      locale,
      ctx.today,
    ),
    actions: {
      pay_next: actions.payNext === null ? null : { amount: major(actions.payNext, c) },
      pay_all: actions.payAll === null ? null : { amount: major(actions.payAll, c) },
      postpone: actions.postpone === null ? null : { instalment_numbers: actions.postpone.instalments, max_days: actions.postpone.maxDays },
      change_card: actions.changeCard,
      withdraw: actions.withdraw === null ? null : { amount: major(actions.withdraw.amount, c), until: actions.withdraw.until },
      pay_exchange: actions.payExchange === null ? null : { amount: major(actions.payExchange, c) },
    },
  }
}

export type ShopperPlanView = ReturnType<typeof shopperPlanView>
