/**
 * PaymentIntents and SetupIntents: create (optionally confirming), confirm, and the shopper's
 * 3-D Secure step (`authenticate`, what Stripe.js's handleNextAction does in a browser).
 *
 * A card needing authentication answers `requires_action` on-session and fails
 * `authentication_required` off-session; a declined confirmation answers HTTP 402 with the intent
 * (back in `requires_payment_method`, its `last_*_error` set), as Stripe documents.
 */
import type { Decline } from "./cards"
import { attachAfterSuccess } from "./customers"
import { FakeStripeError, invalidRequest } from "./errors"
import { stripeId } from "./ids"
import { type Params, metadataOf, optionalBoolean, optionalInteger, optionalString, requiredString } from "./params"
import type { FakeCharge, FakePaymentIntent, FakePaymentMethod, FakeSetupIntent, FakeStripeState } from "./state"

const CURRENCY = /^[a-z]{3}$/

export function createPaymentIntent(state: FakeStripeState, params: Params): FakePaymentIntent {
  const amount = optionalInteger(params, "amount")
  if (amount === undefined) throw invalidRequest("Missing required param: amount.", "amount", "parameter_missing")
  if (amount < 1) throw invalidRequest("Amount must be at least 1", "amount", "amount_too_small")
  const currency = requiredString(params, "currency")
  if (!CURRENCY.test(currency)) throw invalidRequest(`Invalid currency: ${currency}`, "currency")
  const customer = optionalString(params, "customer") ?? null
  if (customer) state.customer(customer)
  const pmId = optionalString(params, "payment_method")
  const pm = pmId ? state.paymentMethod(pmId) : null
  const offSession = optionalBoolean(params, "off_session")
  const sfu = optionalString(params, "setup_future_usage") as FakePaymentIntent["setup_future_usage"] | undefined
  if (offSession && sfu) throw invalidRequest("You cannot use setup_future_usage with off_session.", "off_session")
  const intent: FakePaymentIntent = {
    id: stripeId("pi"),
    object: "payment_intent",
    created: state.now(),
    amount,
    amount_received: 0,
    currency,
    customer,
    payment_method: pm?.id ?? null,
    status: pm ? "requires_confirmation" : "requires_payment_method",
    metadata: metadataOf(params),
    description: optionalString(params, "description") ?? null,
    setup_future_usage: sfu ?? null,
    capture_method: "automatic",
    next_action: null,
    latest_charge: null,
    last_payment_error: null,
    livemode: false,
    client_secret: "",
  }
  intent.client_secret = `${intent.id}_secret_${stripeId("x").slice(2)}`
  state.paymentIntents.set(intent.id, intent)
  state.emit("payment_intent.created", intent)
  if (optionalBoolean(params, "confirm")) confirmPayment(state, intent, { offSession: offSession ?? false, returnUrl: optionalString(params, "return_url") })
  else if (offSession !== undefined) throw invalidRequest("off_session can only be used with confirm=true.", "off_session")
  return intent
}

/** `POST /v1/payment_intents/:id/confirm` */
export function confirmPaymentIntent(state: FakeStripeState, id: string, params: Params): FakePaymentIntent {
  const intent = state.paymentIntent(id)
  const pmId = optionalString(params, "payment_method")
  if (pmId) intent.payment_method = state.paymentMethod(pmId).id
  if (intent.status !== "requires_confirmation" && intent.status !== "requires_payment_method") {
    throw invalidRequest(`This PaymentIntent's status is ${intent.status}, so it cannot be confirmed.`, undefined, "payment_intent_unexpected_state")
  }
  confirmPayment(state, intent, { offSession: optionalBoolean(params, "off_session") ?? false, returnUrl: optionalString(params, "return_url") })
  return intent
}

function confirmPayment(state: FakeStripeState, intent: FakePaymentIntent, how: { offSession: boolean; returnUrl?: string }): void {
  if (!intent.payment_method) throw invalidRequest("You must provide a payment_method to confirm this PaymentIntent.", "payment_method", "payment_intent_unexpected_state")
  const pm = state.paymentMethods.get(intent.payment_method)!
  if (pm.customer && pm.customer !== intent.customer) {
    throw invalidRequest("The provided PaymentMethod is attached to another customer (or to none on this PaymentIntent).", "payment_method")
  }
  if (how.offSession && !pm.customer) throw invalidRequest("An off-session payment needs a PaymentMethod attached to the intent's customer.", "payment_method")
  intent.last_payment_error = null
  if (needsAuthentication(state, pm)) {
    if (how.offSession) {
      const decline: Decline = { code: "authentication_required", declineCode: "authentication_required", message: "Your card was declined. This transaction requires authentication." }
      failPayment(state, intent, pm, decline, true)
      return
    }
    intent.status = "requires_action"
    intent.next_action = nextAction(intent.id, how.returnUrl)
    state.emit("payment_intent.requires_action", intent)
    return
  }
  chargeCard(state, intent, pm, true)
}

function needsAuthentication(state: FakeStripeState, pm: FakePaymentMethod): boolean {
  const { card, authenticatedOnce } = state.cardOf(pm.id)
  return card.issuer.authentication === "always" || (card.issuer.authentication === "once" && !authenticatedOnce)
}

function nextAction(intentId: string, returnUrl?: string): FakePaymentIntent["next_action"] {
  if (returnUrl) return { type: "redirect_to_url", redirect_to_url: { url: `https://hooks.stripe.com/3d_secure_2/authenticate/${intentId}`, return_url: returnUrl } }
  return { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: `https://hooks.stripe.com/3d_secure_2/authenticate/${intentId}` } }
}

/** Authorises with the issuer: a charge, succeeded or failed. `raise`: answer the API call with a 402 on a decline. */
function chargeCard(state: FakeStripeState, intent: FakePaymentIntent, pm: FakePaymentMethod, raise: boolean): void {
  const { card } = state.cardOf(pm.id)
  if (card.issuer.charge !== "succeeds") {
    failPayment(state, intent, pm, card.issuer.charge, raise)
    return
  }
  const charge = newCharge(state, intent, pm, null)
  intent.status = "succeeded"
  intent.amount_received = intent.amount
  intent.next_action = null
  intent.latest_charge = charge.id
  if (intent.setup_future_usage) {
    state.cardOf(pm.id).authenticatedOnce = true
    attachAfterSuccess(state, pm, intent.customer)
  }
  state.emit("charge.succeeded", charge)
  state.emit("payment_intent.succeeded", intent)
}

function failPayment(state: FakeStripeState, intent: FakePaymentIntent, pm: FakePaymentMethod, decline: Decline, raise: boolean): void {
  const authentication = decline.code === "authentication_required"
  const charge = authentication ? null : newCharge(state, intent, pm, decline)
  intent.status = "requires_payment_method"
  intent.next_action = null
  if (charge) intent.latest_charge = charge.id
  intent.last_payment_error = {
    type: "card_error",
    code: decline.code,
    decline_code: decline.declineCode,
    message: decline.message,
    ...(charge ? { charge: charge.id } : {}),
    payment_method: pm as never,
  }
  if (charge) state.emit("charge.failed", charge)
  state.emit("payment_intent.payment_failed", intent)
  if (raise) {
    throw new FakeStripeError(402, { ...intent.last_payment_error, type: "card_error", message: decline.message, payment_intent: structuredClone(intent) as never })
  }
}

function newCharge(state: FakeStripeState, intent: FakePaymentIntent, pm: FakePaymentMethod, decline: Decline | null): FakeCharge {
  const charge: FakeCharge = {
    id: stripeId("ch"),
    object: "charge",
    created: state.now(),
    amount: intent.amount,
    amount_captured: decline ? 0 : intent.amount,
    amount_refunded: 0,
    currency: intent.currency,
    status: decline ? "failed" : "succeeded",
    paid: !decline,
    refunded: false,
    disputed: false,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    metadata: { ...intent.metadata },
    payment_intent: intent.id,
    payment_method: pm.id,
    customer: intent.customer,
    description: intent.description,
    livemode: false,
  }
  state.charges.set(charge.id, charge)
  return charge
}

/** `POST /v1/payment_intents/:id/cancel`: from any state but succeeded or canceled, as Stripe allows. */
export function cancelPaymentIntent(state: FakeStripeState, id: string, params: Params): FakePaymentIntent {
  const intent = state.paymentIntent(id)
  if (intent.status === "succeeded" || intent.status === "canceled") {
    throw invalidRequest(`You cannot cancel this PaymentIntent because it has a status of ${intent.status}.`, undefined, "payment_intent_unexpected_state")
  }
  Object.assign(intent, { status: "canceled", next_action: null, cancellation_reason: optionalString(params, "cancellation_reason") ?? null })
  state.emit("payment_intent.canceled", intent)
  return intent
}

export function createSetupIntent(state: FakeStripeState, params: Params): FakeSetupIntent {
  const customer = optionalString(params, "customer") ?? null
  if (customer) state.customer(customer)
  const pmId = optionalString(params, "payment_method")
  const pm = pmId ? state.paymentMethod(pmId) : null
  const intent: FakeSetupIntent = {
    id: stripeId("seti"),
    object: "setup_intent",
    created: state.now(),
    customer,
    payment_method: pm?.id ?? null,
    status: pm ? "requires_confirmation" : "requires_payment_method",
    usage: (optionalString(params, "usage") ?? "off_session") as FakeSetupIntent["usage"],
    metadata: metadataOf(params),
    description: optionalString(params, "description") ?? null,
    next_action: null,
    last_setup_error: null,
    livemode: false,
    client_secret: "",
  }
  intent.client_secret = `${intent.id}_secret_${stripeId("x").slice(2)}`
  state.setupIntents.set(intent.id, intent)
  state.emit("setup_intent.created", intent)
  if (optionalBoolean(params, "confirm")) confirmSetup(state, intent, optionalString(params, "return_url"))
  return intent
}

function confirmSetup(state: FakeStripeState, intent: FakeSetupIntent, returnUrl?: string): void {
  if (!intent.payment_method) throw invalidRequest("You must provide a payment_method to confirm this SetupIntent.", "payment_method")
  const pm = state.paymentMethods.get(intent.payment_method)!
  if (pm.customer && pm.customer !== intent.customer) throw invalidRequest("The provided PaymentMethod is attached to another customer.", "payment_method")
  const { card } = state.cardOf(pm.id)
  if (card.issuer.authentication === "always" || (card.issuer.authentication === "once" && !state.cardOf(pm.id).authenticatedOnce)) {
    intent.status = "requires_action"
    intent.next_action = nextAction(intent.id, returnUrl) as FakeSetupIntent["next_action"]
    state.emit("setup_intent.requires_action", intent)
    return
  }
  finishSetup(state, intent, pm, true)
}

function finishSetup(state: FakeStripeState, intent: FakeSetupIntent, pm: FakePaymentMethod, raise: boolean): void {
  const { card } = state.cardOf(pm.id)
  intent.next_action = null
  if (card.issuer.setup !== "succeeds") {
    const decline = card.issuer.setup
    intent.status = "requires_payment_method"
    intent.last_setup_error = { type: "card_error", code: decline.code, decline_code: decline.declineCode, message: decline.message }
    state.emit("setup_intent.setup_failed", intent)
    if (raise) throw new FakeStripeError(402, { ...intent.last_setup_error, type: "card_error", message: decline.message, setup_intent: structuredClone(intent) as never })
    return
  }
  intent.status = "succeeded"
  state.cardOf(pm.id).authenticatedOnce = true
  attachAfterSuccess(state, pm, intent.customer)
  state.emit("setup_intent.succeeded", intent)
}

/**
 * The shopper's answer to a 3-D Secure challenge on an intent in `requires_action` (a test
 * control: in a browser, Stripe.js does this). Succeeding goes on with the payment or setup.
 */
export function authenticate(state: FakeStripeState, intentId: string, outcome: "succeed" | "fail"): FakePaymentIntent | FakeSetupIntent {
  const intent = state.paymentIntents.get(intentId) ?? state.setupIntents.get(intentId)
  if (!intent || intent.status !== "requires_action") throw invalidRequest(`${intentId} does not wait for authentication`)
  const pm = state.paymentMethods.get(intent.payment_method!)!
  const failure = { type: "card_error" as const, code: "payment_intent_authentication_failure", message: "The provided PaymentMethod has failed authentication." }
  if (intent.object === "payment_intent") {
    if (outcome === "fail") {
      Object.assign(intent, { status: "requires_payment_method", next_action: null, last_payment_error: failure })
      state.emit("payment_intent.payment_failed", intent)
    } else {
      if (intent.setup_future_usage) state.cardOf(pm.id).authenticatedOnce = true
      chargeCard(state, intent, pm, false)
    }
  } else if (outcome === "fail") {
    Object.assign(intent, { status: "requires_payment_method", next_action: null, last_setup_error: { ...failure, code: "setup_intent_authentication_failure" } })
    state.emit("setup_intent.setup_failed", intent)
  } else {
    finishSetup(state, intent, pm, false)
  }
  return intent
}
