/**
 * The sandbox's charges: charging a card (idempotent by key, one charge at a time per card), and
 * the lookups reconciliation relies on (by idempotency key, by id).
 */
import {
  type CardProcessor,
  type ChargeFailureCode,
  type ChargeOutcome,
  type ChargeRequest,
  checkAmount,
  processorError,
  processorOk,
} from "../port"
import { FAILURE_MESSAGES, chargeFailure, countsSuccessfulCharges } from "./card-behaviour"
import type { SandboxContext } from "./context"
import { type CardRecord, type ChargeRecord, cardFound, cardKey, chargeKey, toDetails, toOutcome } from "./records"
import { checkKey, checkMetadata, checkRef, fail, invalid } from "./request-checks"

type ChargeOperations = Pick<CardProcessor, "charge" | "findChargeByIdempotencyKey" | "getCharge">

/** The request's own mistakes, before anything is claimed; null when it can be run. */
function checkChargeRequest(request: ChargeRequest) {
  const bad = checkKey(request?.idempotencyKey)
  if (bad) return bad
  const badAmount = checkAmount(request.amount)
  if (badAmount) return fail(badAmount)
  const badRef = checkRef(request.cardRef, "cardRef")
  if (badRef) return badRef
  if (typeof request.description !== "string") return invalid("description must be a string")
  if (typeof request.offSession !== "boolean") return invalid("offSession must be a boolean")
  if (request.at !== undefined && (!(request.at instanceof Date) || Number.isNaN(request.at.getTime()))) {
    return invalid("at must be a valid Date")
  }
  return checkMetadata(request.metadata)
}

function chargeRecord(request: ChargeRequest, card: CardRecord, chargeId: string, at: Date, code: ChargeFailureCode | null): ChargeRecord {
  return {
    chargeId,
    cardRef: card.cardRef,
    status: code ? "failed" : "succeeded",
    amount: { cents: request.amount.cents, currency: request.amount.currency },
    code,
    message: code ? FAILURE_MESSAGES[code] : null,
    refundedCents: 0,
    idempotencyKey: request.idempotencyKey,
    createdAt: at.toISOString(),
    description: request.description,
    offSession: request.offSession,
    metadata: { ...(request.metadata ?? {}) },
  }
}

export function chargeOperations({ clock, store, newId, calls }: SandboxContext): ChargeOperations {
  return {
    async charge(request: ChargeRequest) {
      const bad = checkChargeRequest(request)
      if (bad) return bad
      // Description, time and metadata are informational: a retry may change them.
      const fingerprint = JSON.stringify([request.cardRef, request.amount.cents, request.amount.currency, request.offSession])
      // The card's count of successful charges changes: charges on one card take turns.
      const call = { op: "charge" as const, key: request.idempotencyKey, fingerprint, record: cardKey(request.cardRef), changes: true }
      return calls.idempotent(call, async (writes, stored) => {
        const loaded = cardFound(stored)
        if (!loaded.ok) return loaded
        const card = loaded.value
        const at = request.at ?? clock.now()
        const code = chargeFailure(card, at)
        const record = chargeRecord(request, card, newId("ch"), at, code)
        writes[chargeKey(record.chargeId)] = record
        if (!code && countsSuccessfulCharges(card)) writes[cardKey(card.cardRef)] = { ...card, successfulCharges: card.successfulCharges + 1 }
        return processorOk(toOutcome(record))
      })
    },

    async findChargeByIdempotencyKey(idempotencyKey: string) {
      const bad = checkKey(idempotencyKey)
      if (bad) return bad
      return calls.safeRead(async () => {
        const stored = await calls.settled<ChargeOutcome>("charge", idempotencyKey)
        if (!stored) return processorOk(null)
        const charge = await store.get<ChargeRecord>(chargeKey(stored.chargeId))
        return charge ? processorOk(toDetails(charge)) : processorOk(null)
      })
    },

    async getCharge(chargeId: string) {
      const bad = checkRef(chargeId, "chargeId")
      if (bad) return bad
      return calls.safeRead(async () => {
        const charge = await store.get<ChargeRecord>(chargeKey(chargeId))
        return charge ? processorOk(toDetails(charge)) : processorError("unknown_charge", "no charge with this chargeId in the sandbox")
      })
    },
  }
}
