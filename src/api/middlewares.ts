import { defineMiddlewares, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { addCartFactsToAlmaSession } from "./store/alma/session-facts"

/**
 * A payment session with the instalments provider gets the cart's country, e-mail and ids from
 * the server, never from the storefront: eligibility depends on the shopper's country.
 */
async function addCartFactsToInstalmentsSession(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { provider_id?: string; data?: Record<string, unknown> }
  if (typeof body.provider_id !== "string" || !body.provider_id.startsWith("pp_instalments")) return next()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: [
      "id",
      "cart.id",
      "cart.email",
      "cart.customer_id",
      "cart.shipping_address.country_code",
      "cart.billing_address.country_code",
    ],
    filters: { id: req.params.id },
  })
  const cart = data[0]?.cart
  const facts = {
    cart_id: cart?.id,
    email: cart?.email ?? undefined,
    customer_id: cart?.customer_id ?? undefined,
    country_code: cart?.shipping_address?.country_code ?? cart?.billing_address?.country_code ?? undefined,
  }
  // Medusa's validator has already run and the core route reads req.body: overwrite there.
  body.data = { ...(body.data ?? {}), ...facts }
  req.body = body
  next()
}

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/payment-collections/:id/payment-sessions",
      method: ["POST"],
      middlewares: [addCartFactsToInstalmentsSession],
    },
    {
      // The same for the Alma provider (cart id, e-mail, addresses): see store/alma/session-facts.ts.
      matcher: "/store/payment-collections/:id/payment-sessions",
      method: ["POST"],
      middlewares: [addCartFactsToAlmaSession],
    },
  ],
})
