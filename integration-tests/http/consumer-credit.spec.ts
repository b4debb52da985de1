/**
 * A direct-mode store without a consumer-credit authorisation (docs/business-rules.md §11), on a
 * real Medusa and Postgres: the demo store run with INSTALMENTS_CREDIT_AUTHORISATION=false, so its
 * options are the defaults of a store that declares none (merchant_size "sme").
 *  - quotes offer only the exempt plans (p2x, d15, d30: last payment within 50 days, no fee);
 *  - a p3x checkout is refused with its reasons before anything is charged;
 *  - the admin API says which regime the direct plans run under.
 */
import { cartWith, placeOrder, planOfOrder, sandboxRecords, SHOPPER, startSession, useShop } from "../helpers/shop"
import { appRunner } from "../helpers/shared-app"
import { useFileEnv } from "../helpers/env"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

// medusa-config.ts reads it when the runner loads it, which is when this file is declared.
useFileEnv({ INSTALMENTS_CREDIT_AUTHORISATION: "false" })

appRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, CHECKOUT_DAY)

    it("quotes only the exempt plans: p2x (second payment on 28 February), d15 and d30", async () => {
      const { data } = await api.get("/store/instalments/quote?amount=249.00&currency_code=eur&country_code=fr&locale=en", { headers: shop.storeHeaders })
      expect(data.plans.map((p: any) => [p.code, p.eligible])).toEqual([
        ["p2x", true],
        ["d15", true],
        ["d30", true],
      ])
      expect(data.plans[0].instalments.map((i: any) => i.due_date)).toEqual(["2027-01-31", "2027-02-28"])
    })

    it("refuses a p3x checkout with the reasons, and charges nothing", async () => {
      const cartId = await cartWith(api, shop, "office-chair")
      const error = await startSession(api, shop, cartId, { ...SHOPPER, locale: "en", plan: "p3x", card_token: "tok_visa" }).catch((e: any) => e.response)
      expect(error.status).toBe(400)
      expect(error.data.message).toBe(
        "plan_not_offered: This payment option is not offered for this order. Please choose another plan or another payment method. | " +
          "consumer_credit_not_authorised: This shop can only offer plans paid off within a short period and without fees. Please choose a shorter plan or another payment method.",
      )
      expect(await sandboxRecords(getContainer(), "charge:")).toEqual([])
      const { data } = await api.get(`/admin/instalment-plans`, { headers: shop.adminHeaders })
      expect(data.instalment_plans).toEqual([])
    })

    it("places a p2x order: an exempt plan is collected as usual", async () => {
      const { order } = await placeOrder(api, shop, "office-chair", { plan: "p2x", card_token: "tok_visa" })
      const plan = await planOfOrder(api, shop, order.id)
      expect(plan.plan_code).toBe("p2x")
      expect(plan.instalments.map((i: any) => [i.due_date, i.status])).toEqual([
        ["2027-01-31", "paid"],
        ["2027-02-28", "scheduled"],
      ])
    })

    it("tells the admin that the direct plans run exempt from consumer-credit law", async () => {
      const { data } = await api.get("/admin/instalments/consumer-credit", { headers: shop.adminHeaders })
      expect(data).toEqual({
        consumer_credit: { regime: "exempt", credit_authorisation: false, merchant_size: "sme", exempt_deferral_days: 50, direct_plans: ["p2x", "d15", "d30"] },
      })
      const anonymous = await api.get("/admin/instalments/consumer-credit").catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)
    })
  },
})
