/**
 * Support requests on a plan Alma funds (issue 19 part 1): Alma writes to the shoppers of its
 * plans about their payments, but the store's replies to their requests are the store's, so the
 * reply e-mail goes out for an Alma plan too, in the plan's language; the page (which leaves the
 * payments to Alma's own page) still takes a request. Alma is the plugin's stateful fake behind msw.
 */
import { orderWithAlma, useFakeAlma, WITH_ALMA } from "../../helpers/alma"
import { emailsSent, planEmails, planOfOrder, useShop } from "../../helpers/shop"
import { shopRunner } from "../../helpers/shared-app"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const alma = useFakeAlma(WITH_ALMA, { day: CHECKOUT_DAY })
    const shop = useShop(api, getContainer, CHECKOUT_DAY)

    /** Cart → Alma session (Spanish) → the shopper accepts → the IPN places the order: its plan. */
    async function almaPlan() {
      const { orderId } = await orderWithAlma(api, shop, alma, { plan: "p3x", locale: "es" })
      const plan = await planOfOrder(api, shop, orderId)
      expect(plan).toMatchObject({ processor: "alma", locale: "es" })
      return { plan, token: new URL(plan.self_service_url).searchParams.get("token") as string }
    }

    it("e-mails the store's reply to the shopper of an Alma plan, in their language", async () => {
      const { plan, token } = await almaPlan()
      const opened = await api.post(
        `/store/instalment-plans/${plan.id}/support-requests`,
        { category: "order_not_received", message: "¿Dónde está mi pedido?" },
        { headers: { ...shop.storeHeaders, "x-instalments-token": token } },
      )
      const requestId = opened.data.support_request.id
      const replied = await api.post(`/admin/instalment-support-requests/${requestId}/reply`, { message: "Su pedido sale mañana." }, { headers: shop.adminHeaders })
      expect(replied.status).toBe(200)
      expect(replied.data.email_sent).toBe(true)
      const [email] = await emailsSent(getContainer(), plan.id, "instalments.supportReply")
      expect(email).toMatchObject({ to: "lea.martin@example.com" })
      expect(email.data.subject).toMatch(/^Pedido .+: respuesta a su solicitud$/)
      expect(email.data.text).toContain("> Su pedido sale mañana.")
      // Alma writes about the payments: the plugin's own payment e-mails stay out of an Alma plan.
      const all = await planEmails(getContainer(), plan.id, () => true)
      expect(all.map((e) => e.template)).toEqual(["instalments.supportReply"])
    })

    it("takes a request from the page of an Alma plan, which offers no payment action", async () => {
      const { plan, token } = await almaPlan()
      const fields = { token, action: "support-request", requests_seen: "0", category: "change_card", message: "Quiero cambiar de tarjeta." }
      const res = await api.post(`/instalments/plans/${plan.id}?locale=es`, new URLSearchParams(fields).toString(), {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        responseType: "text",
        validateStatus: () => true,
      })
      expect(res.status).toBe(200)
      // No card form here (Alma's page does that): the request goes straight to the store.
      expect(res.data).not.toContain('id="action-change-card"')
      expect(res.data).toContain("Su solicitud se ha enviado. La tienda le responderá en 24 horas")
      expect(res.data).toContain("<strong>Cambiar mi tarjeta de pago</strong>")
    })
  },
})
