/** Customers and attaching PaymentMethods to them. */
import { FakeStripeError, invalidRequest } from "./errors"
import { stripeId } from "./ids"
import { type Params, metadataOf, optionalInteger, optionalString, requiredString } from "./params"
import type { FakeCustomer, FakePaymentMethod, FakeStripeState } from "./state"

export function createCustomer(state: FakeStripeState, params: Params): FakeCustomer {
  const customer: FakeCustomer = {
    id: stripeId("cus"),
    object: "customer",
    created: state.now(),
    email: optionalString(params, "email") ?? null,
    name: optionalString(params, "name") ?? null,
    phone: optionalString(params, "phone") ?? null,
    metadata: metadataOf(params),
    livemode: false,
  }
  state.customers.set(customer.id, customer)
  return customer
}

/** `GET /v1/customers?email=…`: newest first, as Stripe lists. */
export function listCustomers(state: FakeStripeState, params: Params) {
  const email = optionalString(params, "email")
  const limit = optionalInteger(params, "limit") ?? 10
  const all = [...state.customers.values()].filter((c) => email === undefined || c.email === email).reverse()
  return { object: "list", url: "/v1/customers", has_more: all.length > limit, data: all.slice(0, limit) }
}

/**
 * Attaches a PaymentMethod to a Customer. Stripe checks the card with its issuer then: the cards
 * that decline everything fail here with a card error; `pm_card_chargeCustomerFail` attaches.
 */
export function attachPaymentMethod(state: FakeStripeState, id: string, params: Params): FakePaymentMethod {
  const customerId = requiredString(params, "customer")
  state.customer(customerId)
  const pm = state.paymentMethod(id, "payment_method")
  if (pm.customer === customerId) return pm
  if (pm.customer) throw invalidRequest("The payment method you provided has already been attached to a customer.", "payment_method")
  const { card } = state.cardOf(pm.id)
  if (card.issuer.attach !== "succeeds") {
    const decline = card.issuer.attach
    throw new FakeStripeError(402, { type: "card_error", code: decline.code, decline_code: decline.declineCode, message: decline.message, param: "" })
  }
  pm.customer = customerId
  state.emit("payment_method.attached", pm)
  return pm
}

/** Attaches after a successful payment or setup that saves the card (no issuer check: it just passed). */
export function attachAfterSuccess(state: FakeStripeState, pm: FakePaymentMethod, customerId: string | null): void {
  if (!customerId || pm.customer) return
  pm.customer = customerId
  state.emit("payment_method.attached", pm)
}
