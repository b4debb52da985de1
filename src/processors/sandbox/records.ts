/**
 * What the sandbox processor keeps in its store: one record per card, charge and
 * refund, under keys `card:<ref>`, `charge:<id>` and `refund:<id>` (idempotency keys live under
 * `idem:<op>:<key>`, see `idempotency.ts`). Records are plain JSON, as a store requires: dates are ISO text.
 */
import {
  type Amount,
  type CardFacts,
  type ChargeDetails,
  type ChargeFailureCode,
  type ChargeOutcome,
  type ProcessorResult,
  processorError,
  processorOk,
} from "../port"

export type CardRecord = {
  cardRef: string
  /** The sandbox test token (opaque, never a card number). */
  token: string
  facts: CardFacts
  createdAt: string
  successfulCharges: number
}

export type ChargeRecord = {
  chargeId: string
  cardRef: string
  status: "succeeded" | "failed"
  amount: Amount
  code: ChargeFailureCode | null
  message: string | null
  refundedCents: number
  idempotencyKey: string
  createdAt: string
  description: string
  offSession: boolean
  metadata: Record<string, string>
}

export type RefundRecord = {
  refundId: string
  chargeId: string
  amount: Amount
  idempotencyKey: string
  createdAt: string
  metadata: Record<string, string>
}

export const cardKey = (ref: string) => `card:${ref}`
export const chargeKey = (id: string) => `charge:${id}`
export const refundKey = (id: string) => `refund:${id}`

/** The card record a call read, or unknown_card. */
export function cardFound(card: unknown): ProcessorResult<CardRecord> {
  return card ? processorOk(card as CardRecord) : processorError("unknown_card", "no card with this cardRef in the sandbox")
}

/** What the port tells about a stored charge (copies: a caller cannot change the record). */
export function toDetails(record: ChargeRecord): ChargeDetails {
  const common = {
    chargeId: record.chargeId,
    cardRef: record.cardRef,
    requestedAmount: { ...record.amount },
    refunded: { cents: record.refundedCents, currency: record.amount.currency },
    idempotencyKey: record.idempotencyKey,
    createdAt: new Date(record.createdAt),
    description: record.description,
    offSession: record.offSession,
    metadata: { ...record.metadata },
  }
  return record.status === "succeeded"
    ? { ...common, status: "succeeded", amount: { ...record.amount } }
    : { ...common, status: "failed", code: record.code ?? "card_declined", message: record.message ?? "" }
}

export function toOutcome(record: ChargeRecord): ChargeOutcome {
  return record.status === "succeeded"
    ? { status: "succeeded", chargeId: record.chargeId, amount: { ...record.amount } }
    : { status: "failed", chargeId: record.chargeId, code: record.code ?? "card_declined", message: record.message ?? "" }
}
