import { model } from "@medusajs/framework/utils"

/**
 * The private half of a payment session of the plugin's providers, keyed by Medusa's payment
 * session id. Medusa stores a session's `data` and shows it to anyone holding the cart id
 * (`GET /store/carts/:id`), so `data` keeps only what the storefront shows (plan, schedule, a
 * card summary); who the shopper is and the processor's card reference stay here, server-side,
 * until authorisation copies them onto the plan. Written when a session starts or changes, read
 * when it is authorised, removed when Medusa deletes the session.
 */
const InstalmentSessionShopper = model.define("instalment_session_shopper", {
  /** Medusa's payment session id. */
  id: model.text().primaryKey(),
  /** Which provider started the session: `instalments` or `alma`. */
  provider: model.text(),
  cart_id: model.text().nullable(),
  /** The cart's customer (a guest's too). */
  customer_id: model.text().nullable(),
  /** The customer logged in when the session started: the plan's owner (none for a guest). */
  owner_customer_id: model.text().nullable(),
  email: model.text().nullable(),
  phone: model.text().nullable(),
  /** The processor's reference of the card (direct plans); never a card number. */
  card_reference: model.text().nullable(),
  /** The processor's fingerprint of that card, copied onto the plan to link plans by card. */
  card_fingerprint: model.text().nullable(),
  /** The addresses given to a lender to score the shopper (Alma), to create its payment again. */
  addresses: model.json().nullable(),
})

export default InstalmentSessionShopper
