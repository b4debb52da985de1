/**
 * Medusa's payment lifecycle on a plan: what the payment provider (src/providers/instalments) and
 * the order subscribers ask when Medusa captures, cancels or refunds the plan's payment, or
 * places its order. Each is a revision (operations/run.ts) keyed by what Medusa gave, so a
 * redelivered hook changes nothing.
 */
import type { Money } from "../../../domain/money"
import { cancelPlan } from "../../../domain/revisions/cancel"
import { recordExchangeRefund } from "../../../domain/revisions/exchange"
import { applyRefund } from "../../../domain/revisions/refund"
import { startDeferredPlan } from "../../../domain/revisions/start"
import type { ModuleDeps } from "../deps"
import { eventRows } from "../ledger"
import type { PlanRow } from "../mapping"
import { runRevision } from "../operations/run"
import { INSTALMENT_PLAN_EVENTS } from "../plugin-events"
import { insertRows } from "../sql"
import { armedRefund, settleRefund, type ExchangeRow } from "./exchange-rows"

/** Medusa captures a deferred-start payment (at shipment): the plan starts, its first instalment is charged. */
export async function startPlanOnCapture(deps: ModuleDeps, planId: string, captureId?: string): Promise<PlanRow | null> {
  const row = await deps.entities.loadPlan(planId, { withInstalments: false })
  if (!row || row.status !== "pending_start") return row
  const { plan } = await runRevision(deps, planId, (snapshot, ctx) => startDeferredPlan(snapshot, {}, ctx), {
    actor: "medusa",
    // A plan starts once: without Medusa's capture id, the plan's own id names the start.
    idempotencyKey: `capture:${captureId ?? planId}`,
    request: { name: "start" },
    // The order ships either way: a declined first instalment is retried like any other.
    declineIsError: false,
  })
  return plan
}

/** Medusa cancels the payment (order cancelled before capture, or a failed completion): cancel the plan, refund what was paid. */
export async function cancelForMedusa(deps: ModuleDeps, planId: string, paymentId?: string): Promise<PlanRow | null> {
  const row = await deps.entities.loadPlan(planId, { withInstalments: false })
  if (!row || row.status === "cancelled") return row
  const { plan } = await runRevision(deps, planId, (snapshot, ctx) => cancelPlan(snapshot, { reason: "payment_canceled" }, ctx), {
    actor: "medusa",
    // A plan is cancelled once: without Medusa's payment id, the plan's own id names it.
    idempotencyKey: `cancel:${paymentId ?? planId}`,
    request: { name: "cancel" },
  })
  return plan
}

/**
 * A Medusa refund on the plan's payment (`refundId` is Medusa's refund id: a replay changes
 * nothing, and each card refund it leads to is keyed by it and its leg). It lowers what remains
 * to pay first; only the rest goes back to the card. The one exception is the refund the plugin
 * itself issues to record a cheaper exchange in Medusa (`armExchangeRefund`): while it is armed,
 * a refund of its amount is that one, already applied to the plan, and is only recorded; the
 * marker is consumed with it. Any other refund, whatever its amount, is a refund (M4).
 */
export async function refundFromMedusa(deps: ModuleDeps, planId: string, amount: Money, refundId: string): Promise<PlanRow> {
  let armed: ExchangeRow | null = null
  const { plan } = await runRevision(
    deps,
    planId,
    (snapshot, ctx) => (armed ? recordExchangeRefund(snapshot, { amount, exchangeId: armed.exchange_id }, ctx) : applyRefund(snapshot, { amount }, ctx)),
    {
      actor: "medusa",
      idempotencyKey: `medusa-refund:${refundId}`,
      request: { name: "medusa-refund", input: { amount } },
      readUnderLock: async (run, row) => {
        const marker = await armedRefund(run, row.id)
        armed = marker && marker.currency_code === amount.currency && -marker.difference_cents === amount.cents ? marker : null
      },
      onDecided: async (run) => {
        if (armed) await settleRefund(run, armed.id, refundId)
      },
    },
  )
  return plan
}

export interface AttachOrderInput {
  planId: string
  orderId: string
  orderDisplayId?: number
  paymentId?: string
  email?: string | null
}

/**
 * Records the Medusa order (and payment) of a plan once the order is placed. Idempotent: only a
 * plan with no order yet is updated, so a redelivered event changes nothing.
 */
export async function attachOrder(deps: ModuleDeps, input: AttachOrderInput): Promise<{ attached: boolean }> {
  const result = await attachOrderRow(deps, input)
  if (result.attached) {
    await deps.emit([{ name: INSTALMENT_PLAN_EVENTS.confirmed, data: { id: input.planId, order_id: input.orderId } }])
  }
  return result
}

/** One statement (the update and its ledger row), so no transaction to open: it runs after every checkout. */
async function attachOrderRow(deps: ModuleDeps, input: AttachOrderInput): Promise<{ attached: boolean }> {
  const event = insertRows(
    "instalment_plan_event",
    eventRows(input.planId, [{ type: "plan.order_attached", data: { orderId: input.orderId } }], "medusa", undefined, deps.now()),
  )
  // The event is written only when the update attached the plan (a redelivery changes nothing).
  const attached = await deps.read(
    `with attached as (
       update instalment_plan
          set order_id = ?, order_display_id = ?, payment_id = ?, email = coalesce(email, ?), updated_at = now()
        where id = ? and order_id is null and deleted_at is null
        returning id),
     event as (${event.sql} where exists (select 1 from attached))
     select id from attached`,
    [input.orderId, input.orderDisplayId ?? null, input.paymentId ?? null, input.email ?? null, input.planId, event.param],
  )
  return { attached: attached.length > 0 }
}
