/**
 * helpers/shared-app.ts: see isolation-1-writes.spec.ts, whose order this file must not see. And a
 * file asking for another configuration than its folder's app is refused, saying what to do.
 */
import { shopRunner } from "../../helpers/shared-app"
import { useShop } from "../../helpers/shop"

// Declared while this file joins the folder's app (SHOP_ENV): another env cannot join it.
let refusal: unknown
try {
  shopRunner({ env: { INSTALMENTS_COLLECTION_JOB: "on" }, testSuite: () => undefined })
} catch (error) {
  refusal = error
}

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, new Date("2027-01-31T10:00:00Z"))

    it("starts from the database as it was after the boot: no order of the file before", async () => {
      const { data } = await api.get("/admin/orders", { headers: shop.adminHeaders })
      expect(data.orders).toHaveLength(0)
    })

    it("refuses a file whose env differs from the app's, and says how to fix it", () => {
      expect(String(refusal)).toContain(`isolation-2-reads asks for env {"INSTALMENTS_COLLECTION_JOB":"on"}`)
      expect(String(refusal)).toContain("move the file out of the folder (it then boots its own app) or give it the folder's env")
    })
  },
})
