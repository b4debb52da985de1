/**
 * Cancellations and refunds revise the plan (issue 5, docs/business-rules.md §6), through Medusa's
 * own Admin API: POST /admin/orders/:id/cancel and POST /admin/payments/:id/refund. Orders are
 * placed through the Store API with the sandbox processor. The worked example: the office chair and
 * its shipping, 254.90 € in 3 = 84.98 (paid at checkout) + 84.96 + 84.96.
 * After every operation Medusa's order summary and the plan agree: what Medusa counts as paid less
 * refunded is what the plan says the order totals.
 */
import { shopRunner } from "../../helpers/shared-app"
import { payEarly } from "../../../src/domain/revisions"
import {
  cents,
  INSTALMENTS_PROVIDER,
  instalmentsOf,
  madeBeforeAll,
  medusaOrder,
  paymentModuleOf,
  placeOrder,
  planById,
  planOfOrder,
  sandboxRecords,
  useShop,
} from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, CHECKOUT_DAY)

    /** The office chair in 3, paid at checkout on CHECKOUT_DAY: the order most tests revise. */
    const chairInThree = madeBeforeAll(getContainer, CHECKOUT_DAY, async () => {
      const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa" })
      const plan = await planOfOrder(api, shop, order.id)
      expect(plan.instalments.map((i: any) => cents(i.amount))).toEqual([8498, 8496, 8496])
      return { order, plan }
    })

    /** The second instalment paid ahead of time, through the plan engine like the shopper's "pay early". */
    async function payNextInstalment(planId: string) {
      await instalmentsOf(getContainer()).revise(planId, (p, ctx) => payEarly(p, { scope: "next" }, ctx), {
        actor: "shopper",
        idempotencyKey: `test:${planId}:pay-next`,
        request: { name: "pay-early", input: { scope: "next" } },
      })
    }

    async function refund(order: any, amount: number) {
      const paymentId = (await medusaOrder(api, shop, order.id)).payment_collections[0].payments[0].id
      return api.post(`/admin/payments/${paymentId}/refund`, { amount }, { headers: shop.adminHeaders })
    }

    /** Cents the sandbox refunded on these charges. */
    async function refundedToCard(chargeIds: string[]): Promise<number> {
      return (await sandboxRecords(getContainer(), "refund:"))
        .filter((r) => chargeIds.includes(r.chargeId))
        .reduce((sum, r) => sum + r.amount.cents, 0)
    }

    /** The processor charges that paid the plan's instalments, as the plan recorded them. */
    async function chargeIdsOf(plan: { id: string }): Promise<string[]> {
      const row = await instalmentsOf(getContainer()).loadPlan(plan.id)
      return (row?.instalments ?? []).map((i) => i.charge_reference).filter((c): c is string => !!c)
    }

    /** Medusa's paid less refunded equals what the plan says the order totals. */
    async function expectMedusaAgrees(orderId: string, plan: any) {
      const order = await medusaOrder(api, shop, orderId)
      const net = cents(order.summary.paid_total) - cents(order.summary.refunded_total)
      expect(net).toBe(cents(plan.order_total))
      return order
    }

    describe("order cancelled", () => {
      it("after 1 paid instalment: 84.98 back to the card, instalments 2 and 3 cancelled", async () => {
        const { order, plan } = await chairInThree()
        const charges = await chargeIdsOf(plan)
        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers: shop.adminHeaders })

        const after = await planById(api, shop, plan.id)
        expect(after.status).toBe("cancelled")
        expect(cents(after.refunded_total)).toBe(8498)
        expect(cents(after.outstanding_total)).toBe(0)
        expect(after.instalments.map((i: any) => [i.number, i.status])).toEqual([[1, "refunded"], [2, "cancelled"], [3, "cancelled"]].map(([n, s]) => [n, expect.stringMatching(n === 1 ? /paid|refunded/ : /cancelled/)]))
        expect(await refundedToCard(charges)).toBe(8498)
        const medusa = await expectMedusaAgrees(order.id, after)
        expect(medusa.status).toBe("canceled")
      })

      it("after 2 paid instalments: 84.98 + 84.96 = 169.94 back, across both charges", async () => {
        const { order, plan } = await chairInThree()
        await payNextInstalment(plan.id)
        const paid = await planById(api, shop, plan.id)
        expect(cents(paid.paid_total)).toBe(16994)
        const charges = await chargeIdsOf(paid)
        expect(charges).toHaveLength(2)

        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers: shop.adminHeaders })
        const after = await planById(api, shop, plan.id)
        expect(after.status).toBe("cancelled")
        expect(cents(after.refunded_total)).toBe(16994)
        expect(after.instalments[2].status).toBe("cancelled")
        expect(await refundedToCard(charges)).toBe(16994)
        await expectMedusaAgrees(order.id, after)
      })
    })

    describe("refund after a return (spread policy, the default)", () => {
      it("100.00 € < 169.92 € remaining: 34.96 + 34.96 left, nothing back to the card", async () => {
        const { order, plan } = await chairInThree()
        const charges = await chargeIdsOf(plan)
        await refund(order, 100)
        const after = await planById(api, shop, plan.id)
        expect(after.instalments.map((i: any) => [i.number, cents(i.amount), i.status])).toEqual([
          [1, 8498, "paid"],
          [2, 3496, "scheduled"],
          [3, 3496, "scheduled"],
        ])
        expect(cents(after.outstanding_total)).toBe(6992)
        expect(cents(after.refunded_total)).toBe(0)
        expect(await refundedToCard(charges)).toBe(0)
        await expectMedusaAgrees(order.id, after)
      })

      it("169.92 € = what remains: both unpaid instalments cancelled, nothing back, the plan is settled", async () => {
        const { order, plan } = await chairInThree()
        await refund(order, 169.92)
        const after = await planById(api, shop, plan.id)
        expect(after.instalments.slice(1).map((i: any) => i.status)).toEqual(["cancelled", "cancelled"])
        expect(cents(after.outstanding_total)).toBe(0)
        expect(cents(after.refunded_total)).toBe(0)
        expect(after.status).toBe("completed")
        expect(await refundedToCard(await chargeIdsOf(plan))).toBe(0)
        await expectMedusaAgrees(order.id, after)
      })

      it("200.00 € > 169.92 € remaining: both cancelled and 30.08 € back to the card", async () => {
        const { order, plan } = await chairInThree()
        await refund(order, 200)
        const after = await planById(api, shop, plan.id)
        expect(after.instalments.slice(1).map((i: any) => i.status)).toEqual(["cancelled", "cancelled"])
        expect(cents(after.refunded_total)).toBe(3008)
        expect(await refundedToCard(await chargeIdsOf(plan))).toBe(3008)
        await expectMedusaAgrees(order.id, after)
      })

      it("refuses more than Medusa captured, and changes nothing", async () => {
        const { order, plan } = await chairInThree()
        const error = await refund(order, 300).catch((e: any) => e.response)
        expect(error.status).toBe(400)
        expect(error.data.message).toMatch(/refund more than/i)
        const after = await planById(api, shop, plan.id)
        expect(after.instalments.map((i: any) => cents(i.amount))).toEqual([8498, 8496, 8496])
        expect(after.events.map((e: any) => e.type)).not.toContain("plan.refund_applied")
      })

      it("a replayed refund (same Medusa refund id) changes nothing the second time", async () => {
        const { order, plan } = await chairInThree()
        await refund(order, 100)
        const medusa = await medusaOrder(api, shop, order.id)
        const payment = medusa.payment_collections[0].payments[0]
        const refundId = payment.refunds[0].id

        // What Medusa's payment module calls again when its workflow step is retried.
        const provider = (paymentModuleOf(getContainer()) as any).__container__[INSTALMENTS_PROVIDER]
        await provider.refundPayment({ data: payment.data, amount: 100, context: { idempotency_key: refundId } })

        const after = await planById(api, shop, plan.id)
        expect(after.instalments.map((i: any) => cents(i.amount))).toEqual([8498, 3496, 3496])
        expect(after.events.filter((e: any) => e.type === "plan.refund_applied")).toHaveLength(1)
      })

      it("two refunds at the same time on the payment give what one after the other gives: 50 + 50 = 34.96 + 34.96", async () => {
        const { order, plan } = await chairInThree()
        const payment = (await medusaOrder(api, shop, order.id)).payment_collections[0].payments[0]
        // Medusa's payment module calls the provider outside its own payment lock: the plan's lock serialises them.
        const payments = paymentModuleOf(getContainer())
        await Promise.all([payments.refundPayment({ payment_id: payment.id, amount: 50 }), payments.refundPayment({ payment_id: payment.id, amount: 50 })])
        const after = await planById(api, shop, plan.id)
        expect(after.instalments.map((i: any) => cents(i.amount))).toEqual([8498, 3496, 3496])
        expect(after.events.filter((e: any) => e.type === "plan.refund_applied")).toHaveLength(2)
        expect(cents(after.order_total)).toBe(15490)
      })

      it("two admin refunds at the same time: the plan follows exactly the refunds Medusa made on the payment", async () => {
        const { order, plan } = await chairInThree()
        const results = await Promise.allSettled([refund(order, 50), refund(order, 50)])
        for (const r of results) {
          // Medusa may refuse the second while the first's order change is open: when it opens its
          // own ("already has an existing active order change") or when it confirms it after the
          // first's confirmation closed it ("Order Change cannot be modified"; @medusajs/order's
          // order-module-service). Its refund step has already run by then and is not compensated
          // (Medusa 2.21), so the payment can hold both refunds: the plan must follow the payment,
          // which is where the money moved.
          if (r.status === "rejected") {
            expect((r.reason as any).response.data.message).toMatch(/already has an existing active order change|Order Change cannot be modified/)
          }
        }
        const after = await planById(api, shop, plan.id)
        const payment = (await medusaOrder(api, shop, order.id)).payment_collections[0].payments[0]
        const refunds = payment.refunds.map((r: any) => cents(r.amount))
        expect(refunds.every((c: number) => c === 5000)).toBe(true)
        expect(cents(after.order_total)).toBe(25490 - 5000 * refunds.length)
        expect(after.events.filter((e: any) => e.type === "plan.refund_applied")).toHaveLength(refunds.length)
        expect(after.instalments.map((i: any) => cents(i.amount))).toEqual(refunds.length === 2 ? [8498, 3496, 3496] : [8498, 5996, 5996])
      })
    })

    it("a d30 plan refunded before its payment: the one instalment is lowered, nothing back", async () => {
      const { order } = await placeOrder(api, shop, "office-chair", { plan: "d30", card_token: "tok_mastercard" })
      const plan = await planOfOrder(api, shop, order.id)
      expect(cents(plan.outstanding_total)).toBe(25490)
      const refundsBefore = (await sandboxRecords(getContainer(), "refund:")).length
      await refund(order, 54.9)
      const after = await planById(api, shop, plan.id)
      expect(after.instalments.map((i: any) => [cents(i.amount), i.status])).toEqual([[20000, "scheduled"]])
      expect(cents(after.refunded_total)).toBe(0)
      expect(await sandboxRecords(getContainer(), "refund:")).toHaveLength(refundsBefore)
      await expectMedusaAgrees(order.id, after)
    })

    it("an order edit before shipping that removes the chair, then Medusa's refund of the difference: 249.00 € = 169.92 off the plan + 79.08 back", async () => {
      const { order, plan } = await chairInThree()
      const admin = { headers: shop.adminHeaders }
      const { data: detail } = await api.get(`/admin/orders/${order.id}?fields=*items`, admin)
      await api.post("/admin/order-edits", { order_id: order.id }, admin)
      await api.post(`/admin/order-edits/${order.id}/items/item/${detail.order.items[0].id}`, { quantity: 0 }, admin)
      await api.post(`/admin/order-edits/${order.id}/request`, {}, admin)
      await api.post(`/admin/order-edits/${order.id}/confirm`, {}, admin)
      const edited = await medusaOrder(api, shop, order.id)
      expect(cents(edited.summary.pending_difference)).toBe(-24900)

      await refund(order, 249)
      const after = await planById(api, shop, plan.id)
      expect(after.instalments.map((i: any) => i.status)).toEqual(["paid", "cancelled", "cancelled"])
      expect(cents(after.refunded_total)).toBe(7908)
      expect(await refundedToCard(await chargeIdsOf(plan))).toBe(7908)
      expect(cents(after.order_total)).toBe(590)
      await expectMedusaAgrees(order.id, after)
    })

    describe("refund preview", () => {
      it("shows the revised schedule and what would go back, and writes nothing", async () => {
        const { plan } = await chairInThree()
        const { data } = await api.post(`/admin/instalment-plans/${plan.id}/preview-refund`, { amount: 200 }, { headers: shop.adminHeaders })
        expect(cents(data.preview.amount)).toBe(20000)
        expect(cents(data.preview.refund_to_card)).toBe(3008)
        expect(cents(data.preview.reduction)).toBe(16992)
        expect(data.preview.instalment_plan.instalments.map((i: any) => i.status)).toEqual(["paid", "cancelled", "cancelled"])

        const unchanged = await planById(api, shop, plan.id)
        expect(unchanged.instalments.map((i: any) => [cents(i.amount), i.status])).toEqual([
          [8498, "paid"],
          [8496, "scheduled"],
          [8496, "scheduled"],
        ])
        expect(await refundedToCard(await chargeIdsOf(plan))).toBe(0)
      })

      it("refuses a bad amount or more than the order totals with a 400 that says why", async () => {
        const { plan } = await chairInThree()
        const post = (body: unknown) =>
          api.post(`/admin/instalment-plans/${plan.id}/preview-refund`, body, { headers: shop.adminHeaders }).catch((e: any) => e.response)
        const missing = await post({})
        expect(missing.status).toBe(400)
        expect(missing.data.message).toContain("amount")
        const tooPrecise = await post({ amount: "10.001" })
        expect(tooPrecise.status).toBe(400)
        const tooMuch = await post({ amount: 300 })
        expect(tooMuch.status).toBe(400)
        expect(tooMuch.data.message).toContain("refund_exceeds_total")
        const unknown = await api
          .post(`/admin/instalment-plans/iplan_unknown/preview-refund`, { amount: 1 }, { headers: shop.adminHeaders })
          .catch((e: any) => e.response)
        expect(unknown.status).toBe(404)
      })
    })
  },
})
