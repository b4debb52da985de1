/**
 * Exchanges revise the plan (issue 5, business rules §6), through Medusa's own exchange flow in the
 * Admin API. The office chair (249.00 €) and its shipping, 254.90 € in 3 = 84.98 (paid) + 84.96 +
 * 84.96, is exchanged for a cheaper desk lamp (39.00 €) or a dearer standing desk (1 299.00 €).
 */
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  cents,
  instalmentsOf,
  medusaOrder,
  placeOrder,
  planById,
  planOfOrder,
  sandboxRecords,
  useShop,
  waitFor,
} from "../helpers/shop"

jest.setTimeout(240_000)

medusaIntegrationTestRunner({
  cwd: path.join(__dirname, "../.."),
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, new Date("2027-01-31T10:00:00Z"))

    async function variantOf(handle: string): Promise<string> {
      const { data } = await api.get(`/store/products?handle=${handle}&fields=*variants`, { headers: shop.storeHeaders })
      return data.products[0].variants[0].id
    }

    /** Medusa's exchange, once the chair has been fulfilled: the chair comes back, `handle` goes out; confirmed. */
    async function exchangeChairFor(orderId: string, handle: string) {
      const admin = { headers: shop.adminHeaders }
      const { data: order } = await api.get(`/admin/orders/${orderId}?fields=*items`, admin)
      // Only what was fulfilled can come back.
      await api.post(`/admin/orders/${orderId}/fulfillments`, { items: [{ id: order.order.items[0].id, quantity: 1 }] }, admin)
      const { data: created } = await api.post("/admin/exchanges", { order_id: orderId }, admin)
      const exchangeId = created.exchange.id
      await api.post(`/admin/exchanges/${exchangeId}/inbound/items`, { items: [{ id: order.order.items[0].id, quantity: 1 }] }, admin)
      await api.post(`/admin/exchanges/${exchangeId}/outbound/items`, { items: [{ variant_id: await variantOf(handle), quantity: 1 }] }, admin)
      await api.post(`/admin/exchanges/${exchangeId}/request`, {}, admin)
      return { exchangeId, returnedItemId: order.order.items[0].id as string }
    }

    /** The chair arrives back at the warehouse (Medusa's receive-return flow). */
    async function receiveReturn(exchangeId: string, itemId: string) {
      const admin = { headers: shop.adminHeaders }
      const { data } = await api.get(`/admin/exchanges/${exchangeId}?fields=return_id`, admin)
      const returnId = data.exchange.return_id
      await api.post(`/admin/returns/${returnId}/receive`, {}, admin)
      await api.post(`/admin/returns/${returnId}/receive-items`, { items: [{ id: itemId, quantity: 1 }] }, admin)
      await api.post(`/admin/returns/${returnId}/receive/confirm`, {}, admin)
    }

    async function chargesOf(planId: string): Promise<string[]> {
      const row = await instalmentsOf(getContainer()).loadPlan(planId)
      return (row?.instalments ?? []).map((i) => i.charge_reference).filter((c): c is string => !!c)
    }

    it("cheaper (-210.00 €): instalments 2 and 3 absorb 169.92, 40.08 € goes back to the card, Medusa records the refund", async () => {
      const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa" })
      const plan = await planOfOrder(api, shop, order.id)
      const charges = await chargesOf(plan.id)
      const { exchangeId, returnedItemId } = await exchangeChairFor(order.id, "desk-lamp")
      const revised = await waitFor(
        () => planById(api, shop, plan.id),
        (p) => p.events.some((e: any) => e.type === "plan.exchange_applied"),
      )
      expect(revised.events.map((e: any) => e.type)).toContain("plan.exchange_applied")
      expect(revised.instalments.map((i: any) => i.status)).toEqual(["paid", "cancelled", "cancelled"])

      await receiveReturn(exchangeId, returnedItemId)
      const after = await waitFor(
        () => planById(api, shop, plan.id),
        (p) => p.events.some((e: any) => e.type === "plan.exchange_refund_recorded"),
      )
      expect(after.events.map((e: any) => e.type)).toContain("plan.exchange_refund_recorded")
      expect(after.instalments.map((i: any) => [i.number, i.status])).toEqual([
        [1, "paid"],
        [2, "cancelled"],
        [3, "cancelled"],
      ])
      expect(cents(after.refunded_total)).toBe(4008)
      expect(cents(after.order_total)).toBe(4490)
      const toCard = (await sandboxRecords(getContainer(), "refund:")).filter((r) => charges.includes(r.chargeId))
      expect(toCard.reduce((sum, r) => sum + r.amount.cents, 0)).toBe(4008)
      // Medusa's refund of the difference was recorded, and not taken off the plan a second time.
      expect(after.events.filter((e: any) => e.type === "plan.refund_applied")).toHaveLength(0)
      // Medusa books the refund on the order right after the provider call: wait for its summary.
      const medusa = await waitFor(
        () => medusaOrder(api, shop, order.id),
        (o) => cents(o.summary.pending_difference) === 0,
      )
      expect(cents(medusa.summary.paid_total) - cents(medusa.summary.refunded_total)).toBe(4490)
    })

    it("dearer (+1 050.00 €): the schedule stays, the shopper pays the difference by card from their link, Medusa sees it paid", async () => {
      const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa" })
      const plan = await planOfOrder(api, shop, order.id)
      const { exchangeId, returnedItemId } = await exchangeChairFor(order.id, "standing-desk")

      const requested = await waitFor(
        () => planById(api, shop, plan.id),
        (p) => p.events.some((e: any) => e.type === "plan.exchange_payment_requested"),
      )
      expect(requested.events.map((e: any) => e.type)).toContain("plan.exchange_payment_requested")
      expect(requested.instalments.map((i: any) => cents(i.amount))).toEqual([8498, 8496, 8496])

      const link = new URL(requested.self_service_url)
      const token = link.searchParams.get("token")
      const refused = await api
        .post(`/store/instalment-plans/${plan.id}/pay-exchange`, { token, card_token: "tok_declined" }, { headers: shop.storeHeaders })
        .catch((e: any) => e.response)
      expect(refused.status).toBe(400)

      const { data } = await api
        .post(`/store/instalment-plans/${plan.id}/pay-exchange`, { token, card_token: "tok_mastercard" }, { headers: shop.storeHeaders })
        .catch((e: any) => {
          throw new Error(`pay-exchange: ${e.response?.status} ${JSON.stringify(e.response?.data)}`)
        })
      expect(data.instalment_plan).toBeDefined()
      const after = await planById(api, shop, plan.id)
      expect(cents(after.paid_total)).toBe(8498 + 105000)
      expect(cents(after.order_total)).toBe(25490 + 105000)
      expect(after.instalments.map((i: any) => cents(i.amount))).toEqual([8498, 8496, 8496])

      await receiveReturn(exchangeId, returnedItemId)
      const medusa = await medusaOrder(api, shop, order.id)
      expect(cents(medusa.summary.paid_total) - cents(medusa.summary.refunded_total)).toBe(25490 + 105000)
      expect(cents(medusa.summary.pending_difference)).toBe(0)

      const again = await api
        .post(`/store/instalment-plans/${plan.id}/pay-exchange`, { token, card_token: "tok_mastercard" }, { headers: shop.storeHeaders })
        .catch((e: any) => e.response)
      expect(again.status).toBe(400)
      expect(again.data.message).toContain("exchange_nothing_due")
    })
  },
})
