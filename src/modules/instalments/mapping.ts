/**
 * Rows ↔ engine snapshots. The tables mirror `PlanSnapshot` column for column (amounts in cents),
 * so this file is the only place that knows both shapes.
 */
import type { InferTypeOf } from "@medusajs/framework/types"
import type { InstalmentStatus, PlanCode, PlanStatus } from "../../domain/codes"
import { nextDue, outstanding, type InstalmentSnapshot, type PlanSnapshot } from "../../domain/plan"
import type { LedgerEvent } from "../../domain/outcome"
import type Instalment from "./models/instalment"
import type InstalmentPlan from "./models/instalment-plan"
import { eventIds } from "./sql"

/** A plan row as the module reads it (its instalments loaded or not), inferred from the DML model. */
export type PlanRow = Omit<InferTypeOf<typeof InstalmentPlan>, "instalments" | "events"> & {
  instalments?: InstalmentRow[]
}

/** An instalment row, inferred from the DML model. */
export type InstalmentRow = Omit<InferTypeOf<typeof Instalment>, "plan">

function iso(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString()
}

function orUndefined<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value
}

export function instalmentToSnapshot(row: InstalmentRow): InstalmentSnapshot {
  return {
    number: row.number,
    dueDate: row.due_date,
    originalDueDate: row.original_due_date,
    amount: row.amount_cents,
    customerFee: row.customer_fee_cents,
    lateFee: row.late_fee_cents,
    status: row.status as InstalmentStatus,
    paidAt: iso(row.paid_at),
    paidAmount: row.paid_amount_cents,
    attempts: row.attempts,
    nextRetryOn: orUndefined(row.next_retry_on),
  }
}

export function planToSnapshot(row: PlanRow): PlanSnapshot {
  const instalments = [...(row.instalments ?? [])].sort((a, b) => a.number - b.number).map(instalmentToSnapshot)
  return {
    code: row.plan_code as PlanCode,
    currency: row.currency_code,
    status: row.status as PlanStatus,
    orderDate: row.order_date,
    startDate: orUndefined(row.start_date),
    createdAt: iso(row.created_at) as string,
    total: row.total_cents,
    customerFeeTotal: row.customer_fee_total_cents,
    instalments,
    paidTotal: row.paid_total_cents,
    refundedTotal: row.refunded_total_cents,
    refundedPrincipal: row.refunded_principal_cents,
    refundedCustomerFees: row.refunded_customer_fees_cents,
    refundedLateFees: row.refunded_late_fees_cents,
    reducedTotal: row.reduced_total_cents,
    exchangePaid: row.exchange_paid_cents,
    exchangePending: row.exchange_pending_cents,
    postponementsUsed: row.postponements_used,
    maxPostponements: row.max_postponements,
    withdrawalRequestedAt: iso(row.withdrawal_requested_at),
    frozenSince: orUndefined(row.frozen_since),
    frozenUntil: orUndefined(row.frozen_until),
    statusBeforeFreeze: orUndefined(row.status_before_freeze) as PlanStatus | undefined,
    freezeReason: orUndefined(row.freeze_reason),
    fraudFlagged: row.fraud_flagged,
    fraudReason: orUndefined(row.fraud_reason),
  }
}

/** The plan columns a snapshot determines (derived columns included). */
export function snapshotToPlanColumns(plan: PlanSnapshot) {
  return {
    plan_code: plan.code,
    status: plan.status,
    currency_code: plan.currency,
    order_date: plan.orderDate,
    start_date: plan.startDate ?? null,
    total_cents: plan.total,
    customer_fee_total_cents: plan.customerFeeTotal,
    paid_total_cents: plan.paidTotal,
    refunded_total_cents: plan.refundedTotal,
    refunded_principal_cents: plan.refundedPrincipal,
    refunded_customer_fees_cents: plan.refundedCustomerFees,
    refunded_late_fees_cents: plan.refundedLateFees,
    reduced_total_cents: plan.reducedTotal,
    exchange_paid_cents: plan.exchangePaid,
    exchange_pending_cents: plan.exchangePending,
    outstanding_cents: outstanding(plan).cents,
    next_due_date: nextDue(plan)?.dueDate ?? null,
    postponements_used: plan.postponementsUsed,
    max_postponements: plan.maxPostponements,
    withdrawal_requested_at: plan.withdrawalRequestedAt ? new Date(plan.withdrawalRequestedAt) : null,
    frozen_since: plan.frozenSince ?? null,
    frozen_until: plan.frozenUntil ?? null,
    status_before_freeze: plan.statusBeforeFreeze ?? null,
    freeze_reason: plan.freezeReason ?? null,
    fraud_flagged: plan.fraudFlagged,
    fraud_reason: plan.fraudReason ?? null,
  }
}

export function snapshotToInstalmentColumns(instalment: InstalmentSnapshot) {
  return {
    number: instalment.number,
    due_date: instalment.dueDate,
    original_due_date: instalment.originalDueDate,
    amount_cents: instalment.amount,
    customer_fee_cents: instalment.customerFee,
    late_fee_cents: instalment.lateFee,
    status: instalment.status,
    paid_at: instalment.paidAt ? new Date(instalment.paidAt) : null,
    paid_amount_cents: instalment.paidAmount,
    attempts: instalment.attempts,
    next_retry_on: instalment.nextRetryOn ?? null,
  }
}

/**
 * The row a revised snapshot would be written as, without writing it: previews show it through
 * the same view as a stored plan.
 */
export function revisedRow(row: PlanRow, plan: PlanSnapshot): PlanRow {
  const byNumber = new Map((row.instalments ?? []).map((i) => [i.number, i]))
  return {
    ...row,
    ...snapshotToPlanColumns(plan),
    instalments: plan.instalments.map((i) => ({ ...(byNumber.get(i.number) ?? ({} as InstalmentRow)), ...snapshotToInstalmentColumns(i) })),
  } as PlanRow
}

/**
 * The ledger rows of one operation on one plan. Its events are a millisecond apart, so their order
 * stays readable; `keyOf(index)` is the idempotency key an event carries, if any.
 */
export function ledgerRows(
  planId: string,
  events: readonly LedgerEvent[],
  options: { actor: string; at: Date; keyOf: (index: number) => string | null | undefined },
) {
  const ids = eventIds(events.length, options.at)
  return events.map((event, index) => ({
    id: ids[index],
    plan_id: planId,
    type: event.type,
    data: event.data as Record<string, unknown>,
    actor: options.actor,
    occurred_at: new Date(options.at.getTime() + index),
    idempotency_key: options.keyOf(index) ?? null,
  }))
}
