/**
 * Alma's money-moving calls (refund, deferred trigger, cancellation), made once, and never inside
 * a transaction or under a row lock:
 *
 *  1. the caller reads the payment from Alma, with no transaction open;
 *  2. the intent is recorded under the plan's lock and committed (service.recordLenderOperation);
 *  3. Alma is called with a key derived from what triggered the operation: a refund with Medusa's
 *     refund id as `merchant_reference`; a trigger or a cancellation happens once per payment, so
 *     the payment id names it (`alma-trigger:<pid>`, `alma-cancel:<pid>`);
 *  4. the answer is recorded by the operation's key with the mirror's refresh, under the lock
 *     (service.mirrorLenderPlan with `settles`).
 *
 * Ledger: only a refund has an `instalment_movement` leg (kind `refund`, processor `alma`, key =
 * its merchant_reference). The movement table is the money the plugin asks a processor to move
 * for a stated amount; a refund is that (the merchant's money goes back, through Alma). A trigger
 * only tells Alma to start its own plan: Alma takes its instalment, for Alma, in an amount Alma
 * decides; a cancellation moves nothing. Both are recorded as operations only: a `charge` row
 * would claim the plugin charged the shopper, and would count in what the ledger says was paid.
 *
 * When Alma does not answer (timeout, outage), the operation stays recorded and is owed: the
 * caller's request stands (Medusa keeps its refund), and the reconciler (reconcile.ts) settles it
 * from Alma's own records, sending it again only once no call can still be on its way.
 */
import type { LedgerEvent } from "../../domain/outcome"
import type { PlanRow } from "../../modules/instalments/mapping"
import type { LenderDecided, OperationRow } from "../../modules/instalments/operations/records"
import type { LenderOperation, LenderSettlement } from "../../modules/instalments/operations/lender"
import type InstalmentsModuleService from "../../modules/instalments/service"
import type { AlmaClient } from "./client"
import { AlmaApiError } from "./errors"
import { awaitsTrigger, mirrorColumns, scheduleOf } from "./mirror"
import type { AlmaPayment } from "./schemas"
import { predictRefund, readPayment, refreshWrite, scheduleDifferences, type AlmaRead } from "./sync"

export const ALMA_LENDER = "alma"

export type AlmaRequest =
  | { action: "refund"; sessionId: string; paymentId: string; reference: string; amount: number; currency: string }
  | { action: "trigger"; sessionId: string; paymentId: string; captureId: string | null }
  | { action: "cancel"; sessionId: string; paymentId: string }

export type AlmaAction = AlmaRequest["action"]

/** What the driver needs: the module (records and mirror), Alma, somewhere to say what went wrong. */
export interface AlmaOperationsContext {
  instalments: InstalmentsModuleService
  client: AlmaClient
  logger: { warn(message: string): void; error(message: string): void }
}

/** How an operation ended for this driver. */
export type Finished =
  /** Alma's answer is recorded (completed, or refused and recorded as declined). */
  | { kind: "recorded"; status: LenderSettlement["status"]; outcome?: { code: string; message: string } }
  /** Alma refused the request: nothing moved (recorded as declined). */
  | { kind: "refused"; error: AlmaApiError }
  /** Not done at Alma and not sent by this driver (a call may be on its way): left for later. */
  | { kind: "waiting" }
  /** Sent, but Alma's answer is unknown or could not be recorded: the reconciler finishes it. */
  | { kind: "unsettled"; detail: string }

/** The operation's key: what triggered it, never the clock or the amount. */
export function almaOperationKey(request: AlmaRequest): string {
  if (request.action === "refund") return `alma-refund:${request.reference}`
  return `alma-${request.action}:${request.paymentId}`
}

/** Records the intent under the plan's lock (step 2), or finds the operation its key already names. */
export async function startAlmaOperation(ctx: AlmaOperationsContext, request: AlmaRequest, actor = "medusa"): Promise<LenderOperation> {
  const { instalments } = ctx
  return instalments.recordLenderOperation({
    sessionId: request.sessionId,
    idempotencyKey: almaOperationKey(request),
    actor,
    request: { name: `alma-${request.action}`, input: request.action === "refund" ? { amount: request.amount, currency: request.currency } : null },
    decide: (current) => {
      const decided: LenderDecided = { kind: "lender", lender: ALMA_LENDER, action: request.action, paymentId: request.paymentId, sessionId: request.sessionId }
      if (request.action === "trigger") return { decided: { ...decided, data: { captureId: request.captureId } } }
      if (request.action === "cancel") return { decided }
      // What our engine predicts from the plan before the refund (the admin preview shows the same).
      const predicted = current ? predictRefund(current, request.amount, instalments.revisionContext()) : null
      return {
        decided: { ...decided, reference: request.reference, amount: request.amount, currency: request.currency, data: { predicted } },
        refund: { processorKey: request.reference, amountCents: request.amount, currencyCode: request.currency, purpose: "lender_refund" },
      }
    },
  })
}

/** Whether Alma's payment shows the operation done (by us, or before us under the same key). */
export function doneAtAlma(decided: LenderDecided, payment: AlmaPayment): boolean {
  switch (decided.action) {
    case "refund":
      return payment.refunds.some((r) => r.merchant_reference === decided.reference)
    case "trigger":
      return !awaitsTrigger(payment)
    case "cancel":
      return payment.state === "stopped"
    default:
      throw new Error(`unknown Alma operation ${decided.action}`)
  }
}

/**
 * Finishes an operation from Alma's payment as read with no transaction open: done at Alma →
 * recorded; otherwise sent if `maySend()` says so (this driver recorded it, or the reconciler
 * claimed it once no call could still be on its way), then recorded. Never throws for Alma's
 * answers or for a failed record: those are `refused` or left `unsettled`.
 */
export async function finishAlmaOperation(
  ctx: AlmaOperationsContext,
  operation: OperationRow,
  read: AlmaRead,
  maySend: () => Promise<boolean>,
): Promise<Finished> {
  const decided = operation.decided as LenderDecided
  if (doneAtAlma(decided, read.payment)) return record(ctx, operation, read, { alreadyAtAlma: true })
  if (!(await maySend())) return { kind: "waiting" }
  const sentAt = new Date()
  const sent = await send(ctx.client, decided)
  if (sent.kind === "unknown") return unsettled(ctx, operation, sent.detail)
  let after: AlmaRead
  try {
    after = sent.kind === "sent" && sent.payment ? { payment: sent.payment, readAt: sentAt } : await readPayment(ctx.client, decided.paymentId)
  } catch (error) {
    return unsettled(ctx, operation, `Alma answered, then could not be read again: ${(error as Error).message}`)
  }
  // Refused, yet done: another call under the same key went through first.
  if (sent.kind === "refused" && !doneAtAlma(decided, after.payment)) return refuse(ctx, operation, after, sent.error)
  return record(ctx, operation, after, { alreadyAtAlma: sent.kind === "refused" })
}

type Sent = { kind: "sent"; payment: AlmaPayment | null } | { kind: "refused"; error: AlmaApiError } | { kind: "unknown"; detail: string }

/** One call to Alma. A 4xx is a refusal (nothing moved); no answer or a 5xx may have moved money. */
async function send(client: AlmaClient, decided: LenderDecided): Promise<Sent> {
  try {
    switch (decided.action) {
      case "refund":
        await client.refund(decided.paymentId, { amount: decided.amount as number, merchant_reference: decided.reference as string })
        return { kind: "sent", payment: null }
      case "trigger":
        return { kind: "sent", payment: await client.trigger(decided.paymentId) }
      case "cancel":
        await client.cancel(decided.paymentId)
        return { kind: "sent", payment: null }
      default:
        throw new Error(`unknown Alma operation ${decided.action}`)
    }
  } catch (error) {
    if (!(error instanceof AlmaApiError)) throw error
    // An unreadable 2xx answer is still Alma's yes: the payment is read again.
    if (error.kind === "bad_response") return { kind: "sent", payment: null }
    if (error.transient) return { kind: "unknown", detail: error.message }
    return { kind: "refused", error }
  }
}

function unsettled(ctx: AlmaOperationsContext, operation: OperationRow, detail: string): Finished {
  ctx.logger.warn(`medusa-instalments: Alma operation ${operation.idempotency_key} left for the reconciler: ${detail}`)
  return { kind: "unsettled", detail }
}

/** Records Alma's yes with the mirror's refresh (step 4). A failed record is the reconciler's to finish. */
async function record(ctx: AlmaOperationsContext, operation: OperationRow, read: AlmaRead, facts: { alreadyAtAlma: boolean }): Promise<Finished> {
  const decided = operation.decided as LenderDecided
  const { payment } = read
  const refund = decided.action === "refund" ? payment.refunds.find((r) => r.merchant_reference === decided.reference) : undefined
  const settlement: LenderSettlement = {
    key: operation.idempotency_key,
    status: "completed",
    leg: decided.action === "refund" ? { status: "succeeded", reference: refund?.id ?? null } : undefined,
  }
  try {
    await ctx.instalments.mirrorLenderPlan({
      sessionId: decided.sessionId,
      actor: operation.actor,
      idempotencyKey: operation.idempotency_key,
      settles: settlement,
      build: (current) => (current ? mirrorWrite(ctx, current, read, decided, { type: doneEvent(decided), data: doneData(ctx, decided, payment, facts) }) : null),
    })
  } catch (error) {
    return unsettled(ctx, operation, `Alma's answer could not be recorded: ${(error as Error).message}`)
  }
  return { kind: "recorded", status: "completed" }
}

/** Records Alma's refusal: nothing moved; the operation is declined and says why. */
async function refuse(ctx: AlmaOperationsContext, operation: OperationRow, read: AlmaRead, error: AlmaApiError): Promise<Finished> {
  const decided = operation.decided as LenderDecided
  const outcome = { code: "alma_refused", message: error.message }
  const event: LedgerEvent = {
    type: "alma.request_refused",
    data: { action: decided.action, reference: decided.reference ?? null, amount: decided.amount ?? null, reason: error.detail, status: error.status ?? null },
  }
  try {
    await ctx.instalments.mirrorLenderPlan({
      sessionId: decided.sessionId,
      actor: operation.actor,
      idempotencyKey: operation.idempotency_key,
      settles: {
        key: operation.idempotency_key,
        status: "declined",
        outcome,
        leg: decided.action === "refund" ? { status: "failed", failureCode: outcome.code, failureMessage: error.detail } : undefined,
      },
      build: (current) => (current ? mirrorWrite(ctx, current, read, decided, event) : null),
    })
  } catch (recordError) {
    ctx.logger.warn(`medusa-instalments: Alma's refusal of ${operation.idempotency_key} could not be recorded: ${(recordError as Error).message}`)
  }
  return { kind: "refused", error }
}

const CAUSE: Record<string, string> = { refund: "refund", trigger: "shipment", cancel: "cancellation" }

function mirrorWrite(ctx: AlmaOperationsContext, current: PlanRow, read: AlmaRead, decided: LenderDecided, event: LedgerEvent) {
  const { instalments } = ctx
  return refreshWrite(current, read.payment, {
    cause: CAUSE[decided.action] ?? decided.action,
    timeZone: instalments.engineConfig.timeZone,
    now: instalments.now(),
    readAt: read.readAt,
    extraEvents: [event],
  })
}

function doneEvent(decided: LenderDecided): string {
  return { refund: "alma.refund", trigger: "alma.triggered", cancel: "alma.cancelled" }[decided.action as AlmaAction] ?? `alma.${decided.action}`
}

/** The history entry of a done operation. `alreadyAtAlma`: found in Alma's records, not from our call's answer. */
function doneData(ctx: AlmaOperationsContext, decided: LenderDecided, payment: AlmaPayment, facts: { alreadyAtAlma: boolean }): Record<string, unknown> {
  if (decided.action === "trigger") return { almaPaymentId: payment.id, captureId: decided.data?.captureId ?? null, alreadyAtAlma: facts.alreadyAtAlma }
  if (decided.action === "cancel") return { almaPaymentId: payment.id, alreadyAtAlma: facts.alreadyAtAlma }
  const refund = payment.refunds.find((r) => r.merchant_reference === decided.reference)
  const predicted = (decided.data?.predicted ?? null) as ReturnType<typeof predictRefund> | null
  const actual = mirrorColumns(payment, ctx.instalments.engineConfig.timeZone, ctx.instalments.now()).instalments
  return {
    refundId: decided.reference,
    amount: decided.amount,
    almaRefundId: refund?.id ?? null,
    refundedToCard: refund?.payment_refund_amount ?? null,
    rebate: refund?.rebate_amount ?? null,
    alreadyAtAlma: facts.alreadyAtAlma,
    predicted,
    alma: scheduleOf(actual),
    // Where Alma's schedule differs from what our engine predicted (the admin preview).
    differences: scheduleDifferences(predicted?.schedule ?? null, actual),
  }
}
