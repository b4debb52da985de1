/**
 * The `last_first` revision policy (docs/business-rules.md §6), with a store configured for it: a
 * refund comes off the last unpaid instalment first, then the one before. Same worked example as
 * plans/revisions.spec.ts: 254.90 € in 3 = 84.98 (paid) + 84.96 + 84.96.
 */
import { cents, instalmentsOf, medusaOrder, placeOrder, planById, planOfOrder, useShop } from "../helpers/shop"
import { appRunner } from "../helpers/shared-app"
import { useFileEnv } from "../helpers/env"

jest.setTimeout(240_000)

useFileEnv({ INSTALMENTS_REVISION_POLICY: "last_first" })

appRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, new Date("2027-01-31T10:00:00Z"))

    async function refundOrder(orderId: string, amount: number) {
      const paymentId = (await medusaOrder(api, shop, orderId)).payment_collections[0].payments[0].id
      await api.post(`/admin/payments/${paymentId}/refund`, { amount }, { headers: shop.adminHeaders })
    }

    it("is the configured policy", () => {
      expect(instalmentsOf(getContainer()).engineConfig.revisionPolicy).toBe("last_first")
    })

    it("100.00 €: the last instalment is cancelled (84.96) and 15.04 comes off the second: 69.92 left", async () => {
      const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa" })
      const plan = await planOfOrder(api, shop, order.id)
      await refundOrder(order.id, 100)
      const after = await planById(api, shop, plan.id)
      expect(after.instalments.map((i: any) => [i.number, cents(i.amount), i.status])).toEqual([
        [1, 8498, "paid"],
        [2, 6992, "scheduled"],
        [3, 0, "cancelled"],
      ])
      expect(cents(after.outstanding_total)).toBe(6992)
      expect(cents(after.refunded_total)).toBe(0)
    })

    it("200.00 €: both unpaid instalments cancelled and 30.08 € back to the card, as with spread", async () => {
      const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa" })
      const plan = await planOfOrder(api, shop, order.id)
      await refundOrder(order.id, 200)
      const after = await planById(api, shop, plan.id)
      expect(after.instalments.slice(1).map((i: any) => i.status)).toEqual(["cancelled", "cancelled"])
      expect(cents(after.refunded_total)).toBe(3008)
    })
  },
})
