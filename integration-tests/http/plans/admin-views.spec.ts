/**
 * The admin routes behind the dashboard's Instalments page and widgets: the plan list with its
 * filters and pagination, and the receivables. Plans are placed through the Store API checkout on
 * 31 January 2027 (sandbox clock), so every due date and amount below is known:
 *
 *  A  office chair 254.90 € in 3 (lea)    84.98 paid, 84.96 on 28 Feb, 84.96 on 31 Mar
 *  B  standing desk 1,304.90 € in 2 (lea) 652.45 paid, 652.45 on 28 Feb
 *  C  office chair 254.90 € in 30 days (marc)  254.90 on 2 Mar
 *  D  office chair in 3, tok_insufficient_later (lea)  like A; its 28 Feb charge will fail
 *  E  office chair 254.90 € in 2 (lea)    127.45 paid, 127.45 on 28 Feb; frozen for 30 days
 */
import { shopRunner } from "../../helpers/shared-app"
import { toLocalDate } from "../../../src/domain/calendar"
import { applyChargeFailed, freeze } from "../../../src/domain/revisions"
import { cents, instalmentsOf, madeBeforeAll, placeOrder, planOfOrder, useShop } from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")
const DUE_DAY = new Date("2027-02-28T10:00:00Z")

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, CHECKOUT_DAY)

    const admin = (url: string) => api.get(url, { headers: shop.adminHeaders })
    const adminError = (url: string) => admin(url).catch((e: any) => e.response)

    async function order(handle: string, data: Record<string, unknown>, email?: string) {
      const { order } = await placeOrder(api, shop, handle, data, email)
      return planOfOrder(api, shop, order.id)
    }

    /** Places A to E (see the top of the file) in that order; E is frozen on the checkout day. */
    async function placePlans() {
      const a = await order("office-chair", { plan: "p3x", card_token: "tok_visa" })
      const b = await order("standing-desk", { plan: "p2x", card_token: "tok_amex" })
      const c = await order("office-chair", { plan: "d30", card_token: "tok_mastercard" }, "marc.dubois@example.com")
      const d = await order("office-chair", { plan: "p3x", card_token: "tok_insufficient_later" })
      const e = await order("office-chair", { plan: "p2x", card_token: "tok_visa" })
      await instalmentsOf(getContainer()).revise(e.id, (plan, ctx) => freeze(plan, { days: 30, reason: "identity check" }, ctx), {
        actor: "admin:test",
        idempotencyKey: `test:${e.id}:freeze`,
        request: { name: "freeze", input: { days: 30 } },
      })
      return { a, b, c, d, e }
    }

    /** A to E, ordered before the tests: the plans every test lists and sums. */
    const plans = madeBeforeAll(getContainer, CHECKOUT_DAY, placePlans)

    const ids = (body: any) => body.instalment_plans.map((p: any) => p.id)

    it("filters the plan list by status, plan code, customer, creation day and search, and pages it on the server", async () => {
      const { a, b, c, d, e } = await plans()
      expect(a.customer_id).toBeTruthy()
      expect(c.customer_id).toBeTruthy()
      expect(c.customer_id).not.toBe(a.customer_id)

      const all = (await admin("/admin/instalment-plans")).data
      expect(all).toMatchObject({ count: 5, limit: 20, offset: 0 })
      expect(ids(all)).toEqual([e.id, d.id, c.id, b.id, a.id]) // newest first
      // Each row carries what the list shows, in major units: 254.90 € = 25,490 cents.
      const rowA = all.instalment_plans.find((p: any) => p.id === a.id)
      expect(cents(rowA.total)).toBe(25_490)
      expect(cents(rowA.outstanding_total)).toBe(16_992)
      expect(rowA.next_due_date).toBe("2027-02-28")

      // Pages of 2: 2 + 2 + 1 rows, no plan twice, the same order as the full list.
      const pages = await Promise.all([0, 2, 4].map((offset) => admin(`/admin/instalment-plans?limit=2&offset=${offset}`)))
      expect(pages.map((p) => p.data.instalment_plans.length)).toEqual([2, 2, 1])
      expect(pages.map((p) => p.data.count)).toEqual([5, 5, 5])
      expect(pages.flatMap((p) => ids(p.data))).toEqual(ids(all))
      const beyond = (await admin("/admin/instalment-plans?limit=2&offset=6")).data
      expect(beyond).toMatchObject({ count: 5, instalment_plans: [] })

      expect(ids((await admin("/admin/instalment-plans?status=frozen")).data)).toEqual([e.id])
      expect((await admin("/admin/instalment-plans?status=active")).data.count).toBe(4)
      const p2x = (await admin("/admin/instalment-plans?plan_code=p2x")).data
      expect(ids(p2x)).toEqual([e.id, b.id])
      expect(ids((await admin("/admin/instalment-plans?plan_code=p2x&status=active")).data)).toEqual([b.id])
      expect(ids((await admin(`/admin/instalment-plans?customer_id=${c.customer_id}`)).data)).toEqual([c.id])
      expect((await admin(`/admin/instalment-plans?customer_id=${a.customer_id}`)).data.count).toBe(4)
      expect(ids((await admin("/admin/instalment-plans?q=MARC.dubois")).data)).toEqual([c.id])
      expect(ids((await admin(`/admin/instalment-plans?q=%23${b.order_display_id}`)).data)).toEqual([b.id])
      // "_" is a letter of the e-mail, not a LIKE wildcard.
      expect((await admin("/admin/instalment-plans?q=lea_martin")).data.count).toBe(0)

      // Creation days are calendar days in the plugin's time zone (Europe/Paris), both ends included.
      const day = toLocalDate(a.created_at, "Europe/Paris")
      const previous = toLocalDate(new Date(new Date(a.created_at).getTime() - 86_400_000), "Europe/Paris")
      expect((await admin(`/admin/instalment-plans?created_from=${day}&created_to=${day}`)).data.count).toBe(5)
      expect((await admin(`/admin/instalment-plans?created_to=${previous}`)).data.count).toBe(0)
      expect((await admin(`/admin/instalment-plans?created_from=${day}&plan_code=d30`)).data.count).toBe(1)

      for (const [query, named] of [
        ["created_from=31/01/2027", "created_from"],
        ["created_from=2027-02-30", "created_from"],
        [`created_from=${day}&created_to=${previous}`, "created_from must be on or before created_to"],
        ["status=late,paid", "status"],
        ["limit=500", "limit"],
      ]) {
        const res = await adminError(`/admin/instalment-plans?${query}`)
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(named)
      }
      expect(d.status).toBe("active")
    })

    it("sums what is owed, what is late and what is expected each week for 12 weeks", async () => {
      const anonymous = await api.get("/admin/instalments/receivables").catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)

      const { d } = await plans()
      const weeklyCents = (body: any) =>
        Object.fromEntries(body.receivables[0].weekly.filter((w: any) => w.expected_total !== 0).map((w: any) => [w.week_start, cents(w.expected_total)]))

      // 31 January 2027 is a Sunday: the weeks start on Monday 25 January.
      const onCheckoutDay = (await admin("/admin/instalments/receivables")).data
      expect(onCheckoutDay).toMatchObject({ as_of: "2027-01-31", time_zone: "Europe/Paris", currency_codes: ["eur"] })
      const eur = onCheckoutDay.receivables[0]
      expect(eur.weekly.map((w: any) => w.week_start)).toEqual([
        "2027-01-25", "2027-02-01", "2027-02-08", "2027-02-15", "2027-02-22", "2027-03-01",
        "2027-03-08", "2027-03-15", "2027-03-22", "2027-03-29", "2027-04-05", "2027-04-12",
      ])
      // Owed: A 169.92 + B 652.45 + C 254.90 + D 169.92 + E 127.45 (frozen, still owed).
      expect(cents(eur.outstanding_total)).toBe(137_464)
      expect(cents(eur.late_total)).toBe(0)
      expect(eur).toMatchObject({ open_plans: 5, late_plans: 0 })
      expect(cents(eur.expected_total)).toBe(8_496 + 65_245 + 8_496 + 25_490 + 8_496 + 8_496)
      // Expected: A, B, D on 28 Feb; C on 2 Mar; A, D on 31 Mar. E is frozen: owed but not expected.
      expect(weeklyCents(onCheckoutDay)).toEqual({
        "2027-02-22": 8_496 + 65_245 + 8_496,
        "2027-03-01": 25_490,
        "2027-03-29": 8_496 + 8_496,
      })

      // 28 February: D's charge fails (the collection's revision); it is retried on 1 March.
      const instalments = instalmentsOf(getContainer())
      instalments.clock.set(DUE_DAY)
      await instalments.revise(d.id, (plan, ctx) => applyChargeFailed(plan, { instalments: [2], at: ctx.now, reason: "insufficient_funds" }, ctx), {
        actor: "system",
        idempotencyKey: `test:${d.id}:declined`,
        request: { name: "charge-failed", input: { instalments: [2] } },
      })
      const onDueDay = (await admin("/admin/instalments/receivables")).data
      expect(onDueDay.as_of).toBe("2027-02-28")
      const late = onDueDay.receivables[0]
      expect(late.weekly[0].week_start).toBe("2027-02-22")
      expect(cents(late.outstanding_total)).toBe(137_464)
      expect(cents(late.late_total)).toBe(16_992) // all D still owes: 84.96 failed + 84.96 on 31 Mar
      expect(late).toMatchObject({ open_plans: 5, late_plans: 1 })
      expect(weeklyCents(onDueDay)).toEqual({
        "2027-02-22": 8_496 + 65_245, // A and B, due today
        "2027-03-01": 25_490 + 8_496, // C, and D's retry on 1 March
        "2027-03-29": 8_496 + 8_496,
      })
      const lateList = (await admin("/admin/instalment-plans?status=late,serious_delay")).data
      expect(ids(lateList)).toEqual([d.id])
    })

    it("says the direct plans run as consumer credit: the demo store declares an authorisation", async () => {
      expect((await admin("/admin/instalments/consumer-credit")).data).toEqual({
        consumer_credit: { regime: "consumer_credit", credit_authorisation: true, merchant_size: "sme", exempt_deferral_days: 50, direct_plans: ["p2x", "p3x", "p4x", "d15", "d30"] },
      })
    })
  },
})
