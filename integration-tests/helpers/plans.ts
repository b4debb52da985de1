/**
 * Helpers of the plan-lifecycle HTTP tests: the demo store seeded, a shopper's checkout through
 * the Store API, the admin's view of a plan, and the sandbox test clock.
 */
import type { AxiosInstance } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import seedDemoStore from "../../demo/seed"
import type InstalmentsModuleService from "../../src/modules/instalments/service"

export const PROVIDER = "pp_instalments_instalments"
const shopper = { phone: "+33 6 12 34 56 78", locale: "fr" }

export function planHelpers(api: AxiosInstance, getContainer: () => MedusaContainer) {
  let headers: Record<string, string> = {}
  let adminHeaders: Record<string, string> = {}
  let regionId = ""

  const instalments = (): InstalmentsModuleService => getContainer().resolve("instalments")

  async function setUp(checkoutDay: Date) {
    const store = await seedDemoStore({ container: getContainer(), args: [] } as any)
    headers = { "x-publishable-api-key": store.publishable_key }
    regionId = store.region_id
    const { data } = await api.post("/auth/user/emailpass", { email: store.admin_email, password: store.admin_password })
    adminHeaders = { authorization: `Bearer ${data.token}` }
    await instalments().setSandboxTime(checkoutDay)
  }

  async function cartWith(handle: string) {
    const { data: products } = await api.get(`/store/products?handle=${handle}&fields=*variants`, { headers })
    const { data } = await api.post(
      "/store/carts",
      {
        region_id: regionId,
        email: "lea.martin@example.com",
        items: [{ variant_id: products.products[0].variants[0].id, quantity: 1 }],
        shipping_address: { country_code: "fr", first_name: "Léa", last_name: "Martin", address_1: "1 rue de la Paix", city: "Paris", postal_code: "75002" },
      },
      { headers },
    )
    const cartId = data.cart.id as string
    const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, { headers })
    await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }, { headers })
    return cartId
  }

  /** Places an order paid with `plan` and `card_token`; answers the order and its plan (admin view). */
  async function placeOrder(handle: string, plan: string, cardToken: string) {
    const cartId = await cartWith(handle)
    const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
    await api.post(
      `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
      { provider_id: PROVIDER, data: { ...shopper, plan, card_token: cardToken } },
      { headers },
    )
    const res = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
    expect(res.data.type).toBe("order")
    return { order: res.data.order, plan: await planOfOrder(res.data.order.id) }
  }

  async function planOfOrder(orderId: string) {
    // The order.placed subscriber attaches the plan to the order: wait for it.
    for (let attempt = 0; attempt < 50; attempt++) {
      const { data } = await api.get(`/admin/instalment-plans?order_id=${orderId}`, { headers: adminHeaders })
      // The list and its count are two reads: wait until the list itself holds the plan.
      if (data.instalment_plans?.length === 1) return getPlan(data.instalment_plans[0].id)
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error(`no plan attached to order ${orderId}`)
  }

  async function getPlan(id: string) {
    const { data } = await api.get(`/admin/instalment-plans/${id}`, { headers: adminHeaders })
    return data.instalment_plan
  }

  /** POST /admin/instalment-plans/:id/<action>; answers the response, error responses included. */
  async function action(id: string, name: string, body: Record<string, unknown>, extraHeaders: Record<string, string> = {}) {
    return api
      .post(`/admin/instalment-plans/${id}/${name}`, body, { headers: { ...adminHeaders, ...extraHeaders } })
      .catch((e) => e.response)
  }

  /** Advances the sandbox clock by `days`, one collection run per day; answers the clock route's body. */
  async function advance(days: number) {
    const { data } = await api.post("/admin/instalments/sandbox/clock", { advance_days: days }, { headers: adminHeaders })
    return data
  }

  /** The runs of an `advance` that did something, as [day, what happened]. */
  function activity(clock: { runs: any[] }) {
    return clock.runs
      .filter((r) => r.charged || r.failed || r.unfrozen || r.serious_delays || r.errors)
      .map((r) => [r.today, { charged: r.charged_amount, declined: r.declined_amount, serious_delays: r.serious_delays, unfrozen: r.unfrozen }])
  }

  /** The charges the sandbox processor made on a plan's card, in cents, oldest first ("ok" or the decline code). */
  async function sandboxCharges(planId: string) {
    const row = await instalments().loadPlan(planId, { withInstalments: false })
    const store = (instalments().processor as any).store
    return (store.entries() as [string, any][])
      .filter(([key, record]) => key.startsWith("charge:") && record.cardRef === row?.card_reference)
      .map(([, record]) => record)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((record) => [record.amount.cents, record.status === "succeeded" ? "ok" : record.code])
  }

  return {
    setUp,
    instalments,
    placeOrder,
    getPlan,
    action,
    advance,
    activity,
    sandboxCharges,
    get adminHeaders() {
      return adminHeaders
    },
  }
}

/** [number, due date, amount, status] of each instalment of a plan view. */
export function schedule(plan: { instalments: any[] }) {
  return plan.instalments.map((i) => [i.number, i.due_date, i.amount, i.status])
}
