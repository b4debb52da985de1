/**
 * Exchanges revise the plan (issue 5, docs/business-rules.md §6), through Medusa's own exchange
 * flow in the Admin API. The office chair (249.00 €) and its shipping, 254.90 € in 3 = 84.98
 * (paid) + 84.96 + 84.96, is exchanged for a cheaper desk lamp (39.00 €) or a dearer standing desk
 * (1 299.00 €). The security review's M4 (the exchange's Medusa refund told apart by an armed
 * marker, not by its amount), M5 (only the exchange's own payment collection marked paid, for its
 * own amount) and M6 (the difference from what the shopper paid: promotions and taxes) have a test
 * each below.
 */
import { shopRunner } from "../../helpers/shared-app"
import {
  cartWith,
  cents,
  emailsSent,
  instalmentsOf,
  medusaOrder,
  placeOrder,
  planById,
  planOfOrder,
  sandboxRecords,
  SHOPPER,
  startSession,
  useShop,
  waitFor,
} from "../../helpers/shop"

jest.setTimeout(240_000)

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, new Date("2027-01-31T10:00:00Z"))

    async function variantOf(handle: string): Promise<string> {
      const { data } = await api.get(`/store/products?handle=${handle}&fields=*variants`, { headers: shop.storeHeaders })
      return data.products[0].variants[0].id
    }

    /** Medusa's exchange, once the chair has been fulfilled: one chair comes back, `handle` goes out; confirmed. */
    async function exchangeChairFor(orderId: string, handle: string) {
      const admin = { headers: shop.adminHeaders }
      const { data: order } = await api.get(`/admin/orders/${orderId}?fields=*items`, admin)
      const chair = order.order.items.find((item: any) => item.product_handle === "office-chair")
      // Only what was fulfilled can come back.
      await api.post(`/admin/orders/${orderId}/fulfillments`, { items: [{ id: chair.id, quantity: 1 }] }, admin)
      const { data: created } = await api.post("/admin/exchanges", { order_id: orderId }, admin)
      const exchangeId = created.exchange.id
      await api.post(`/admin/exchanges/${exchangeId}/inbound/items`, { items: [{ id: chair.id, quantity: 1 }] }, admin)
      await api.post(`/admin/exchanges/${exchangeId}/outbound/items`, { items: [{ variant_id: await variantOf(handle), quantity: 1 }] }, admin)
      await api.post(`/admin/exchanges/${exchangeId}/request`, {}, admin)
      return { exchangeId, returnedItemId: chair.id as string }
    }

    /** An order of `quantity` office chairs paid in 3 with tok_visa, with a promotion code when given; the order and its plan. */
    async function placeChairOrder(options: { quantity?: number; promoCode?: string } = {}) {
      const headers = { headers: shop.storeHeaders }
      const cartId = await cartWith(api, shop, "office-chair")
      if (options.quantity) {
        const { data } = await api.get(`/store/carts/${cartId}`, headers)
        await api.post(`/store/carts/${cartId}/line-items/${data.cart.items[0].id}`, { quantity: options.quantity }, headers)
      }
      if (options.promoCode) await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [options.promoCode] }, headers)
      await startSession(api, shop, cartId, { ...SHOPPER, plan: "p3x", card_token: "tok_visa" })
      const res = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
      if (res.data.type !== "order") throw new Error(`cart ${cartId} did not complete: ${JSON.stringify(res.data)}`)
      return { order: res.data.order, plan: await planOfOrder(api, shop, res.data.order.id) }
    }

    /** A promotion code taking `percent` % off the items (the Admin API, as a merchant creates one). */
    async function createPromotion(code: string, percent: number) {
      await api.post(
        "/admin/promotions",
        {
          code,
          type: "standard",
          status: "active",
          application_method: { type: "percentage", target_type: "items", allocation: "across", value: percent, currency_code: "eur" },
        },
        { headers: shop.adminHeaders },
      )
    }

    /** Medusa's order edit adding one `handle`, confirmed: Medusa opens a payment collection for it. */
    async function addByOrderEdit(orderId: string, handle: string) {
      const admin = { headers: shop.adminHeaders }
      await api.post("/admin/order-edits", { order_id: orderId }, admin)
      await api.post(`/admin/order-edits/${orderId}/items`, { items: [{ variant_id: await variantOf(handle), quantity: 1 }] }, admin)
      await api.post(`/admin/order-edits/${orderId}/request`, {}, admin)
      await api.post(`/admin/order-edits/${orderId}/confirm`, {}, admin)
    }

    /** The shopper pays the exchange difference from their link; answers the response. */
    async function payExchange(planId: string, cardToken: string) {
      const plan = await planById(api, shop, planId)
      const token = new URL(plan.self_service_url).searchParams.get("token")
      return api
        .post(`/store/instalment-plans/${planId}/pay-exchange`, { token, card_token: cardToken }, { headers: shop.storeHeaders })
        .catch((e: any) => e.response)
    }

    const eventTypes = (plan: any): string[] => plan.events.map((e: any) => e.type)

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
      // The shopper is sent the updated plan (after the response: waited for before the test ends).
      expect(await emailsSent(getContainer(), plan.id, "instalments.planUpdated")).toEqual([expect.objectContaining({ status: "success" })])
    })

    it("M6: a chair bought at -50 % (124.50 €) exchanged for the lamp takes off what was paid for it (85.50 €), not its list price", async () => {
      await createPromotion("HALF", 50)
      const { order, plan } = await placeChairOrder({ promoCode: "HALF" })
      // 124.50 € + 5.90 € of shipping = 130.40 € in 3: 43.48 (paid) + 43.46 + 43.46.
      expect(cents(plan.order_total)).toBe(13040)
      const charges = await chargesOf(plan.id)
      const { exchangeId, returnedItemId } = await exchangeChairFor(order.id, "desk-lamp")

      const revised = await waitFor(
        () => planById(api, shop, plan.id),
        (p) => eventTypes(p).includes("plan.exchange_applied"),
      )
      // 124.50 paid for the chair, 39.00 for the lamp: 85.50 comes off the last instalments.
      expect(cents(revised.order_total)).toBe(13040 - 8550)
      expect(revised.instalments.map((i: any) => [cents(i.amount), i.status])).toEqual([
        [4348, "paid"],
        [142, "scheduled"],
        [0, "cancelled"],
      ])

      await receiveReturn(exchangeId, returnedItemId)
      const after = await waitFor(
        () => planById(api, shop, plan.id),
        (p) => eventTypes(p).includes("plan.exchange_refund_recorded"),
      )
      expect(eventTypes(after)).toContain("plan.exchange_refund_recorded")
      expect(cents(after.order_total)).toBe(4490)
      // Nothing went back to the card: the plan absorbed the difference.
      expect((await sandboxRecords(getContainer(), "refund:")).filter((r) => charges.includes(r.chargeId))).toEqual([])
      // Medusa books its refund on the order right after the provider call: wait for its summary.
      const medusa = await waitFor(
        () => medusaOrder(api, shop, order.id),
        (o) => cents(o.summary.refunded_total) > 0,
      )
      expect(cents(medusa.summary.refunded_total)).toBe(8550)
    })

    it("M4: a goodwill refund of the same amount while the exchange's refund is awaited is a refund; the exchange's own refund is still only recorded", async () => {
      // Two chairs, 503.90 € in 3: 167.98 (paid) + 167.96 + 167.96.
      const { order, plan } = await placeChairOrder({ quantity: 2 })
      const charges = await chargesOf(plan.id)
      const { exchangeId, returnedItemId } = await exchangeChairFor(order.id, "desk-lamp")
      const exchanged = await waitFor(
        () => planById(api, shop, plan.id),
        (p) => eventTypes(p).includes("plan.exchange_applied"),
      )
      // -210.00 €: the last instalment goes, the second loses 42.04.
      expect(exchanged.instalments.map((i: any) => [cents(i.amount), i.status])).toEqual([
        [16798, "paid"],
        [12592, "scheduled"],
        [0, "cancelled"],
      ])

      // Before the chair is back (Medusa refunds an exchange once its return is received), the
      // merchant makes a goodwill refund of exactly 210.00 € on the order's payment.
      const medusa = await medusaOrder(api, shop, order.id)
      const paymentId = medusa.payment_collections[0].payments[0].id
      const goodwill = await api
        .post(`/admin/payments/${paymentId}/refund`, { amount: 210, note: "goodwill" }, { headers: shop.adminHeaders })
        .catch((e: any) => e.response)
      expect(goodwill.status).toBe(200)

      // It is a refund like any other: 125.92 € off what remains, 84.08 € back to the card.
      const refunded = await planById(api, shop, plan.id)
      expect(eventTypes(refunded)).toContain("plan.refund_applied")
      expect(eventTypes(refunded)).not.toContain("plan.exchange_refund_recorded")
      expect(cents(refunded.order_total)).toBe(50390 - 21000 - 21000)
      expect(cents(refunded.refunded_total)).toBe(8408)
      const toCard = (await sandboxRecords(getContainer(), "refund:")).filter((r) => charges.includes(r.chargeId))
      expect(toCard.reduce((sum, r) => sum + r.amount.cents, 0)).toBe(8408)

      // The chair comes back: the exchange's own Medusa refund is recorded, and changes the plan no more.
      await receiveReturn(exchangeId, returnedItemId)
      const after = await waitFor(
        () => planById(api, shop, plan.id),
        (p) => eventTypes(p).includes("plan.exchange_refund_recorded"),
      )
      expect(eventTypes(after)).toContain("plan.exchange_refund_recorded")
      expect(eventTypes(after).filter((t) => t === "plan.refund_applied")).toHaveLength(1)
      expect(cents(after.order_total)).toBe(8390)
      expect(cents(after.refunded_total)).toBe(8408)
      const settled = await waitFor(
        () => medusaOrder(api, shop, order.id),
        (o) => cents(o.summary.refunded_total) === 42000,
      )
      expect(cents(settled.summary.paid_total) - cents(settled.summary.refunded_total)).toBe(8390)
    })

    it("M5: paying a dearer exchange marks no other amount of the order paid (an order edit's stays unpaid)", async () => {
      const { order, plan } = await placeChairOrder()
      // The merchant adds a desk lamp (39.00 €) by an order edit: Medusa asks for it in a payment collection.
      await addByOrderEdit(order.id, "desk-lamp")
      const edited = await medusaOrder(api, shop, order.id)
      const editCollection = edited.payment_collections.find((pc: any) => pc.status === "not_paid")
      expect(cents(editCollection.amount)).toBe(3900)

      await exchangeChairFor(order.id, "standing-desk")
      await waitFor(
        () => planById(api, shop, plan.id),
        (p) => eventTypes(p).includes("plan.exchange_payment_requested"),
      )
      const paid = await payExchange(plan.id, "tok_mastercard")
      expect(paid.status).toBe(200)
      const after = await planById(api, shop, plan.id)
      expect(cents(after.paid_total)).toBe(8498 + 105000)
      // Medusa put the lamp's 39.00 € and the exchange's 1 050.00 € in one collection: it is left
      // alone, and the plan's history says so for the merchant to record the payment in Medusa.
      const refused = after.events.find((e: any) => e.type === "plan.exchange_collection_refused")
      expect(refused?.data).toMatchObject({ paymentCollectionId: editCollection.id, amount: 105000 })

      // The lamp's 39.00 € is still owed in Medusa: its collection was not marked paid.
      const medusa = await medusaOrder(api, shop, order.id)
      const collection = medusa.payment_collections.find((pc: any) => pc.id === editCollection.id)
      expect(collection.status).toBe("not_paid")
      expect(cents(medusa.summary.pending_difference)).toBeGreaterThanOrEqual(3900)
      // The shopper is sent the updated plan (after the response: waited for before the test ends).
      expect(await emailsSent(getContainer(), plan.id, "instalments.planUpdated")).toEqual([expect.objectContaining({ status: "success" })])
    })
  },
})
