/**
 * The card-processor port: everything the instalment engine asks of whoever actually moves money
 * on the shopper's card. The engine only ever talks to this interface; adapters (the offline
 * `sandbox`, later Stripe, ...) implement it.
 *
 * Ground rules every adapter must keep:
 * - No card number or CVC ever crosses the port. The storefront tokenises the card with the
 *   processor's own front-end library and hands over an opaque token; the port turns it into a
 *   reusable opaque `cardRef` plus a `CardSummary` (brand, last4, funding, expiry, country...).
 * - Money is an integer number of minor units plus a lower-case ISO 4217 currency. Never floats.
 * - Errors the caller can cause (unknown token, malformed amount, a reused idempotency key...)
 *   come back as values (`{ ok: false, error }`) with a stable `code`; adapters do not throw for
 *   them. A processor that refuses an operation it did process (a declined charge) is not an error:
 *   it is an outcome (`status: "failed"`), recorded and replayed under its idempotency key.
 * - Every call that creates something takes an idempotency key. The same key with the same
 *   request always returns the same result and never moves money twice, also when the calls run
 *   concurrently. The same key with a different request is refused (`idempotency_key_reused`).
 *   Keys are scoped per operation (a charge key and a refund key may be equal) but callers should
 *   still make them globally unique, e.g. `plan_<id>:inst_<n>:attempt_<k>`. A declined charge is
 *   replayed as declined: a retry after a decline needs a NEW key.
 *
 * Mapping to Stripe (the adapter in ./stripe follows it): `describeCard` = retrieve the
 * PaymentMethod (`pm_...`) and attach it to a Customer; `cardRef` can encode `cus_...` and `pm_...`;
 * facts come from `payment_method.card` (brand, last4, funding, exp_month, exp_year, country,
 * networks); `verifyCard` = a SetupIntent confirmed off-session (or `payment_method.card.checks`);
 * `charge` = a PaymentIntent confirmed with `off_session` when `offSession`, the idempotency key
 * passed as Stripe's `Idempotency-Key` AND copied into the intent's metadata so that
 * `findChargeByIdempotencyKey` can use the Search API; `refund` = a Refund on the intent's charge.
 * An intent in `requires_action` (3-D Secure) is the port's `requires_action` outcome, with its
 * client_secret, when the caller said the shopper can authenticate (`shopperCanAuthenticate`);
 * otherwise it is cancelled and fails `authentication_required`.
 * `creditDecision` has no Stripe counterpart: an adapter without one approves and says so in
 * `capabilities.creditDecision`.
 */
import type { CardFunding, CardNetwork, PlanCode } from "../domain/codes"

// ---------------------------------------------------------------------------------------------
// Values

/** Integer minor units (cents) and a lower-case ISO 4217 currency. Same shape as the domain's Money. */
export type Amount = { cents: number; currency: string }

/** Every port call answers with a value: either what was asked or why it could not be done. */
export type ProcessorResult<T> = { ok: true; value: T } | { ok: false; error: ProcessorError }

/**
 * Stable codes for requests the processor could not process at all. Nothing was created or
 * charged. Add new codes, never rename one.
 */
export const PROCESSOR_ERROR_CODES = [
  "unknown_token", // describeCard: the token does not exist (or has already been used, for single-use tokens)
  "raw_card_number_rejected", // describeCard got something that looks like a card number: never accepted, never stored
  "unknown_card", // the cardRef is not known to this processor
  "unknown_charge", // the chargeId is not known to this processor
  "invalid_amount", // cents is not a safe integer > 0 (>= 0 where zero is allowed)
  "invalid_currency", // not a lower-case three-letter code, or a currency the processor does not support
  "currency_mismatch", // refund currency differs from the charge's
  "invalid_request", // anything else malformed (empty idempotency key, unknown plan code, ...)
  "idempotency_key_reused", // the key was already used for a different request
  "processor_unavailable", // transient (network, rate limit, outage): retry later with the SAME key
] as const
export type ProcessorErrorCode = (typeof PROCESSOR_ERROR_CODES)[number]

export type ProcessorError = {
  code: ProcessorErrorCode
  /** For logs and the admin, in English. Never contains a card number. */
  message: string
  /** True when the same call (same idempotency key) may succeed later. */
  retryable: boolean
}

/**
 * Why a processor refused a verification or a charge it processed. Stable; add, never rename.
 * Adapters map their processor's decline codes onto these (anything else → `card_declined`).
 */
export const CHARGE_FAILURE_CODES = [
  "card_declined", // generic refusal by the issuer
  "insufficient_funds",
  "expired_card",
  "authentication_required", // the issuer wants 3-D Secure: the shopper must act (off-session charge)
  "processing_error", // the processor or issuer failed; may succeed on a later attempt
  "authentication_failed", // the shopper was asked for 3-D Secure and did not pass it
] as const
export type ChargeFailureCode = (typeof CHARGE_FAILURE_CODES)[number]

/** Why a refund was refused. Stable; add, never rename. */
export const REFUND_FAILURE_CODES = [
  "refund_exceeds_charge", // more than the charge minus what was already refunded on it
  "charge_not_succeeded", // the charge failed: there is nothing to refund
] as const
export type RefundFailureCode = (typeof REFUND_FAILURE_CODES)[number]

// ---------------------------------------------------------------------------------------------
// Cards

/** What the plugin may know and store about a card. No card number, no CVC. */
export type CardFacts = {
  /** The network eligibility checks (for a co-badged card, the domestic scheme: `cb`). */
  network: CardNetwork
  /** Every network the card can be routed through, `network` first (e.g. `["cb", "visa"]`). */
  networks: readonly CardNetwork[]
  /** Display name, e.g. "Visa", "Carte Bancaire". */
  brand: string
  funding: CardFunding
  /** A virtual / single-use card number (e-card). */
  virtual: boolean
  /** Systematic authorisation cards (Maestro, Visa Electron...): every payment checks the balance. */
  systematicAuthorisation: boolean
  /** ISO 3166-1 alpha-2, lower case (e.g. "fr"); "" when the processor does not say. */
  issuerCountry: string
  /** 1..12 */
  expMonth: number
  /** Four digits. The card is valid until the last day of expMonth/expYear. */
  expYear: number
  /** The last four digits, for display only. */
  last4: string
  /**
   * The same for every registration of the same card number, different for another number (never
   * the number itself, nor reversible to it): what links plans paid with one card (business rules
   * §8). Optional: an adapter whose processor gives none leaves it out, and its plans are then
   * linked only by e-mail and phone. Stripe: `payment_method.card.fingerprint`.
   */
  fingerprint?: string
}

/** A reusable card reference plus its facts. */
export type CardSummary = CardFacts & {
  /** Opaque, reusable, unique per card registration. Store it; charge it later. At most 255 chars. */
  cardRef: string
}

export type DescribeCardOptions = {
  /** Makes the registration idempotent: the same key returns the same cardRef. */
  idempotencyKey?: string
  /** Passed to processors that attach cards to a customer record. Adapters must not log them. */
  customer?: { email?: string; phone?: string; name?: string }
}

export type VerifyCardRequest = {
  cardRef: string
  idempotencyKey: string
  /** The shopper is there to authenticate (see `ChargeRequest.shopperCanAuthenticate`). */
  shopperCanAuthenticate?: boolean
}

/**
 * What the shopper's browser needs to pass the issuer's 3-D Secure challenge, with the processor's
 * own front-end library (Stripe.js: `stripe.handleNextAction({ clientSecret })`). Meant for the
 * shopper's browser, and only for it: it lets that browser finish this one payment or setup.
 */
export type ShopperAction = {
  type: "authenticate"
  /** Stripe: the PaymentIntent's or SetupIntent's client_secret. */
  clientSecret: string
  /** What waits for the shopper: a payment (charge) or a card setup (verification). */
  intent: "payment" | "setup"
}

export type VerificationOutcome =
  | { status: "succeeded"; verificationId: string }
  | { status: "failed"; verificationId: string; code: ChargeFailureCode; message: string }
  /** Only when `shopperCanAuthenticate`: nothing is verified until the shopper passed the challenge; ask again with the same key. */
  | { status: "requires_action"; verificationId: string; action: ShopperAction }

// ---------------------------------------------------------------------------------------------
// Credit decision

export type CreditDecisionRequest = {
  cardRef: string
  /** The total financed (the order total). */
  amount: Amount
  planCode: PlanCode
  phone?: string
  email?: string
  idempotencyKey: string
}

export type CreditDecision = {
  decision: "approved" | "refused"
  /** The processor's reference for the decision; store it as proof. */
  reference: string
}

// ---------------------------------------------------------------------------------------------
// Charges

export type ChargeRequest = {
  cardRef: string
  /** cents > 0 */
  amount: Amount
  idempotencyKey: string
  /** Shown in the processor's dashboard; may reach the statement. No personal data. */
  description: string
  /** True when the shopper is not present (scheduled instalments); false at checkout. */
  offSession: boolean
  /**
   * The shopper is there and their browser can pass a 3-D Secure challenge (checkout, the
   * self-service page): when the issuer asks for one, the adapter answers `requires_action` and
   * nothing moves until the shopper passed it; asking again with the same key then answers the
   * payment's outcome. Without it (the default), a charge that needs authentication fails
   * `authentication_required`. Only with `offSession: false`.
   */
  shopperCanAuthenticate?: boolean
  /**
   * The time the caller considers "now" (its own clock, e.g. an admin test clock). Real processors
   * ignore it; the sandbox records it as the charge time and checks the card's expiry against it.
   */
  at?: Date
  /** Free-form references for reconciliation (plan id, instalment number, order id). No personal data. */
  metadata?: Record<string, string>
}

export type ChargeOutcome =
  | { status: "succeeded"; chargeId: string; amount: Amount }
  | { status: "failed"; chargeId: string; code: ChargeFailureCode; message: string }
  /**
   * Waiting for the shopper's 3-D Secure (only when `shopperCanAuthenticate`): nothing moved yet.
   * The same request with the same key answers again, with the outcome once the shopper acted.
   */
  | { status: "requires_action"; chargeId: string; action: ShopperAction }

/** A charge as the processor holds it (reconciliation, admin). */
export type ChargeDetails = ChargeOutcome & {
  cardRef: string
  /** What was asked (for a failed charge, or one waiting for the shopper, nothing was taken). */
  requestedAmount: Amount
  /** Total refunded on it so far (0 for a charge that took nothing). */
  refunded: Amount
  idempotencyKey: string
  createdAt: Date
  description: string
  offSession: boolean
  metadata: Record<string, string>
}

// ---------------------------------------------------------------------------------------------
// Refunds

export type RefundRequest = {
  chargeId: string
  /** cents > 0, same currency as the charge. */
  amount: Amount
  idempotencyKey: string
  metadata?: Record<string, string>
}

export type RefundOutcome =
  | { status: "succeeded"; refundId: string; amount: Amount }
  | { status: "failed"; code: RefundFailureCode; message: string }

// ---------------------------------------------------------------------------------------------
// The port

export type ProcessorCapabilities = {
  /** Can check a card without moving money (zero-amount authorisation / SetupIntent). */
  zeroAmountVerification: boolean
  /** "processor": a real credit decision; "none": the adapter always approves. */
  creditDecision: "processor" | "none"
  /** Several partial refunds on one charge. */
  partialRefunds: boolean
  /** Currencies it can charge ("any": whatever lower-case ISO 4217 code is asked). */
  currencies: readonly string[] | "any"
  /** Offline, nothing real moves (sandbox / test mode). */
  testMode: boolean
}

export interface CardProcessor {
  /** Stable identifier of the adapter, stored beside every card and charge (e.g. "sandbox", "stripe"). */
  readonly name: string
  readonly capabilities: ProcessorCapabilities

  /** Turns the storefront's card token into a reusable cardRef plus the card's facts. No money moves. */
  describeCard(token: string, options?: DescribeCardOptions): Promise<ProcessorResult<CardSummary>>

  /** Facts of a card registered earlier. */
  getCard(cardRef: string): Promise<ProcessorResult<CardSummary>>

  /** A zero-amount verification (d15/d30 plans, deferred start). */
  verifyCard(request: VerifyCardRequest): Promise<ProcessorResult<VerificationOutcome>>

  /** The provider's credit decision for this plan. */
  creditDecision(request: CreditDecisionRequest): Promise<ProcessorResult<CreditDecision>>

  /** Charges the card. Idempotent by key, also under concurrency. */
  charge(request: ChargeRequest): Promise<ProcessorResult<ChargeOutcome>>

  /** Refunds (part of) a succeeded charge; never more than what is left on it. Idempotent by key. */
  refund(request: RefundRequest): Promise<ProcessorResult<RefundOutcome>>

  /**
   * The charge made with this idempotency key, or null if none was made: what to ask after a crash
   * between `charge` and the plugin's own write. Waits for a charge still running with that key.
   */
  findChargeByIdempotencyKey(idempotencyKey: string): Promise<ProcessorResult<ChargeDetails | null>>

  /** A charge by id. */
  getCharge(chargeId: string): Promise<ProcessorResult<ChargeDetails>>

  /**
   * Gives up a charge made with `shopperCanAuthenticate` that the plugin will not wait for any
   * more: one still waiting for the shopper's 3-D Secure, or whose challenge failed, is cancelled
   * at the processor so that nothing (the shopper's browser) can confirm it afterwards. Answers
   * its outcome after that: failed, or succeeded when the shopper finished first. A charge that
   * waits for nothing is answered as it is. Moves no money; idempotent.
   */
  abandonCharge(chargeId: string): Promise<ProcessorResult<ChargeOutcome>>
}

// ---------------------------------------------------------------------------------------------
// Helpers adapters share

export function processorOk<T>(value: T): ProcessorResult<T> {
  return { ok: true, value }
}

export function processorError<T = never>(
  code: ProcessorErrorCode,
  message: string,
  retryable = code === "processor_unavailable"
): ProcessorResult<T> {
  return { ok: false, error: { code, message, retryable } }
}

const CURRENCY = /^[a-z]{3}$/

/**
 * Checks an amount crossing the port: integer cents (> 0, or >= 0 with `allowZero`), lower-case
 * three-letter currency. Returns the error to send back, or null when it is fine.
 */
export function checkAmount(amount: unknown, options: { allowZero?: boolean } = {}): ProcessorError | null {
  if (typeof amount !== "object" || amount === null) {
    return { code: "invalid_amount", message: "amount must be { cents, currency }", retryable: false }
  }
  const { cents, currency } = amount as Partial<Amount>
  if (typeof cents !== "number" || !Number.isSafeInteger(cents) || cents < 0 || (cents === 0 && !options.allowZero)) {
    return {
      code: "invalid_amount",
      message: `amount.cents must be an integer ${options.allowZero ? ">= 0" : "> 0"} (minor units)`,
      retryable: false,
    }
  }
  if (typeof currency !== "string" || !CURRENCY.test(currency)) {
    return { code: "invalid_currency", message: "amount.currency must be a lower-case ISO 4217 code", retryable: false }
  }
  return null
}

/**
 * True when the string looks like a card number (13 to 19 digits, spaces or dashes allowed):
 * adapters refuse such "tokens" without echoing or storing them.
 */
export function looksLikeCardNumber(value: string): boolean {
  const compact = value.replace(/[\s-]/g, "")
  return /^\d{13,19}$/.test(compact)
}

