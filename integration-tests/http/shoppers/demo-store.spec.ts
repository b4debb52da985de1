/**
 * The demo store as `npm start` builds it: the root medusa-config.ts (here with the sandbox shop's
 * test clock, as `npm start` has it), the idempotent seed, and the Store API a storefront sees.
 */
import { Modules } from "@medusajs/framework/utils"
import seedDemoStore, { ALMA_PROVIDER_ID, DEMO_PRODUCTS, INSTALMENTS_PROVIDER_ID } from "../../../demo/seed"
import { shopRunner } from "../../helpers/shared-app"

jest.setTimeout(240_000)

shopRunner({
  testSuite: ({ api, getContainer }) => {
    async function seed() {
      const store = await seedDemoStore({ container: getContainer(), args: [] } as any)
      return { headers: { "x-publishable-api-key": store.publishable_key }, store }
    }

    it("lists the instalments provider next to Medusa's default one for the Europe region", async () => {
      const { headers, store } = await seed()
      const res = await api.get(`/store/payment-providers?region_id=${store.region_id}`, { headers })
      expect(res.status).toBe(200)
      expect(res.data.payment_providers.map((p: { id: string }) => p.id).sort()).toEqual(
        [INSTALMENTS_PROVIDER_ID, ALMA_PROVIDER_ID, "pp_system_default"].sort(),
      )
    })

    it("seeds the region, products, shipping and admin once, however often it runs", async () => {
      await seed()
      const { headers, store } = await seed()
      const container = getContainer()
      expect(await container.resolve(Modules.REGION).listRegions({ name: "Europe" })).toHaveLength(1)
      expect(await container.resolve(Modules.USER).listUsers({ email: "admin@example.com" })).toHaveLength(1)

      const { data: region } = await api.get(`/store/regions/${store.region_id}`, { headers })
      expect(region.region.currency_code).toBe("eur")
      expect(region.region.countries.map((c: { iso_2: string }) => c.iso_2).sort()).toEqual(
        ["be", "de", "es", "fr", "it", "nl"],
      )

      const { data } = await api.get(
        `/store/products?region_id=${store.region_id}&fields=handle,*variants.calculated_price&limit=20`,
        { headers },
      )
      const prices = Object.fromEntries(
        data.products.map((p: any) => [p.handle, p.variants[0].calculated_price.calculated_amount]),
      )
      expect(prices).toEqual(Object.fromEntries(DEMO_PRODUCTS.map((p) => [p.handle, p.price])))
    })

    it("offers the 5.90 € Standard shipping option to a French cart", async () => {
      const { headers, store } = await seed()
      const { data: products } = await api.get(`/store/products?handle=office-chair&fields=*variants`, { headers })
      const { data: cartRes } = await api.post(
        "/store/carts",
        {
          region_id: store.region_id,
          items: [{ variant_id: products.products[0].variants[0].id, quantity: 1 }],
          shipping_address: { country_code: "fr", first_name: "Léa", last_name: "Martin", address_1: "1 rue X", city: "Paris", postal_code: "75001" },
        },
        { headers },
      )
      const { data } = await api.get(`/store/shipping-options?cart_id=${cartRes.cart.id}`, { headers })
      expect(data.shipping_options.map((o: any) => [o.name, o.amount])).toEqual([["Standard", 5.9]])
    })

    it("lets the admin log in with the demo credentials", async () => {
      await seed()
      const res = await api.post("/auth/user/emailpass", { email: "admin@example.com", password: "supersecret" })
      expect(res.status).toBe(200)
      expect(typeof res.data.token).toBe("string")
    })
  },
})
