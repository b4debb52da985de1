/**
 * What a storefront and an admin script do over HTTP against the running demo store: place an
 * order paid in instalments through the Store API, and call the Admin API with a token.
 */
import type { DemoServer } from "./demo-server"

async function call(server: DemoServer, method: string, route: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(server.base + route, {
    method,
    headers: { ...headers, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json().catch(() => ({}))) as any
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

export function storeApi(server: DemoServer) {
  const headers = { "x-publishable-api-key": server.store.publishable_key }
  return {
    get: (route: string) => call(server, "GET", route, headers),
    post: (route: string, body?: unknown) => call(server, "POST", route, headers, body ?? {}),
  }
}

export async function adminApi(server: DemoServer) {
  const { token } = await call(server, "POST", "/auth/user/emailpass", {}, { email: server.store.admin_email, password: server.store.admin_password })
  const headers = { authorization: `Bearer ${token}` }
  return {
    get: (route: string) => call(server, "GET", route, headers),
    post: (route: string, body?: unknown) => call(server, "POST", route, headers, body ?? {}),
  }
}

/**
 * Cart with one product shipped to France → instalments session → complete; the order.
 * `authenticate`: the bank asks for 3-D Secure (Stripe): the first completion is refused, the
 * shopper's challenge is passed by this callback, then the cart is completed again.
 */
export async function placeOrder(
  server: DemoServer,
  input: { handle: string; plan: string; cardToken: string; email: string; phone?: string; authenticate?: () => Promise<void> | void },
) {
  const store = storeApi(server)
  const { products } = await store.get(`/store/products?handle=${input.handle}&fields=*variants`)
  const { cart } = await store.post("/store/carts", {
    region_id: server.store.region_id,
    email: input.email,
    items: [{ variant_id: products[0].variants[0].id, quantity: 1 }],
    shipping_address: { country_code: "fr", first_name: "Léa", last_name: "Martin", address_1: "1 rue de la Paix", city: "Paris", postal_code: "75002" },
  })
  const { shipping_options } = await store.get(`/store/shipping-options?cart_id=${cart.id}`)
  await store.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  const { payment_collection } = await store.post("/store/payment-collections", { cart_id: cart.id })
  await store.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    provider_id: "pp_instalments_instalments",
    data: { plan: input.plan, card_token: input.cardToken, phone: input.phone ?? "+33 6 12 34 56 78", locale: "fr" },
  })
  if (input.authenticate) {
    await store.post(`/store/carts/${cart.id}/complete`).then(
      (placed) => Promise.reject(new Error(`the cart was completed without 3-D Secure: ${JSON.stringify(placed)}`)),
      (refused: Error) => expect(refused.message).toContain("was not authorized with the provider"),
    )
    await input.authenticate()
  }
  const done = await store.post(`/store/carts/${cart.id}/complete`)
  if (done.type !== "order") throw new Error(`the cart did not become an order: ${JSON.stringify(done)}`)
  return done.order as { id: string; display_id: number }
}

/** The plan the order.placed subscriber attaches to an order (it runs just after the order). */
export async function planOfOrder(admin: Awaited<ReturnType<typeof adminApi>>, orderId: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { instalment_plans } = await admin.get(`/admin/instalment-plans?order_id=${orderId}`)
    if (instalment_plans.length === 1) return instalment_plans[0]
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`no plan attached to order ${orderId}`)
}
