/**
 * The sandbox's refunds: part or all of a succeeded charge, never more than is left on it,
 * idempotent by key, one refund at a time per charge.
 */
import {
  type CardProcessor,
  type ProcessorResult,
  type RefundOutcome,
  type RefundRequest,
  checkAmount,
  processorError,
  processorOk,
} from "../port"
import type { SandboxContext } from "./context"
import { type ChargeRecord, type RefundRecord, chargeKey, refundKey } from "./records"
import { checkKey, checkMetadata, checkRef, fail } from "./request-checks"

type RefundOperations = Pick<CardProcessor, "refund">

/** The request's own mistakes, before anything is claimed; null when it can be run. */
function checkRefundRequest(request: RefundRequest) {
  const bad = checkKey(request?.idempotencyKey)
  if (bad) return bad
  const badAmount = checkAmount(request.amount)
  if (badAmount) return fail(badAmount)
  return checkRef(request.chargeId, "chargeId") ?? checkMetadata(request.metadata)
}

/** Why the charge cannot give this refund (a refusal, or an error), or null when it can. */
function refusal(charge: ChargeRecord, request: RefundRequest): ProcessorResult<RefundOutcome> | null {
  if (charge.amount.currency !== request.amount.currency) {
    return processorError("currency_mismatch", `the charge is in ${charge.amount.currency}`)
  }
  if (charge.status !== "succeeded") {
    return processorOk({ status: "failed", code: "charge_not_succeeded", message: "the charge failed: nothing to refund" })
  }
  const left = charge.amount.cents - charge.refundedCents
  if (request.amount.cents > left) {
    return processorOk({
      status: "failed",
      code: "refund_exceeds_charge",
      message: `at most ${left} ${charge.amount.currency} cents are left to refund on this charge`,
    })
  }
  return null
}

export function refundOperations({ clock, newId, calls }: SandboxContext): RefundOperations {
  return {
    async refund(request: RefundRequest) {
      const bad = checkRefundRequest(request)
      if (bad) return bad
      const fingerprint = JSON.stringify([request.chargeId, request.amount.cents, request.amount.currency])
      // A refused refund is not remembered: what is left on a charge only shrinks, so asking
      // again with the same key gives the same refusal anyway.
      // What is left to refund on the charge changes: refunds of one charge take turns.
      const call = {
        op: "refund" as const,
        key: request.idempotencyKey,
        fingerprint,
        record: chargeKey(request.chargeId),
        changes: true,
        persist: (outcome: RefundOutcome) => outcome.status === "succeeded",
      }
      return calls.idempotent(call, async (writes, stored): Promise<ProcessorResult<RefundOutcome>> => {
        const charge = stored as ChargeRecord | undefined
        if (!charge) return processorError("unknown_charge", "no charge with this chargeId in the sandbox")
        const refused = refusal(charge, request)
        if (refused) return refused
        const record: RefundRecord = {
          refundId: newId("re"),
          chargeId: charge.chargeId,
          amount: { cents: request.amount.cents, currency: request.amount.currency },
          idempotencyKey: request.idempotencyKey,
          createdAt: clock.now().toISOString(),
          metadata: { ...(request.metadata ?? {}) },
        }
        writes[refundKey(record.refundId)] = record
        writes[chargeKey(charge.chargeId)] = { ...charge, refundedCents: charge.refundedCents + record.amount.cents }
        return processorOk({ status: "succeeded", refundId: record.refundId, amount: { ...record.amount } })
      })
    },
  }
}
