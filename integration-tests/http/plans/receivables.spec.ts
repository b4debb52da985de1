/**
 * The receivables (GET /admin/instalments/receivables) of a store without plans, then with plans
 * in two currencies. Apart from admin-views.spec, whose tests all start with five plans ordered
 * before them. Checkout on 31 January 2027 (sandbox clock): the office chair, 254.90 € in 3 =
 * 84.98 paid + 84.96 on 28 February + 84.96 on 31 March.
 */
import { shopRunner } from "../../helpers/shared-app"
import { cents, instalmentsOf, placeOrder, planOfOrder, useShop } from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, CHECKOUT_DAY)
    const admin = (url: string) => api.get(url, { headers: shop.adminHeaders })

    it("answers zero for every figure before any plan, then per currency when open plans are in several", async () => {
      const empty = (await admin("/admin/instalments/receivables")).data
      expect(empty.receivables).toHaveLength(1)
      expect(empty.receivables[0]).toMatchObject({ currency_code: "eur", outstanding_total: 0, late_total: 0, open_plans: 0 })
      expect(empty.receivables[0].weekly.every((w: any) => w.expected_total === 0)).toBe(true)

      const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa" })
      await planOfOrder(api, shop, order.id) // once its plan is attached
      // Checkout only makes euro plans: a dollar plan's rows are written through the module, as
      // a store with a second currency would have them (100.00 $ in 2, the first paid).
      const instalments = instalmentsOf(getContainer())
      const usd = await instalments.createInstalmentPlans({
        payment_session_id: "payses_usd_fixture",
        plan_code: "p2x",
        status: "active",
        currency_code: "usd",
        order_date: "2027-01-31",
        total_cents: 10_000,
        paid_total_cents: 5_000,
        outstanding_cents: 5_000,
        next_due_date: "2027-02-28",
        processor: "sandbox",
        terms_version: "2026-11",
        terms_accepted_at: CHECKOUT_DAY,
      } as any)
      await instalments.createInstalments([
        { plan_id: usd.id, number: 1, due_date: "2027-01-31", original_due_date: "2027-01-31", amount_cents: 5_000, status: "paid", paid_amount_cents: 5_000 },
        { plan_id: usd.id, number: 2, due_date: "2027-02-28", original_due_date: "2027-02-28", amount_cents: 5_000, status: "scheduled" },
      ] as any)

      const body = (await admin("/admin/instalments/receivables")).data
      expect(body.currency_codes).toEqual(["eur", "usd"])
      const [eur, dollars] = body.receivables
      expect(cents(eur.outstanding_total)).toBe(16_992)
      expect(cents(dollars.outstanding_total, "usd")).toBe(5_000)
      expect(dollars).toMatchObject({ currency_code: "usd", open_plans: 1, late_plans: 0 })
      const nonZero = (r: any) => r.weekly.filter((w: any) => w.expected_total !== 0).map((w: any) => [w.week_start, cents(w.expected_total, r.currency_code)])
      expect(nonZero(eur)).toEqual([["2027-02-22", 8_496], ["2027-03-29", 8_496]])
      expect(nonZero(dollars)).toEqual([["2027-02-22", 5_000]])
    })
  },
})
