/**
 * What the fake Stripe holds: Customers, PaymentMethods, SetupIntents, PaymentIntents, Charges,
 * Refunds, Disputes and the Events their changes produce, in memory, as the objects Stripe's API
 * returns (fields named and typed as the SDK's types; fields the plugin does not read are left out).
 * The operations on them live in customers.ts, intents.ts and refunds.ts.
 */
import type Stripe from "stripe"
import { type FakeTestCard, findFakeTestCard, fingerprintOf } from "./cards"
import { notFound } from "./errors"
import { stripeId } from "./ids"

export type FakeCustomer = Pick<Stripe.Customer, "id" | "object" | "created" | "email" | "name" | "phone" | "metadata" | "livemode">
export type FakePaymentMethod = Pick<Stripe.PaymentMethod, "id" | "object" | "type" | "created" | "customer" | "metadata" | "livemode" | "billing_details"> & {
  card: Pick<Stripe.PaymentMethod.Card, "brand" | "country" | "exp_month" | "exp_year" | "funding" | "last4" | "display_brand" | "fingerprint"> & {
    networks: { available: string[]; preferred: string | null }
  }
}
export type FakeSetupIntent = Pick<
  Stripe.SetupIntent,
  "id" | "object" | "created" | "status" | "usage" | "metadata" | "next_action" | "livemode" | "client_secret" | "description"
> & { customer: string | null; payment_method: string | null; last_setup_error: Partial<Stripe.SetupIntent.LastSetupError> | null }
export type FakePaymentIntent = Pick<
  Stripe.PaymentIntent,
  "id" | "object" | "created" | "amount" | "amount_received" | "currency" | "status" | "metadata" | "description" | "next_action" | "livemode" | "client_secret" | "setup_future_usage" | "capture_method"
> & {
  cancellation_reason?: Stripe.PaymentIntent.CancellationReason | null
  customer: string | null
  payment_method: string | null
  latest_charge: string | null
  last_payment_error: Partial<Stripe.PaymentIntent.LastPaymentError> | null
}
export type FakeCharge = Pick<
  Stripe.Charge,
  "id" | "object" | "created" | "amount" | "amount_captured" | "amount_refunded" | "currency" | "status" | "paid" | "refunded" | "failure_code" | "failure_message" | "metadata" | "livemode" | "disputed"
> & { payment_intent: string; payment_method: string; customer: string | null; description: string | null }
export type FakeRefund = Pick<Stripe.Refund, "id" | "object" | "created" | "amount" | "currency" | "status" | "metadata" | "reason"> & {
  charge: string
  payment_intent: string
}
export type FakeDispute = Pick<Stripe.Dispute, "id" | "object" | "created" | "amount" | "currency" | "status" | "reason" | "livemode" | "metadata"> & {
  charge: string
  payment_intent: string
}
export type FakeEvent = Pick<Stripe.Event, "id" | "object" | "created" | "livemode" | "pending_webhooks"> & {
  type: string
  api_version: string
  data: { object: object }
  request: { id: string | null; idempotency_key: string | null }
}

/** What the fake knows of a PaymentMethod beyond its API object. */
type CardState = { card: FakeTestCard; authenticatedOnce: boolean }

export type FakeStripeOptions = {
  /** The secret key the API accepts (`Authorization: Bearer …`). */
  apiKey: string
  /** Seconds since the epoch for `created` fields. Default: the system clock. */
  now?: () => number
}

export const FAKE_API_VERSION = "2026-11-18.endive"

export class FakeStripeState {
  readonly apiKey: string
  now: () => number
  readonly customers = new Map<string, FakeCustomer>()
  readonly paymentMethods = new Map<string, FakePaymentMethod>()
  readonly cards = new Map<string, CardState>()
  readonly setupIntents = new Map<string, FakeSetupIntent>()
  readonly paymentIntents = new Map<string, FakePaymentIntent>()
  readonly charges = new Map<string, FakeCharge>()
  readonly refunds = new Map<string, FakeRefund>()
  readonly disputes = new Map<string, FakeDispute>()
  readonly events: FakeEvent[] = []
  /** Stripe's Search lags behind writes (up to about a minute): set this to see intents that recent hidden from search. */
  searchDelaySeconds = 0

  constructor(options: FakeStripeOptions) {
    this.apiKey = options.apiKey
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000))
  }

  /**
   * The PaymentMethod an API call names: a stored `pm_…`, or a new one made from a magic test id
   * (`pm_card_visa`…), as Stripe does each time a magic id is used.
   */
  paymentMethod(id: string, param = "payment_method"): FakePaymentMethod {
    const stored = this.paymentMethods.get(id)
    if (stored) return stored
    const card = findFakeTestCard(id)
    if (!card) throw notFound("PaymentMethod", id, param)
    return this.createPaymentMethod(card)
  }

  /** A new PaymentMethod for a test card: what Stripe.js hands the storefront. */
  createPaymentMethod(card: FakeTestCard): FakePaymentMethod {
    const created = this.now()
    const expYear = new Date(created * 1000).getUTCFullYear() + 3
    const pm: FakePaymentMethod = {
      id: stripeId("pm"),
      object: "payment_method",
      type: "card",
      created,
      customer: null,
      livemode: false,
      metadata: {},
      billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
      card: {
        brand: card.brand,
        display_brand: card.networks[0] === "cartes_bancaires" ? "cartes_bancaires" : card.brand,
        country: card.country,
        exp_month: 12,
        exp_year: expYear,
        funding: card.funding,
        last4: card.last4,
        fingerprint: fingerprintOf(card),
        networks: { available: [...card.networks], preferred: null },
      },
    }
    this.paymentMethods.set(pm.id, pm)
    this.cards.set(pm.id, { card, authenticatedOnce: false })
    return pm
  }

  cardOf(pmId: string): CardState {
    return this.cards.get(pmId)!
  }

  customer(id: string, param = "customer"): FakeCustomer {
    const found = this.customers.get(id)
    if (!found) throw notFound("customer", id, param)
    return found
  }

  paymentIntent(id: string): FakePaymentIntent {
    const found = this.paymentIntents.get(id)
    if (!found) throw notFound("payment_intent", id, "intent")
    return found
  }

  setupIntent(id: string): FakeSetupIntent {
    const found = this.setupIntents.get(id)
    if (!found) throw notFound("setup_intent", id, "intent")
    return found
  }

  charge(id: string, param = "charge"): FakeCharge {
    const found = this.charges.get(id)
    if (!found) throw notFound("charge", id, param)
    return found
  }

  /** Records an event with a snapshot of the object, as Stripe sends it to webhook endpoints. */
  emit(type: string, object: object): FakeEvent {
    const event: FakeEvent = {
      id: stripeId("evt"),
      object: "event",
      type,
      created: this.now(),
      livemode: false,
      pending_webhooks: 1,
      api_version: FAKE_API_VERSION,
      data: { object: structuredClone(object) },
      request: { id: null, idempotency_key: null },
    }
    this.events.push(event)
    return event
  }

  /** The events of a type, oldest first (tests). */
  eventsOf(type: string): FakeEvent[] {
    return this.events.filter((e) => e.type === type)
  }
}
