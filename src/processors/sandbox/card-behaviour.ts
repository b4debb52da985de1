/**
 * What a sandbox card answers: its test card's behaviour (`test-cards.ts`) and its expiry decide
 * whether a verification, a charge or a credit decision goes through, and why not. Outcomes depend
 * only on the card, the request and the time, as in a processor's test mode.
 */
import type { ChargeFailureCode, CreditDecision } from "../port"
import { isExpired } from "./card-expiry"
import type { CardRecord } from "./records"
import { type SandboxCardBehaviour, findTestCard } from "./test-cards"

export const FAILURE_MESSAGES: Record<ChargeFailureCode, string> = {
  card_declined: "The card was declined.",
  insufficient_funds: "The card has insufficient funds.",
  expired_card: "The card has expired.",
  authentication_required: "The card issuer requires the cardholder to authenticate.",
  processing_error: "An error occurred while processing the card.",
  authentication_failed: "The cardholder did not pass the issuer's authentication.",
}

// Only known tokens are registered; a card whose token has since left the table (a store kept
// from an older version) behaves as an ordinary card.
const DEFAULT_BEHAVIOUR: SandboxCardBehaviour = { verification: "succeeds", charges: "succeed", credit: "approved" }

function behaviourOf(card: CardRecord): SandboxCardBehaviour {
  return findTestCard(card.token)?.behaviour ?? DEFAULT_BEHAVIOUR
}

/** Why a zero-amount verification at `now` fails, or null when it succeeds. */
export function verificationFailure(card: CardRecord, now: Date): ChargeFailureCode | null {
  if (isExpired(card.facts, now)) return "expired_card"
  if (behaviourOf(card).verification === "declined") return "card_declined"
  return null
}

/** Why a charge at `at` fails, or null when it succeeds. */
export function chargeFailure(card: CardRecord, at: Date): ChargeFailureCode | null {
  const behaviour = behaviourOf(card)
  if (isExpired(card.facts, at)) return "expired_card"
  if (behaviour.charges === "declined") return "card_declined"
  if (behaviour.charges === "insufficient_after_first" && card.successfulCharges >= 1) return "insufficient_funds"
  return null
}

/**
 * Whether a successful charge must add to the card's count. Only a card whose behaviour depends
 * on it keeps count: for the others the write would change nothing that is ever read (a third of
 * a charge's writes).
 */
export function countsSuccessfulCharges(card: CardRecord): boolean {
  return behaviourOf(card).charges === "insufficient_after_first"
}

export function creditAnswer(card: CardRecord): CreditDecision["decision"] {
  return behaviourOf(card).credit === "refused" ? "refused" : "approved"
}
