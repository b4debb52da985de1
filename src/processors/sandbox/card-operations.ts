/**
 * The sandbox's card operations: registering a test token (`describeCard`), reading a card back,
 * the zero-amount verification and the credit decision. No money moves.
 */
import { isPlanCode } from "../../domain/codes"
import {
  type CardFacts,
  type CardProcessor,
  type CardSummary,
  type CreditDecision,
  type CreditDecisionRequest,
  type DescribeCardOptions,
  type ProcessorResult,
  type VerificationOutcome,
  type VerifyCardRequest,
  checkAmount,
  looksLikeCardNumber,
  processorError,
  processorOk,
} from "../port"
import { FAILURE_MESSAGES, creditAnswer, verificationFailure } from "./card-behaviour"
import { expiryAfter } from "./card-expiry"
import { sandboxCardFingerprint } from "./card-fingerprint"
import type { SandboxContext } from "./context"
import type { Writes } from "./idempotency"
import { type CardRecord, cardFound, cardKey } from "./records"
import { checkKey, checkRef, fail, invalid } from "./request-checks"
import { type TestCard, findTestCard } from "./test-cards"

type CardOperations = Pick<CardProcessor, "describeCard" | "getCard" | "verifyCard" | "creditDecision">

// The fingerprint comes from the token, so cards registered before it existed have one too.
const summaryOf = (card: CardRecord): CardSummary => ({
  cardRef: card.cardRef,
  ...card.facts,
  networks: [...card.facts.networks],
  fingerprint: sandboxCardFingerprint(card.token),
})

/** The facts of a test card registered at `now`. */
function factsOf(testCard: TestCard, now: Date): CardFacts {
  return {
    network: testCard.network,
    networks: [...testCard.networks],
    brand: testCard.brand,
    funding: testCard.funding,
    virtual: testCard.virtual,
    systematicAuthorisation: testCard.systematicAuthorisation,
    issuerCountry: testCard.issuerCountry,
    ...expiryAfter(now, testCard.expiresInMonths),
    last4: testCard.last4,
  }
}

export function cardOperations({ clock, store, newId, calls }: SandboxContext): CardOperations {
  return {
    async describeCard(token: string, opts: DescribeCardOptions = {}) {
      if (typeof token !== "string" || token === "") return invalid("token must be a non-empty string")
      if (looksLikeCardNumber(token)) {
        return processorError("raw_card_number_rejected", "card numbers are never accepted: tokenise the card first")
      }
      const testCard = findTestCard(token)
      if (!testCard) return processorError("unknown_token", "unknown sandbox card token (see TEST_CARDS)")
      if (opts.idempotencyKey !== undefined) {
        const bad = checkKey(opts.idempotencyKey)
        if (bad) return bad
      }
      const work = async (writes: Writes): Promise<ProcessorResult<CardSummary>> => {
        const now = clock.now()
        const record: CardRecord = { cardRef: newId("card"), token, facts: factsOf(testCard, now), createdAt: now.toISOString(), successfulCharges: 0 }
        writes[cardKey(record.cardRef)] = record
        return processorOk(summaryOf(record))
      }
      return opts.idempotencyKey === undefined
        ? calls.once(work)
        : calls.idempotent({ op: "describe", key: opts.idempotencyKey, fingerprint: JSON.stringify([token]) }, work)
    },

    async getCard(cardRef: string) {
      return calls.safeRead(async () => {
        const bad = checkRef(cardRef, "cardRef")
        if (bad) return bad
        const card = cardFound(await store.get(cardKey(cardRef)))
        return card.ok ? processorOk(summaryOf(card.value)) : card
      })
    },

    async verifyCard(request: VerifyCardRequest) {
      const bad = checkKey(request?.idempotencyKey) ?? checkRef(request.cardRef, "cardRef")
      if (bad) return bad
      const call = { op: "verify" as const, key: request.idempotencyKey, fingerprint: JSON.stringify([request.cardRef]), record: cardKey(request.cardRef) }
      return calls.idempotent(call, async (_writes, record) => {
        const card = cardFound(record)
        if (!card.ok) return card
        const verificationId = newId("ver")
        const code = verificationFailure(card.value, clock.now())
        const outcome: VerificationOutcome = code
          ? { status: "failed", verificationId, code, message: FAILURE_MESSAGES[code] }
          : { status: "succeeded", verificationId }
        return processorOk(outcome)
      })
    },

    async creditDecision(request: CreditDecisionRequest) {
      const bad = checkKey(request?.idempotencyKey)
      if (bad) return bad
      const badAmount = checkAmount(request.amount)
      if (badAmount) return fail(badAmount)
      if (!isPlanCode(request.planCode)) return invalid("planCode is not a known plan code")
      const badRef = checkRef(request.cardRef, "cardRef")
      if (badRef) return badRef
      const fingerprint = JSON.stringify([request.cardRef, request.amount.cents, request.amount.currency, request.planCode])
      const call = { op: "credit" as const, key: request.idempotencyKey, fingerprint, record: cardKey(request.cardRef) }
      return calls.idempotent(call, async (_writes, record) => {
        const card = cardFound(record)
        if (!card.ok) return card
        const decision: CreditDecision = { decision: creditAnswer(card.value), reference: newId("cd") }
        return processorOk(decision)
      })
    },
  }
}
