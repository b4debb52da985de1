/**
 * The Stripe adapter's card operations. `describeCard` reads the PaymentMethod the storefront got
 * from Stripe.js, gives it a Customer and attaches it (so that it can be charged off-session);
 * `verifyCard` is a SetupIntent for off-session use; Stripe makes no credit decision.
 *
 * The Customer: the one the PaymentMethod is already attached to (a card this shopper saved
 * before), or a new one. The adapter does not look customers up by e-mail: a guest's e-mail is
 * not verified, and a card must not land on someone else's Customer.
 */
import type Stripe from "stripe"
import { isPlanCode } from "../../domain/codes"
import {
  type CardProcessor,
  type CardSummary,
  type DescribeCardOptions,
  type ProcessorResult,
  type VerificationOutcome,
  type VerifyCardRequest,
  checkAmount,
  looksLikeCardNumber,
  processorError,
  processorOk,
} from "../port"
import { cardFactsOf } from "./card-facts"
import { formatCardRef, parseCardRef } from "./card-ref"
import { METADATA_KEY, type StripeContext, badKey, stripeKey } from "./requests"
import { declineMessage, errorOf, failureCodeOf, isDecline } from "./stripe-errors"

type CardOperations = Pick<CardProcessor, "describeCard" | "getCard" | "verifyCard" | "creditDecision">

const summaryOf = (pm: Stripe.PaymentMethod, customer: string): ProcessorResult<CardSummary> =>
  pm.card ? processorOk({ cardRef: formatCardRef({ customer, paymentMethod: pm.id }), ...cardFactsOf(pm.card) }) : processorError("unknown_token", "this Stripe PaymentMethod is not a card")

const customerId = (customer: Stripe.PaymentMethod["customer"]) => (typeof customer === "string" ? customer : (customer?.id ?? null))

export function cardOperations({ stripe }: StripeContext): CardOperations {
  /** The Customer the card goes to, created once per registration key. */
  async function customerFor(pm: Stripe.PaymentMethod, options: DescribeCardOptions): Promise<string> {
    const attached = customerId(pm.customer)
    if (attached) return attached
    const { email, name, phone } = options.customer ?? {}
    const key = options.idempotencyKey === undefined ? undefined : stripeKey("customer", options.idempotencyKey)
    const created = await stripe.customers.create({ email, name, phone, metadata: { created_by: "medusa-instalments" } }, key ? { idempotencyKey: key } : {})
    return created.id
  }

  return {
    async describeCard(token: string, options: DescribeCardOptions = {}) {
      if (typeof token !== "string" || token === "") return processorError("invalid_request", "token must be a non-empty string")
      if (looksLikeCardNumber(token)) return processorError("raw_card_number_rejected", "card numbers are never accepted: tokenise the card with Stripe.js first")
      if (!/^pm_[A-Za-z0-9_]+$/.test(token)) return processorError("unknown_token", "the card token must be a Stripe PaymentMethod id (pm_…) made by Stripe.js")
      if (options.idempotencyKey !== undefined) {
        const bad = badKey<CardSummary>(options.idempotencyKey)
        if (bad) return bad
      }
      try {
        const pm = await stripe.paymentMethods.retrieve(token)
        if (pm.type !== "card" || !pm.card) return processorError("unknown_token", "this Stripe PaymentMethod is not a card")
        const customer = await customerFor(pm, options)
        const key = options.idempotencyKey === undefined ? undefined : stripeKey("attach", options.idempotencyKey)
        const attached = customerId(pm.customer) === customer ? pm : await stripe.paymentMethods.attach(token, { customer }, key ? { idempotencyKey: key } : {})
        return summaryOf(attached, customer)
      } catch (error) {
        if (isDecline(error)) return processorError("invalid_request", `the card was declined when Stripe saved it (${failureCodeOf(error)}): ask the shopper for another card`)
        return errorOf(error, "unknown_token")
      }
    },

    async getCard(cardRef: string) {
      const ref = parseCardRef(cardRef)
      if (!ref) return processorError("unknown_card", "not a Stripe cardRef (cus_…/pm_…)")
      try {
        const pm = await stripe.paymentMethods.retrieve(ref.paymentMethod)
        if (customerId(pm.customer) !== ref.customer) return processorError("unknown_card", "this card is no longer attached to its Stripe customer")
        return summaryOf(pm, ref.customer)
      } catch (error) {
        return errorOf(error, "unknown_card")
      }
    },

    async verifyCard(request: VerifyCardRequest) {
      const bad = badKey<VerificationOutcome>(request?.idempotencyKey)
      if (bad) return bad
      const ref = parseCardRef(request.cardRef)
      if (!ref) return processorError("unknown_card", "not a Stripe cardRef (cus_…/pm_…)")
      try {
        const created = await stripe.setupIntents.create(
          { customer: ref.customer, payment_method: ref.paymentMethod, confirm: true, usage: "off_session", allowed_payment_method_types: ["card"], metadata: { [METADATA_KEY]: request.idempotencyKey } },
          { idempotencyKey: stripeKey("verify", request.idempotencyKey) }
        )
        // A replay answers the setup as it was created: one that waited for the shopper is read again.
        const setup = created.status === "requires_action" ? await stripe.setupIntents.retrieve(created.id) : created
        return processorOk(verificationOf(setup, request.shopperCanAuthenticate === true))
      } catch (error) {
        if (!isDecline(error)) return errorOf(error, "unknown_card")
        const verificationId = error.raw && typeof error.raw === "object" && "setup_intent" in error.raw ? ((error.raw.setup_intent as { id?: string } | undefined)?.id ?? "") : ""
        return processorOk<VerificationOutcome>({ status: "failed", verificationId, code: failureCodeOf(error), message: declineMessage(error) })
      }
    },

    /** Stripe makes no credit decision: approved, as `capabilities.creditDecision: "none"` says. */
    async creditDecision(request) {
      const bad = badKey<never>(request?.idempotencyKey)
      if (bad) return bad
      const badAmount = checkAmount(request.amount)
      if (badAmount) return { ok: false, error: badAmount }
      if (!isPlanCode(request.planCode)) return processorError("invalid_request", "planCode is not a known plan code")
      if (!parseCardRef(request.cardRef)) return processorError("unknown_card", "not a Stripe cardRef (cus_…/pm_…)")
      return processorOk({ decision: "approved" as const, reference: `no_credit_decision:${request.idempotencyKey}` })
    },
  }
}

/** What a confirmed SetupIntent means for the port. */
function verificationOf(setup: Stripe.SetupIntent, shopperCanAuthenticate: boolean): VerificationOutcome {
  if (setup.status === "succeeded") return { status: "succeeded", verificationId: setup.id }
  if (setup.status === "requires_action" && shopperCanAuthenticate && setup.client_secret) {
    return { status: "requires_action", verificationId: setup.id, action: { type: "authenticate", clientSecret: setup.client_secret, intent: "setup" } }
  }
  const error = setup.last_setup_error
  if (error) return { status: "failed", verificationId: setup.id, code: failureCodeOf(error), message: error.message ?? "declined" }
  if (setup.status === "requires_action") return { status: "failed", verificationId: setup.id, code: "authentication_required", message: "the card asks for 3-D Secure, which only the shopper can complete" }
  return { status: "failed", verificationId: setup.id, code: "processing_error", message: `Stripe left the setup in status ${setup.status}` }
}
