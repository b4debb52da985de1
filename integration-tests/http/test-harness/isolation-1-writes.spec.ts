/**
 * helpers/shared-app.ts, with isolation-2-reads.spec.ts: a file that joins an app starts from the
 * database as it was after the boot and the store's seed, whatever the files before it wrote. This
 * one places an order; the next one, on the same app, finds none. (Checked the other way: with the
 * restore of the boot's database taken out of shared-app.ts, the next file finds this order and
 * fails.)
 */
import { shopRunner } from "../../helpers/shared-app"
import { placeOrder, SHOPPER, useShop } from "../../helpers/shop"

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, new Date("2027-01-31T10:00:00Z"))

    it("places an order on the shared app", async () => {
      await placeOrder(api, shop, "office-chair", { ...SHOPPER, plan: "p3x", card_token: "tok_visa" })
      const { data } = await api.get("/admin/orders", { headers: shop.adminHeaders })
      expect(data.orders).toHaveLength(1)
    })
  },
})
