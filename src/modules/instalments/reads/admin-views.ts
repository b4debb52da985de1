/**
 * Plans as the HTTP API shows them: Medusa's conventions (snake_case, amounts in major units),
 * computed from the rows in cents. One place, so the admin, the store and the e-mails agree.
 */
import { money, toMajor } from "../../../domain/money"
import { orderTotal } from "../../../domain/plan"
import { planToSnapshot, type InstalmentRow, type PlanRow } from "../mapping"

export interface EventRow {
  id: string
  type: string
  data: Record<string, unknown>
  actor: string
  occurred_at: Date | string
}

function major(cents: number | null | undefined, currency: string): number {
  return toMajor(money(cents ?? 0, currency))
}

function isoDateTime(value: Date | string | null | undefined): string | null {
  if (!value) return null
  return (value instanceof Date ? value : new Date(value)).toISOString()
}

export function instalmentView(row: InstalmentRow, currency: string) {
  return {
    number: row.number,
    due_date: row.due_date,
    original_due_date: row.original_due_date,
    amount: major(row.amount_cents, currency),
    customer_fee: major(row.customer_fee_cents, currency),
    late_fee: major(row.late_fee_cents, currency),
    status: row.status,
    paid_at: isoDateTime(row.paid_at),
    paid_amount: major(row.paid_amount_cents, currency),
    attempts: row.attempts,
    next_retry_on: row.next_retry_on,
  }
}

export function eventView(row: EventRow) {
  return { id: row.id, type: row.type, data: row.data, actor: row.actor, occurred_at: isoDateTime(row.occurred_at) }
}

/**
 * `selfServiceUrl`: the shopper's signed link (`service.selfServiceUrl(plan)`, at the plan's link version), shown to admins only
 * (it opens the plan without an account).
 */
export function planView(row: PlanRow, options: { events?: EventRow[]; selfServiceUrl?: string } = {}) {
  const c = row.currency_code
  return {
    id: row.id,
    order_id: row.order_id ?? null,
    order_display_id: row.order_display_id ?? null,
    payment_id: row.payment_id ?? null,
    customer_id: row.customer_id ?? null,
    owner_customer_id: row.owner_customer_id ?? null,
    email: row.email ?? null,
    plan_code: row.plan_code,
    status: row.status,
    currency_code: c,
    order_date: row.order_date,
    start_date: row.start_date,
    total: major(row.total_cents, c),
    order_total: toMajor(orderTotal(planToSnapshot(row))),
    paid_total: major(row.paid_total_cents, c),
    refunded_total: major(row.refunded_total_cents, c),
    outstanding_total: major(row.outstanding_cents, c),
    customer_fee_total: major(row.customer_fee_total_cents, c),
    reduced_total: major(row.reduced_total_cents, c),
    next_due_date: row.next_due_date ?? null,
    postponements_used: row.postponements_used,
    max_postponements: row.max_postponements,
    deferred_start: row.deferred_start ?? false,
    frozen_until: row.frozen_until,
    fraud_flagged: row.fraud_flagged,
    phone: row.phone ?? null,
    locale: row.locale ?? null,
    card: {
      brand: row.card_brand ?? null,
      network: row.card_network ?? null,
      last4: row.card_last4 ?? null,
      funding: row.card_funding ?? null,
      exp_month: row.card_exp_month ?? null,
      exp_year: row.card_exp_year ?? null,
      country: row.card_country ?? null,
    },
    processor: row.processor,
    // Plans funded by a lender (Alma): its payment and the page where the shopper manages it.
    ...(row.processor === "alma" ? { lender: lenderView(row) } : {}),
    terms_version: row.terms_version,
    terms_accepted_at: isoDateTime(row.terms_accepted_at),
    created_at: isoDateTime(row.created_at),
    instalments: [...(row.instalments ?? [])].sort((a, b) => a.number - b.number).map((i) => instalmentView(i, c)),
    ...(options.selfServiceUrl ? { self_service_url: options.selfServiceUrl } : {}),
    ...(options.events ? { events: [...options.events].sort(byTime).map(eventView) } : {}),
  }
}

function byTime(a: EventRow, b: EventRow): number {
  return new Date(a.occurred_at).getTime() - new Date(b.occurred_at).getTime() || a.id.localeCompare(b.id)
}

function lenderView(row: PlanRow) {
  const alma = ((row.metadata as Record<string, unknown> | null)?.alma ?? {}) as { payment_id?: string; url?: string | null; state?: string }
  return { name: "alma", payment_id: alma.payment_id ?? row.credit_reference ?? null, url: alma.url ?? null, state: alma.state ?? null }
}
