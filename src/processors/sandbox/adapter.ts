/**
 * The sandbox card processor: offline and deterministic, like a processor's test mode. Cards come
 * from the test tokens in `test-cards.ts`; outcomes depend only on the token, the request and the
 * sandbox clock. Everything it remembers goes through a `SandboxStore`.
 *
 * Idempotency: every creating call is keyed by `<operation>:<idempotency key>`. Within one
 * process, calls with the same key share one in-flight promise, and the calls that change a record
 * take turns on it (charges on their card, refunds on their charge), so a key never charges or
 * refunds twice and a charge's refund cap cannot be overrun by two refunds racing; calls on
 * different cards run side by side. Across processes sharing one store, a call first claims its
 * key in the store; a process that finds the claim waits for the first one's answer. (Two refunds
 * of one charge from two processes are kept apart by the plugin: a plan runs one money operation
 * at a time, and its refund legs carry keys, so the same refund sent twice is the same call.)
 */
import { randomBytes } from "node:crypto"
import { isPlanCode } from "../../domain/codes"
import {
  type Amount,
  type CardFacts,
  type CardProcessor,
  type CardSummary,
  type ChargeDetails,
  type ChargeFailureCode,
  type ChargeOutcome,
  type ChargeRequest,
  type CreditDecision,
  type CreditDecisionRequest,
  type DescribeCardOptions,
  type ProcessorCapabilities,
  type ProcessorError,
  type ProcessorResult,
  type RefundOutcome,
  type RefundRequest,
  type VerificationOutcome,
  type VerifyCardRequest,
  checkAmount,
  looksLikeCardNumber,
  processorError,
  processorOk,
} from "../port"
import { type Clock, createSandboxClock } from "./clock"
import { type SandboxStore, createMemorySandboxStore } from "./store"
import { type SandboxCardBehaviour, findTestCard } from "./test-cards"

export const SANDBOX_PROCESSOR_NAME = "sandbox"

export type SandboxProcessorOptions = {
  /** Default: a fresh `createSandboxClock()` (system time, movable). */
  clock?: Clock
  /** Default: a fresh in-memory store. */
  store?: SandboxStore
  /** Id generator, e.g. for snapshot tests. Default: `<prefix>_<20 random characters>`. */
  newId?: (prefix: "card" | "ch" | "re" | "ver" | "cd") => string
  /** How a call waits for another process holding its key's claim. Defaults: `CLAIM_TIMINGS`. */
  claimTimings?: Partial<ClaimTimings>
}

export type ClaimTimings = {
  /** Between two looks at a claim another process holds. */
  pollMs: number
  /** How long a call waits for another process's answer before giving up (retryable). */
  waitMs: number
  /** A claim older than this is from a process that died mid-call: it is taken over. */
  staleMs: number
}

export const CLAIM_TIMINGS: ClaimTimings = Object.freeze({ pollMs: 20, waitMs: 10_000, staleMs: 60_000 })

export type SandboxProcessor = CardProcessor & {
  readonly clock: Clock
  readonly store: SandboxStore
}

// ---------------------------------------------------------------------------------------------
// Stored records (plain JSON). Keys: card:<ref>, charge:<id>, refund:<id>, idem:<op>:<key>.

type CardRecord = {
  cardRef: string
  /** The sandbox test token (opaque, never a card number). */
  token: string
  facts: CardFacts
  createdAt: string
  successfulCharges: number
}

type ChargeRecord = {
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

type RefundRecord = {
  refundId: string
  chargeId: string
  amount: Amount
  idempotencyKey: string
  createdAt: string
  metadata: Record<string, string>
}

type IdempotencyRecord<T> = { fingerprint: string; value: T; createdAt: string }

/**
 * What stands under an idempotency key while its call runs. `since` is the real time (not the
 * sandbox clock), as ISO text: a 13-digit millisecond count would look like a card number.
 */
type PendingClaim = { pending: true; since: string; by: string }

const isPending = (record: unknown): record is PendingClaim => (record as PendingClaim | undefined)?.pending === true

/** Records a call writes, by key: the processor stores them together with the call's answer. */
type Writes = Record<string, unknown>

/** A call's work: what it answers, given the record it works on (`record`, when it names one). */
type Work<T> = (writes: Writes, record: unknown) => Promise<ProcessorResult<T>>

type IdempotentCall<T> = {
  op: Operation
  key: string
  /** What makes two requests the same request. */
  fingerprint: string
  /** The store key of the record the call works on (its card, its charge). */
  record?: string
  /** Whether the call changes that record: calls that do take turns on it. */
  changes?: boolean
  /** Which answers are remembered under the key (default: every successful one). */
  persist?: (value: T) => boolean
}

type Operation = "describe" | "verify" | "credit" | "charge" | "refund"

const cardKey = (ref: string) => `card:${ref}`
const chargeKey = (id: string) => `charge:${id}`
const refundKey = (id: string) => `refund:${id}`
const idemKey = (op: Operation, key: string) => `idem:${op}:${key}`

const FAILURE_MESSAGES: Record<ChargeFailureCode, string> = {
  card_declined: "The card was declined.",
  insufficient_funds: "The card has insufficient funds.",
  expired_card: "The card has expired.",
  authentication_required: "The card issuer requires the cardholder to authenticate.",
  processing_error: "An error occurred while processing the card.",
}

// Letters and digits without look-alikes; at most a quarter digits, so ids never contain long digit runs.
const ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789"

function randomId(prefix: string): string {
  const bytes = randomBytes(20)
  let out = ""
  for (const b of bytes) out += ID_ALPHABET[b % ID_ALPHABET.length]
  return `${prefix}_${out}`
}

const DEFAULT_BEHAVIOUR: SandboxCardBehaviour = { verification: "succeeds", charges: "succeed", credit: "approved" }

/** A lock per record: calls on one record run one at a time, calls on others meanwhile. */
function createRecordLocks() {
  const tails = new Map<string, Promise<unknown>>()
  return function withLock<T>(record: string | null, fn: () => Promise<T>): Promise<T> {
    if (record === null) return fn()
    const result = (tails.get(record) ?? Promise.resolve()).then(fn)
    const tail = result.then(
      () => undefined,
      () => undefined
    )
    tails.set(record, tail)
    tail.then(() => {
      if (tails.get(record) === tail) tails.delete(record)
    })
    return result
  }
}

/** Another process holds a key's claim for longer than a call waits. */
class ClaimBusy extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function invalid(message: string): ProcessorResult<never> {
  return processorError("invalid_request", message)
}

function fail(error: ProcessorError): ProcessorResult<never> {
  return { ok: false, error }
}

function checkKey(key: unknown, field = "idempotencyKey"): ProcessorResult<never> | null {
  if (typeof key !== "string" || key.trim() === "" || key.length > 255) {
    return invalid(`${field} must be a non-empty string of at most 255 characters`)
  }
  return null
}

function checkMetadata(metadata: unknown): ProcessorResult<never> | null {
  if (metadata === undefined) return null
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) return invalid("metadata must be an object of strings")
  for (const v of Object.values(metadata)) if (typeof v !== "string") return invalid("metadata values must be strings")
  return null
}

/** Month index (year * 12 + month - 1) of a date, in UTC. */
function monthIndex(date: Date): number {
  return date.getUTCFullYear() * 12 + date.getUTCMonth()
}

/** A card is valid until the last day of its expiry month (UTC). */
function isExpired(facts: CardFacts, at: Date): boolean {
  return monthIndex(at) > facts.expYear * 12 + (facts.expMonth - 1)
}

function toDetails(record: ChargeRecord): ChargeDetails {
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

function toOutcome(record: ChargeRecord): ChargeOutcome {
  return record.status === "succeeded"
    ? { status: "succeeded", chargeId: record.chargeId, amount: { ...record.amount } }
    : { status: "failed", chargeId: record.chargeId, code: record.code ?? "card_declined", message: record.message ?? "" }
}

export function createSandboxProcessor(options: SandboxProcessorOptions = {}): SandboxProcessor {
  const clock = options.clock ?? createSandboxClock()
  const store = options.store ?? createMemorySandboxStore()
  const newId = options.newId ?? randomId
  const withLock = createRecordLocks()
  const timings: ClaimTimings = { ...CLAIM_TIMINGS, ...options.claimTimings }
  /** Names this processor in its claims (which process holds a key, when debugging). */
  const processId = randomId("proc")
  /** `<op>:<key>` → the running call with that key. */
  const inflight = new Map<string, Promise<ProcessorResult<IdempotencyRecord<unknown>>>>()

  const nowIso = () => clock.now().toISOString()

  /**
   * The settled record under an idempotency key, or undefined when the key is free. A claim held
   * by another process is waited for; a stale one (its process died mid-call) is removed.
   */
  async function settledRecord<T>(storeKey: string): Promise<IdempotencyRecord<T> | undefined> {
    const giveUpAt = Date.now() + timings.waitMs
    for (;;) {
      const current = await store.get<IdempotencyRecord<T> | PendingClaim>(storeKey)
      if (!isPending(current)) return current
      if (Date.now() - Date.parse(current.since) > timings.staleMs) {
        await store.release(storeKey, current)
        continue
      }
      if (Date.now() > giveUpAt) throw new ClaimBusy()
      await sleep(timings.pollMs)
    }
  }

  /**
   * Claims the key for this call (reading the record it works on in the same step), or answers
   * the record another call settled under the key.
   */
  async function claimOrSettled<T>(
    storeKey: string,
    record: string | undefined
  ): Promise<{ claim: PendingClaim; read: unknown } | { settled: IdempotencyRecord<T> }> {
    for (;;) {
      const claim: PendingClaim = { pending: true, since: new Date().toISOString(), by: processId }
      const { claimed, read } = await store.claim(storeKey, claim, record)
      if (claimed) return { claim, read }
      const settled = await settledRecord<T>(storeKey)
      if (settled) return { settled }
    }
  }

  /**
   * Runs `work` at most once per (operation, key): a stored result or a running call with the same
   * key is returned instead. `work` puts the records it creates in `writes`; they are stored with
   * the answer, in one write. `record` names the record the call works on: `work` gets it (read
   * with the claim), and when the call `changes` it, other calls on it wait their turn. `persist`
   * says which results are remembered under the key (errors never are: nothing happened). A
   * different request under a used key is refused.
   */
  async function idempotent<T>(call: IdempotentCall<T>, work: Work<T>): Promise<ProcessorResult<T>> {
    const { op, key } = call
    const slot = `${op}:${key}`
    let running = inflight.get(slot) as Promise<ProcessorResult<IdempotencyRecord<T>>> | undefined
    if (!running) {
      const lock = call.changes && call.record ? call.record : null
      running = withLock(lock, () => runClaimed(idemKey(op, key), call, work)).catch((error: unknown) =>
        error instanceof ClaimBusy
          ? processorError<IdempotencyRecord<T>>("processor_unavailable", "another process is still running a call with this key; retry with the same key")
          : processorError<IdempotencyRecord<T>>("processor_unavailable", "the sandbox store failed; retry with the same key")
      )
      inflight.set(slot, running)
      const release = () => {
        if (inflight.get(slot) === running) inflight.delete(slot)
      }
      running.then(release, release)
    }
    const outcome = await running
    if (!outcome.ok) return outcome
    if (outcome.value.fingerprint !== call.fingerprint) {
      return processorError("idempotency_key_reused", `this ${op} idempotency key was already used for a different request`)
    }
    return processorOk(outcome.value.value)
  }

  async function runClaimed<T>(storeKey: string, call: IdempotentCall<T>, work: Work<T>): Promise<ProcessorResult<IdempotencyRecord<T>>> {
    const { fingerprint, persist = () => true } = call
    const claimed = await claimOrSettled<T>(storeKey, call.record)
    if ("settled" in claimed) return processorOk(claimed.settled)
    const writes: Writes = {}
    let result: ProcessorResult<T>
    try {
      result = await work(writes, claimed.read)
      if (result.ok && persist(result.value)) {
        const record: IdempotencyRecord<T> = { fingerprint, value: result.value, createdAt: nowIso() }
        await store.put({ ...writes, [storeKey]: record })
        return processorOk(record)
      }
    } catch (error) {
      // Nothing was written (a put is all or nothing): free the key so that a retry can run now.
      await store.release(storeKey, claimed.claim).catch(() => false)
      throw error
    }
    // Not remembered under the key (an error, or a refusal asking again would repeat; neither
    // writes a record): free it.
    await store.release(storeKey, claimed.claim)
    return result.ok ? processorOk({ fingerprint, value: result.value, createdAt: nowIso() }) : result
  }

  /** Runs a call that creates a new record without idempotency (describeCard without a key). */
  async function once<T>(work: (writes: Writes) => Promise<ProcessorResult<T>>): Promise<ProcessorResult<T>> {
    try {
      const writes: Writes = {}
      const result = await work(writes)
      await store.put(writes)
      return result
    } catch {
      return processorError("processor_unavailable", "the sandbox store failed")
    }
  }

  async function safeRead<T>(work: () => Promise<ProcessorResult<T>>): Promise<ProcessorResult<T>> {
    try {
      return await work()
    } catch {
      return processorError("processor_unavailable", "the sandbox store failed")
    }
  }

  /** The card record a call read, or unknown_card. */
  function cardFound(card: unknown): ProcessorResult<CardRecord> {
    return card ? processorOk(card as CardRecord) : processorError("unknown_card", "no card with this cardRef in the sandbox")
  }

  const behaviourOf = (card: CardRecord): SandboxCardBehaviour => findTestCard(card.token)?.behaviour ?? DEFAULT_BEHAVIOUR
  const summaryOf = (card: CardRecord): CardSummary => ({ cardRef: card.cardRef, ...card.facts, networks: [...card.facts.networks] })

  const capabilities: ProcessorCapabilities = Object.freeze({
    zeroAmountVerification: true,
    creditDecision: "processor",
    partialRefunds: true,
    currencies: "any",
    testMode: true,
  })

  const processor: SandboxProcessor = {
    name: SANDBOX_PROCESSOR_NAME,
    capabilities,
    clock,
    store,

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
        const expiry = monthIndex(now) + testCard.expiresInMonths
        const facts: CardFacts = {
          network: testCard.network,
          networks: [...testCard.networks],
          brand: testCard.brand,
          funding: testCard.funding,
          virtual: testCard.virtual,
          systematicAuthorisation: testCard.systematicAuthorisation,
          issuerCountry: testCard.issuerCountry,
          expMonth: (expiry % 12) + 1,
          expYear: Math.floor(expiry / 12),
          last4: testCard.last4,
        }
        const record: CardRecord = { cardRef: newId("card"), token, facts, createdAt: now.toISOString(), successfulCharges: 0 }
        writes[cardKey(record.cardRef)] = record
        return processorOk(summaryOf(record))
      }
      return opts.idempotencyKey === undefined
        ? once(work)
        : idempotent({ op: "describe", key: opts.idempotencyKey, fingerprint: JSON.stringify([token]) }, work)
    },

    async getCard(cardRef: string) {
      return safeRead(async () => {
        if (typeof cardRef !== "string" || cardRef === "") return invalid("cardRef must be a non-empty string")
        const card = cardFound(await store.get(cardKey(cardRef)))
        return card.ok ? processorOk(summaryOf(card.value)) : card
      })
    },

    async verifyCard(request: VerifyCardRequest) {
      const bad = checkKey(request?.idempotencyKey)
      if (bad) return bad
      if (typeof request.cardRef !== "string" || request.cardRef === "") return invalid("cardRef must be a non-empty string")
      const call = { op: "verify" as const, key: request.idempotencyKey, fingerprint: JSON.stringify([request.cardRef]), record: cardKey(request.cardRef) }
      return idempotent(call, async (_writes, record) => {
        const loaded = cardFound(record)
        if (!loaded.ok) return loaded
        const card = loaded.value
        const verificationId = newId("ver")
        let code: ChargeFailureCode | null = null
        if (isExpired(card.facts, clock.now())) code = "expired_card"
        else if (behaviourOf(card).verification === "declined") code = "card_declined"
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
      if (typeof request.cardRef !== "string" || request.cardRef === "") return invalid("cardRef must be a non-empty string")
      const fingerprint = JSON.stringify([request.cardRef, request.amount.cents, request.amount.currency, request.planCode])
      return idempotent({ op: "credit", key: request.idempotencyKey, fingerprint, record: cardKey(request.cardRef) }, async (_writes, record) => {
        const loaded = cardFound(record)
        if (!loaded.ok) return loaded
        const decision: CreditDecision = {
          decision: behaviourOf(loaded.value).credit === "refused" ? "refused" : "approved",
          reference: newId("cd"),
        }
        return processorOk(decision)
      })
    },

    async charge(request: ChargeRequest) {
      const bad = checkKey(request?.idempotencyKey)
      if (bad) return bad
      const badAmount = checkAmount(request.amount)
      if (badAmount) return fail(badAmount)
      if (typeof request.cardRef !== "string" || request.cardRef === "") return invalid("cardRef must be a non-empty string")
      if (typeof request.description !== "string") return invalid("description must be a string")
      if (typeof request.offSession !== "boolean") return invalid("offSession must be a boolean")
      if (request.at !== undefined && (!(request.at instanceof Date) || Number.isNaN(request.at.getTime()))) {
        return invalid("at must be a valid Date")
      }
      const badMetadata = checkMetadata(request.metadata)
      if (badMetadata) return badMetadata
      // Description, time and metadata are informational: a retry may change them.
      const fingerprint = JSON.stringify([request.cardRef, request.amount.cents, request.amount.currency, request.offSession])
      // The card's count of successful charges changes: charges on one card take turns.
      const call = { op: "charge" as const, key: request.idempotencyKey, fingerprint, record: cardKey(request.cardRef), changes: true }
      return idempotent(call, async (writes, stored) => {
        const loaded = cardFound(stored)
        if (!loaded.ok) return loaded
        const card = loaded.value
        const at = request.at ?? clock.now()
        const behaviour = behaviourOf(card)
        let code: ChargeFailureCode | null = null
        if (isExpired(card.facts, at)) code = "expired_card"
        else if (behaviour.charges === "declined") code = "card_declined"
        else if (behaviour.charges === "insufficient_after_first" && card.successfulCharges >= 1) code = "insufficient_funds"
        const record: ChargeRecord = {
          chargeId: newId("ch"),
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
        writes[chargeKey(record.chargeId)] = record
        // Only a card whose behaviour depends on it keeps count of its successful charges: for the
        // others the write would change nothing that is ever read (a third of a charge's writes).
        if (!code && behaviour.charges === "insufficient_after_first") writes[cardKey(card.cardRef)] = { ...card, successfulCharges: card.successfulCharges + 1 }
        return processorOk(toOutcome(record))
      })
    },

    async refund(request: RefundRequest) {
      const bad = checkKey(request?.idempotencyKey)
      if (bad) return bad
      const badAmount = checkAmount(request.amount)
      if (badAmount) return fail(badAmount)
      if (typeof request.chargeId !== "string" || request.chargeId === "") return invalid("chargeId must be a non-empty string")
      const badMetadata = checkMetadata(request.metadata)
      if (badMetadata) return badMetadata
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
      return idempotent(call, async (writes, stored): Promise<ProcessorResult<RefundOutcome>> => {
        const charge = stored as ChargeRecord | undefined
        if (!charge) return processorError("unknown_charge", "no charge with this chargeId in the sandbox")
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
        const record: RefundRecord = {
          refundId: newId("re"),
          chargeId: charge.chargeId,
          amount: { cents: request.amount.cents, currency: request.amount.currency },
          idempotencyKey: request.idempotencyKey,
          createdAt: nowIso(),
          metadata: { ...(request.metadata ?? {}) },
        }
        writes[refundKey(record.refundId)] = record
        writes[chargeKey(charge.chargeId)] = { ...charge, refundedCents: charge.refundedCents + record.amount.cents }
        return processorOk({ status: "succeeded", refundId: record.refundId, amount: { ...record.amount } })
      })
    },

    async findChargeByIdempotencyKey(idempotencyKey: string) {
      const bad = checkKey(idempotencyKey)
      if (bad) return bad
      const running = inflight.get(`charge:${idempotencyKey}`)
      if (running) await running
      return safeRead(async () => {
        const stored = await settledRecord<ChargeOutcome>(idemKey("charge", idempotencyKey))
        if (!stored) return processorOk(null)
        const charge = await store.get<ChargeRecord>(chargeKey(stored.value.chargeId))
        return charge ? processorOk(toDetails(charge)) : processorOk(null)
      })
    },

    async getCharge(chargeId: string) {
      if (typeof chargeId !== "string" || chargeId === "") return invalid("chargeId must be a non-empty string")
      return safeRead(async () => {
        const charge = await store.get<ChargeRecord>(chargeKey(chargeId))
        return charge ? processorOk(toDetails(charge)) : processorError("unknown_charge", "no charge with this chargeId in the sandbox")
      })
    },
  }
  return processor
}
