/**
 * Helpers of the plan-lifecycle HTTP tests: the demo store seeded, a shopper's checkout through
 * the Store API, the admin's view of a plan, and the sandbox test clock.
 */
import type { AxiosInstance } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import type InstalmentsModuleService from "../../src/modules/instalments/service"
import { shopRunner } from "./shared-app"
import { instalmentsOf, placeOrder as placeShopOrder, planById, planOfOrder, sandboxRecords, useShop, type Shop } from "./shop"

/** The plan-lifecycle helpers over one shop (see shop.ts), set up again before each test. */
export type PlanHelpers = ReturnType<typeof planHelpers>

/**
 * A suite on a real Medusa app (real Postgres) whose plans live by the sandbox test clock: the
 * hourly collection job is off (the tests collect by moving the clock), and each test starts
 * with a fresh shop and the clock at `checkoutDay`. The app is the folder's when the file is in
 * one (helpers/shared-app.ts).
 */
export function planSuite(
  checkoutDay: Date,
  suite: (h: PlanHelpers, runner: { api: AxiosInstance; getContainer: () => MedusaContainer }) => void,
) {
  shopRunner({
    testSuite: ({ api, getContainer }) => {
      const h = planHelpers(api, getContainer, useShop(api, getContainer, checkoutDay))
      suite(h, { api, getContainer })
    },
  })
}

export function planHelpers(api: AxiosInstance, getContainer: () => MedusaContainer, shop: Shop) {
  const instalments = (): InstalmentsModuleService => instalmentsOf(getContainer())

  /** Places an order paid with `plan` and `card_token`; answers the order and its plan (admin view). */
  async function placeOrder(handle: string, plan: string, cardToken: string) {
    const { order } = await placeShopOrder(api, shop, handle, { plan, card_token: cardToken })
    return { order, plan: await planOfOrder(api, shop, order.id) }
  }

  const getPlan = (id: string) => planById(api, shop, id)
  const adminHeaders = () => shop.adminHeaders

  /** POST /admin/instalment-plans/:id/<action>; answers the response, error responses included. */
  async function action(id: string, name: string, body: Record<string, unknown>, extraHeaders: Record<string, string> = {}) {
    return api
      .post(`/admin/instalment-plans/${id}/${name}`, body, { headers: { ...adminHeaders(), ...extraHeaders } })
      .catch((e) => e.response)
  }

  /** Advances the sandbox clock by `days`, one collection run per day; answers the clock route's body once the days are lived (`wait=true`). */
  async function advance(days: number) {
    const { data } = await api.post("/admin/instalments/sandbox/clock?wait=true", { advance_days: days }, { headers: adminHeaders() })
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
    return (await sandboxRecords(getContainer(), "charge:"))
      .filter((record) => record.cardRef === row?.card_reference)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((record) => [record.amount.cents, record.status === "succeeded" ? "ok" : record.code])
  }

  return {
    instalments,
    placeOrder,
    getPlan,
    action,
    advance,
    activity,
    sandboxCharges,
    /** The shop itself, for a test that builds its own carts (helpers in shop.ts). */
    shop,
    get storeHeaders() {
      return shop.storeHeaders
    },
    get adminHeaders() {
      return adminHeaders()
    },
  }
}

/** [number, due date, amount, status] of each instalment of a plan view. */
export function schedule(plan: { instalments: any[] }) {
  return plan.instalments.map((i) => [i.number, i.due_date, i.amount, i.status])
}
