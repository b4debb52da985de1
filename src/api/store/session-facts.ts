/**
 * Middleware: a payment session with one of the plugin's providers gets the cart's facts from the
 * server, never from the storefront. Eligibility depends on the shopper's country (instalments);
 * Alma scores the shopper with the addresses, and its IPN finds the cart by the id we put in
 * Alma's custom data. The same reads for whichever provider; registered in src/api/middlewares.ts.
 *
 * Before anything is stored it also refuses card data in what the storefront sent (Medusa writes
 * the session's data as soon as it starts one). The cart's customer is a fact for the admin only:
 * Medusa sets a guest cart's customer from the e-mail typed at checkout, so the plan's owner is
 * the logged-in customer, which the providers read from Medusa's context.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { cardDataMessage, findCardData } from "../../domain/card-data"

const ADDRESS_FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "country_code", "phone"]

/** What only the server may say: taken out of what the storefront sent, then set from the cart. */
const SERVER_FACTS = ["cart_id", "email", "customer_id", "country_code", "shipping_address", "billing_address"]

type Cart = {
  id?: string
  email?: string | null
  customer_id?: string | null
  shipping_address?: Record<string, unknown> | null
  billing_address?: Record<string, unknown> | null
}

/** What each provider's session data takes from the cart. */
const FACTS_BY_PROVIDER: Record<string, { addressFields: string[]; facts: (cart: Cart | undefined) => Record<string, unknown> }> = {
  pp_instalments: {
    addressFields: ["country_code"],
    facts: (cart) => ({
      ...commonFacts(cart),
      country_code: cart?.shipping_address?.country_code ?? cart?.billing_address?.country_code ?? undefined,
    }),
  },
  pp_alma: {
    addressFields: ADDRESS_FIELDS,
    facts: (cart) => ({
      ...commonFacts(cart),
      shipping_address: cart?.shipping_address ?? undefined,
      billing_address: cart?.billing_address ?? undefined,
    }),
  },
}

function commonFacts(cart: Cart | undefined) {
  return { cart_id: cart?.id, email: cart?.email ?? undefined, customer_id: cart?.customer_id ?? undefined }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

export async function addCartFactsToSession(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = req.body as { provider_id?: unknown; data?: unknown } | undefined
  // A body Medusa's validator refuses (a provider_id that is not text, data that is not an
  // object) is left to it: it answers 400 naming the field.
  if (!isPlainObject(body) || typeof body.provider_id !== "string") return next()
  const providerId = body.provider_id
  const provider = Object.keys(FACTS_BY_PROVIDER).find((prefix) => providerId.startsWith(prefix))
  if (!provider) return next()
  if (body.data !== undefined && !isPlainObject(body.data)) return next()
  const found = findCardData(body.data ?? {}, "data", ["phone"])
  if (found) return next(new MedusaError(MedusaError.Types.INVALID_DATA, cardDataMessage(found)))

  const { addressFields, facts } = FACTS_BY_PROVIDER[provider]
  const cart = await cartOfCollection(req, req.params.id, addressFields)
  const sent = Object.fromEntries(Object.entries(body.data ?? {}).filter(([key]) => !SERVER_FACTS.includes(key)))
  // The core route reads req.body: the facts go there.
  body.data = withoutUndefined({ ...sent, ...facts(cart) })
  req.body = body
  next()
}

/** The payment collection's cart: the link table, then the cart module (3.5 ms where one query.graph through both took 5.7, medians of 200). */
async function cartOfCollection(req: MedusaRequest, collectionId: string, addressFields: string[]): Promise<Cart | undefined> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: collectionId },
  })
  const cartId = links[0]?.cart_id
  if (!cartId) return undefined
  const [cart] = await req.scope.resolve(Modules.CART).listCarts(
    { id: cartId },
    {
      select: ["id", "email", "customer_id", ...addressFields.map((f) => `shipping_address.${f}`), ...addressFields.map((f) => `billing_address.${f}`)],
      relations: ["shipping_address", "billing_address"],
    },
  )
  return cart as Cart | undefined
}

/** Keys with no value are left out: the providers' strict schemas see only what is there. */
function withoutUndefined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined))
}
