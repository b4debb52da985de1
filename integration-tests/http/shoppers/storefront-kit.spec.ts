/**
 * The storefront kit's client (src/storefront, medusa-instalments/storefront) against the real
 * Store API: quote → payment session → completion → self-service, as a storefront built on the kit
 * would run them, over plain fetch and over @medusajs/js-sdk. Orders are placed on 31 January 2027
 * with the sandbox processor: the office chair and its shipping, 254.90 € in 3 = 84.98 + 84.96 + 84.96.
 */
import Medusa from "@medusajs/js-sdk"
import { shopRunner } from "../../helpers/shared-app"
import { createInstalmentsClient, type InstalmentsClient } from "../../../src/storefront"
import { cartWith, planOfOrder, SHOPPER, useShop } from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, CHECKOUT_DAY)
    const baseUrl = () => api.defaults.baseURL as string
    const publishableKey = () => shop.storeHeaders["x-publishable-api-key"]
    const overFetch = (): InstalmentsClient => createInstalmentsClient({ baseUrl: baseUrl(), publishableKey: publishableKey() })
    const overSdk = (): InstalmentsClient =>
      createInstalmentsClient({ sdk: new Medusa({ baseUrl: baseUrl(), publishableKey: publishableKey(), auth: { type: "jwt", jwtTokenStorageMethod: "nostore" } }) })

    it("quotes an amount for a product page, in the shopper's language, with the bounds as refusals", async () => {
      const quote = await overFetch().quote({ amount: 249, currencyCode: "eur", countryCode: "fr", locale: "fr" })
      expect(quote).toMatchObject({ currency_code: "eur", total: 249, country_code: "fr" })
      const p3x = quote.plans.find((p) => p.code === "p3x")
      expect(p3x).toMatchObject({ eligible: true, reasons: [], label: "Payer en 3 fois" })
      expect(p3x?.instalments).toHaveLength(3)
      expect(p3x?.lines).toHaveLength(3)
      expect(p3x?.credit_warning).toEqual(expect.any(String))

      const tooDear = await overFetch().quote({ amount: 100000, currencyCode: "eur", countryCode: "fr", locale: "de" })
      expect(tooDear.plans.every((p) => !p.eligible)).toBe(true)
      expect(tooDear.plans[0].reasons[0]).toMatchObject({ code: "amount_above_maximum", message: expect.any(String) })
    })

    it("takes a cart through a refused card, a session, the order and the shopper's self-service", async () => {
      const client = overFetch()
      const cartId = await cartWith(api, shop, "office-chair")
      const quote = await client.quote({ cartId, locale: "fr" })
      expect(quote.total).toBe(254.9)

      const refused = await client.startInstalmentsSession({ cartId, plan: "p3x", cardToken: "tok_prepaid", phone: SHOPPER.phone, locale: "fr" })
      expect(refused).toMatchObject({ type: "refused", status: 400, code: "card_prepaid" })
      if (refused.type === "refused") expect(refused.message).not.toMatch(/^card_prepaid/)

      const started = await client.startInstalmentsSession({ cartId, plan: "p3x", cardToken: "tok_visa", phone: SHOPPER.phone, locale: "fr" })
      if (started.type !== "session") throw new Error(`no session: ${JSON.stringify(started)}`)
      expect(started.session.provider_id).toBe("pp_instalments_instalments")
      expect(started.session.data).toMatchObject({ plan: "p3x", currency_code: "eur", card: { last4: "5556" }, schedule: { label: "Payer en 3 fois" } })
      expect(started.session.data.schedule.instalments.map((i) => i.amount)).toEqual([84.98, 84.96, 84.96])

      const placed = await client.placeOrder(cartId)
      if (placed.type !== "order") throw new Error(`not placed: ${JSON.stringify(placed)}`)
      const plan = await planOfOrder(api, shop, placed.order.id)
      const token = new URL(plan.self_service_url).searchParams.get("token") as string

      const view = await client.plan(plan.id, { token, locale: "en" })
      expect(view).toMatchObject({ id: plan.id, plan_code: "p3x", currency_code: "eur", total: 254.9, locale: "en" })
      expect(view.instalments.map((i) => [i.amount, i.status])).toEqual([[84.98, "paid"], [84.96, "scheduled"], [84.96, "scheduled"]])
      expect(view.actions.pay_next).toEqual({ amount: 84.96 })

      const postponed = await client.postpone(plan.id, { instalmentNumber: 2, days: 5 }, { token })
      expect(postponed.instalment_plan.instalments[1].due_date).toBe("2027-03-05")
      expect(postponed.message).toEqual(expect.any(String))
      await expect(client.postpone(plan.id, { instalmentNumber: 2, days: 40 }, { token })).rejects.toMatchObject({
        name: "InstalmentsApiError",
        status: 400,
        code: "postpone_days_out_of_range",
      })

      const paid = await client.payEarly(plan.id, "next", { token, idempotencyKey: "kit-pay-next" })
      expect(paid.instalment_plan.instalments[1].status).toBe("paid")

      const changed = await client.changeCard(plan.id, "tok_mastercard", { token })
      expect(changed.instalment_plan.card.last4).toBe("4444")
      expect(changed.token).toEqual(expect.stringMatching(/^v2\./))
      await expect(client.plan(plan.id, { token })).rejects.toMatchObject({ status: 401 })
      expect((await client.plan(plan.id, { token: changed.token })).id).toBe(plan.id)
    })

    it("answers a card declined at completion as a refusal with its code, and the cart stays payable", async () => {
      const client = overFetch()
      const cartId = await cartWith(api, shop, "office-chair")
      const started = await client.startInstalmentsSession({ cartId, plan: "p2x", cardToken: "tok_declined", phone: SHOPPER.phone, locale: "es" })
      expect(started.type).toBe("session")
      const declined = await client.placeOrder(cartId)
      expect(declined).toMatchObject({ type: "refused", status: 400, code: "card_declined" })

      await client.startInstalmentsSession({ cartId, plan: "p2x", cardToken: "tok_visa", phone: SHOPPER.phone, locale: "es" })
      expect((await client.placeOrder(cartId)).type).toBe("order")
    })

    it("works the same over @medusajs/js-sdk: quote, session refusal, order, plan, renewed token", async () => {
      const client = overSdk()
      const cartId = await cartWith(api, shop, "office-chair")
      expect((await client.quote({ cartId, locale: "it" })).plans.find((p) => p.code === "p3x")?.eligible).toBe(true)
      expect(await client.startInstalmentsSession({ cartId, plan: "p3x", cardToken: "tok_virtual", phone: SHOPPER.phone })).toMatchObject({
        type: "refused",
        code: "card_virtual",
      })
      await client.startInstalmentsSession({ cartId, plan: "p3x", cardToken: "tok_visa", phone: SHOPPER.phone, locale: "it" })
      const placed = await client.placeOrder(cartId)
      if (placed.type !== "order") throw new Error(`not placed: ${JSON.stringify(placed)}`)
      const plan = await planOfOrder(api, shop, placed.order.id)
      const token = new URL(plan.self_service_url).searchParams.get("token") as string
      expect((await client.plan(plan.id, { token })).locale).toBe("it")
      const changed = await client.changeCard(plan.id, "tok_cb", { token })
      expect(changed.token).toEqual(expect.stringMatching(/^v2\./))
      const forged = await client.plan(plan.id, { token: `${changed.token}x` }).catch((error: unknown) => error)
      expect(forged).toMatchObject({ name: "InstalmentsApiError", status: expect.any(Number) })
      expect([401, 403]).toContain((forged as { status: number }).status)
    })
  },
})
