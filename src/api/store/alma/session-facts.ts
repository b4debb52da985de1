/**
 * Middleware: an Alma payment session gets the cart's id, e-mail, customer and addresses from the
 * server, never from the storefront (Alma scores the shopper with them; the IPN finds the cart by
 * the id we put in Alma's custom data). Registered in src/api/middlewares.ts.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

const ADDRESS_FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "country_code", "phone"]

export async function addCartFactsToAlmaSession(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { provider_id?: string; data?: Record<string, unknown> }
  if (typeof body.provider_id !== "string" || !body.provider_id.startsWith("pp_alma")) return next()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: [
      "id",
      "cart.id",
      "cart.email",
      "cart.customer_id",
      ...ADDRESS_FIELDS.map((f) => `cart.shipping_address.${f}`),
      ...ADDRESS_FIELDS.map((f) => `cart.billing_address.${f}`),
    ],
    filters: { id: req.params.id },
  })
  const cart = data[0]?.cart
  const facts = {
    cart_id: cart?.id,
    email: cart?.email ?? undefined,
    customer_id: cart?.customer_id ?? undefined,
    shipping_address: cart?.shipping_address ?? undefined,
    billing_address: cart?.billing_address ?? undefined,
  }
  // Medusa's validator has already run and the core route reads req.body: overwrite there.
  body.data = { ...(body.data ?? {}), ...facts }
  req.body = body
  next()
}
