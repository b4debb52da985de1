/**
 * helpers/shop.ts: the app's ready carts. sandbox-shop.spec.ts makes office chairs ready with its seed; a
 * test that takes one finds it unpaid, whatever the tests before it did with it, and completing it
 * places a new order. A cart a `beforeAll` hook completed is not handed to the tests again. (Checked
 * the other way: with `giveBackReadyCarts` taken out of useShop, the second test is given another
 * chair and fails; with the carts the `beforeAll` took given back too, both tests are given the
 * paid one and fail.)
 */
import { shopRunner } from "../../helpers/shared-app"
import { cartWith, placeOrder, SHOPPER, startSession, useShop } from "../../helpers/shop"

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, CHECKOUT_DAY)
    let completedBeforeAll = ""
    beforeAll(async () => {
      completedBeforeAll = (await placeOrder(api, shop, "office-chair", { ...SHOPPER, plan: "p3x", card_token: "tok_visa" })).cartId
    })

    const taken: { cartId: string; completedAt: string | null; orderId: string }[] = []

    /** Takes a ready office chair, notes whether it was paid already, and places an order with it. */
    async function takeAndPay() {
      const headers = { headers: shop.storeHeaders }
      const cartId = await cartWith(api, shop, "office-chair")
      const { data } = await api.get(`/store/carts/${cartId}?fields=id,completed_at`, headers)
      await startSession(api, shop, cartId, { ...SHOPPER, plan: "p3x", card_token: "tok_visa" })
      const res = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
      taken.push({ cartId, completedAt: data.cart.completed_at, orderId: res.data.order.id })
    }

    it("takes a ready cart, unpaid, and places an order with it", async () => {
      await takeAndPay()
      expect(taken[0]).toMatchObject({ completedAt: null, orderId: expect.stringMatching(/^order_/) })
      expect(taken[0].cartId).not.toBe(completedBeforeAll)
    })

    it("takes the same cart again, unpaid in this test's database, and places another order", async () => {
      await takeAndPay()
      expect(taken[1]).toMatchObject({ cartId: taken[0].cartId, completedAt: null, orderId: expect.stringMatching(/^order_/) })
      expect(taken[1].orderId).not.toBe(taken[0].orderId)
    })
  },
})
