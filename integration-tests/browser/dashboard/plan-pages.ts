/**
 * The plans in the admin dashboard (run by ../dashboard.spec.ts, on its store and its signed-in
 * page): orders are paid in instalments through the Store API on 31 January 2027 (sandbox test
 * clock), and the admin sees and acts on them in the browser.
 *
 *  #1 office chair 254.90 € in 3 (lea)  84.98 paid; 84.96 on 28 Feb and on 31 Mar
 *  #2 standing desk 1,304.90 € in 2 (marc)  652.45 paid; 652.45 on 28 Feb
 *  #3 office chair 254.90 € in 30 days (lea)  254.90 on 2 Mar
 */
import type { Locator, Page } from "playwright-core"
import type { Dashboard } from "../support/dashboard"
import type { DemoServer } from "../support/demo-server"
import { placeOrder, planOfOrder } from "../support/storefront"

/** Reads until it gives `expected` (the page updates after a request), then asserts it. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  let last = await read()
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200))
    last = await read()
  }
  expect(last).toEqual(expected)
}

/** The text of a figure of the order widget ("figure-paid" → "€84.98"). */
function figure(widget: Locator, id: string) {
  return widget.getByTestId(`figure-${id}`).getByTestId("figure-value")
}

export function planPages(dashboard: Dashboard) {
  let server: DemoServer
  let page: Page
  let admin: Dashboard["admin"]
  const shot = (name: string, target?: Page | Locator) => dashboard.shot(name, target)
  const orders: Record<"chair" | "desk" | "later", { id: string; display_id: number; plan: any }> = {} as any

  async function openOrder(orderId: string) {
    await page.goto(`${server.base}/app/orders/${orderId}`)
    const widget = page.getByTestId("instalment-plan-widget")
    await widget.waitFor({ timeout: 120_000 })
    await widget.scrollIntoViewIfNeeded()
    return widget
  }

  describe("admin dashboard", () => {
    beforeAll(async () => {
      ;({ server, page, admin } = dashboard)
      const place = async (handle: string, plan: string, cardToken: string, email: string) => {
        const order = await placeOrder(server, { handle, plan, cardToken, email })
        return { ...order, plan: await planOfOrder(admin, order.id) }
      }
      orders.chair = await place("office-chair", "p3x", "tok_visa", "lea.martin@example.com")
      orders.desk = await place("standing-desk", "p2x", "tok_amex", "marc.dubois@example.com")
      orders.later = await place("office-chair", "d30", "tok_mastercard", "lea.martin@example.com")
    })

    it("shows the plan on the order page: figures, the three instalments, the history and why actions are disabled", async () => {
      const widget = await openOrder(orders.chair.id)
      await expect(widget.getByTestId("plan-code").textContent()).resolves.toBe("Pay in 3 (p3x)")
      await expect(widget.locator("[data-plan-status]").first().getAttribute("data-plan-status")).resolves.toBe("active")
      // 254.90 € = 25,490 cents: 8,498 paid, 16,992 remaining.
      expect(await figure(widget, "total").textContent()).toBe("€254.90")
      expect(await figure(widget, "paid").textContent()).toBe("€84.98")
      expect(await figure(widget, "remaining").textContent()).toBe("€169.92")
      expect(await figure(widget, "refunded").textContent()).toBe("€0.00")
      expect(await figure(widget, "next-due").textContent()).toBe("Feb 28, 2027")

      const rows = widget.getByTestId("instalment-timeline").locator("tbody tr")
      await expect(rows.count()).resolves.toBe(3)
      const timeline = await rows.evaluateAll((trs) =>
        trs.map((tr) => ({
          due: tr.querySelector("[data-testid=due-date]")?.textContent,
          amount: tr.querySelector("[data-testid=amount]")?.textContent,
          state: tr.querySelector("[data-instalment-status]")?.getAttribute("data-instalment-status"),
        })),
      )
      expect(timeline).toEqual([
        { due: "Jan 31, 2027", amount: "€84.98", state: "paid" },
        { due: "Feb 28, 2027", amount: "€84.96", state: "scheduled" },
        { due: "Mar 31, 2027", amount: "€84.96", state: "scheduled" },
      ])

      await widget.getByRole("button", { name: /Show history/ }).click()
      const types = await widget.getByTestId("history-event").evaluateAll((items) => items.map((li) => li.getAttribute("data-event-type")))
      expect(types).toEqual(expect.arrayContaining(["plan.created", "plan.order_attached"]))

      await widget.getByTestId("plan-actions").click()
      const lateFee = page.getByTestId("action-late_fee")
      await expect(lateFee.getAttribute("aria-disabled")).resolves.toBe("true")
      expect(await lateFee.getByTestId("disabled-reason").textContent()).toBe("Only in a serious delay (more than 15 days overdue); the plan is Active.")
      await expect(page.getByTestId("action-unfreeze").getByTestId("disabled-reason").textContent()).resolves.toBe("The plan is not frozen.")
      await expect(page.getByTestId("action-refund").getAttribute("aria-disabled")).resolves.toBeNull()
      await shot("order-widget-actions")
      await page.keyboard.press("Escape")
      await shot("order-widget", widget)
    })

    it("previews a refund of 100 € with the revised schedule, then refunds through Medusa's payment", async () => {
      const widget = await openOrder(orders.chair.id)
      await widget.getByTestId("plan-actions").click()
      await page.getByTestId("action-refund").click()
      const drawer = page.getByTestId("refund-drawer")
      const confirm = drawer.getByTestId("confirm-refund")
      await expect(confirm.isEnabled()).resolves.toBe(false) // no refund without a preview
      await drawer.locator("#refund-amount").fill("100")
      await drawer.getByRole("button", { name: "Preview" }).click()
      const preview = drawer.getByTestId("refund-preview")
      await preview.waitFor()
      // 100 € comes off the 169.92 € that remain, spread evenly: 69.92 € left, 34.96 € twice; nothing back to the card.
      expect(await preview.getByTestId("preview-to-card").textContent()).toBe("€0.00")
      expect(await preview.getByTestId("preview-reduction").textContent()).toBe("€100.00")
      expect(await preview.getByTestId("preview-remaining").textContent()).toBe("€69.92")
      const revised = await preview.locator("tbody tr [data-testid=amount]").allTextContents()
      expect(revised).toEqual(["€84.98", "€34.96", "€34.96"])
      await expect(confirm.textContent()).resolves.toBe("Refund €100.00")
      await expect(confirm.isEnabled()).resolves.toBe(true)
      await page.waitForTimeout(300) // let the button's colour transition end before the picture
      await shot("refund-preview")

      // The preview wrote nothing.
      const before = await admin.get(`/admin/instalment-plans/${orders.chair.plan.id}`)
      expect(before.instalment_plan.outstanding_total).toBe(169.92)

      await confirm.click()
      await drawer.waitFor({ state: "detached" })
      await eventually(() => figure(widget, "remaining").textContent(), "€69.92")
      expect(await figure(widget, "total").textContent()).toBe("€154.90")
      expect(await widget.getByTestId("figure-total").getByTestId("figure-detail").textContent()).toBe("€100.00 taken off by refunds or exchanges")
      const after = await admin.get(`/admin/instalment-plans/${orders.chair.plan.id}`)
      expect(after.instalment_plan.instalments.map((i: any) => i.amount)).toEqual([84.98, 34.96, 34.96])
      await shot("order-widget-after-refund", widget)
    })

    it("freezes a plan from its order page: the drawer asks for days and a reason", async () => {
      const widget = await openOrder(orders.desk.id)
      await widget.getByTestId("plan-actions").click()
      await page.getByTestId("action-freeze").click()
      await page.locator("#action-days").fill("30")
      await page.locator("#action-reason").fill("Identity check requested by the bank")
      await page.getByRole("button", { name: "Freeze collection" }).click()
      await eventually(() => widget.locator("[data-plan-status]").first().getAttribute("data-plan-status"), "frozen")
      // Frozen for 30 days from 31 January: collection resumes on 2 March.
      expect(await widget.getByTestId("plan-notices").textContent()).toContain("Collection is frozen until Mar 2, 2027.")
      await shot("order-widget-frozen", widget)
    })

    it("lists every plan with the receivables, and filters by plan, status and search", async () => {
      await page.goto(`${server.base}/app/instalments`)
      const table = page.getByTestId("plans-table")
      await table.waitFor({ timeout: 120_000 })
      const rows = () => table.getByTestId("plan-row")
      await expect(rows().count()).resolves.toBe(3)

      // Owed: chair 69.92 (after the refund) + desk 652.45 (frozen, still owed) + later 254.90 = 977.27 €.
      const receivables = page.getByTestId("receivables")
      expect(await receivables.getByTestId("receivable-outstanding").getByTestId("receivable-value").textContent()).toBe("€977.27")
      expect(await receivables.getByTestId("receivable-late").getByTestId("receivable-value").textContent()).toBe("€0.00")
      // Expected: chair 34.96 on 28 Feb and 31 Mar, later 254.90 on 2 Mar; the frozen desk is not expected.
      const weeks = await receivables.getByTestId("week-bar").evaluateAll((lis) =>
        lis.filter((li) => li.querySelector("[data-testid=week-amount]")?.textContent).map((li) => [li.getAttribute("data-week-start"), li.querySelector("[data-testid=week-amount]")?.textContent]),
      )
      expect(weeks).toEqual([
        ["2027-02-22", "€34.96"],
        ["2027-03-01", "€254.90"],
        ["2027-03-29", "€34.96"],
      ])
      await shot("instalments-page")

      await page.getByTestId("filter-plan-code").click()
      await page.getByRole("option", { name: "Pay in 30 days" }).click()
      await eventually(() => rows().count(), 1)
      expect(await rows().first().getAttribute("data-plan-id")).toBe(orders.later.plan.id)
      await shot("instalments-page-filtered")
      await page.getByRole("button", { name: "Clear filters" }).click()
      await eventually(async () => new URL(page.url()).search, "")
      await eventually(() => rows().count(), 3)

      await page.getByTestId("filter-status").click()
      await page.getByRole("option", { name: "Frozen" }).click()
      await eventually(() => rows().count(), 1)
      expect(await rows().first().getAttribute("data-plan-id")).toBe(orders.desk.plan.id)
      expect(page.url()).toContain("status=frozen")
      await page.getByRole("button", { name: "Clear filters" }).click()
      // Typed at once after clearing: the search must not bring the cleared status filter back.

      const shownIds = () => rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-plan-id")))
      await page.getByRole("searchbox").fill("marc.dubois")
      await eventually(shownIds, [orders.desk.plan.id])
      await page.getByRole("searchbox").fill(`#${orders.later.display_id}`)
      await eventually(shownIds, [orders.later.plan.id])
      expect(new URL(page.url()).search).toBe(`?q=%23${orders.later.display_id}`)
      await page.getByRole("searchbox").fill("nobody@example.com")
      await page.getByTestId("empty-state").waitFor()
      expect(await page.getByTestId("empty-state").textContent()).toBe("No plan matches these filters.")
    })

    it("shows under which regime the direct plans run: consumer credit, as the demo store declares an authorisation", async () => {
      await page.goto(`${server.base}/app/instalments`)
      const panel = page.getByTestId("consumer-credit")
      await panel.waitFor({ timeout: 120_000 })
      await panel.getByTestId("consumer-credit-regime").waitFor()
      expect(await panel.getAttribute("data-regime")).toBe("consumer_credit")
      expect(await panel.getByTestId("consumer-credit-regime").textContent()).toBe("Consumer credit: the store declares an authorisation")
      expect(await panel.textContent()).toContain("Plans offered in direct mode: Pay in 2, Pay in 3, Pay in 4, Pay in 15 days, Pay in 30 days")
      await shot("instalments-page-regime", panel)
    })

    it("lists the linked plans of a plan flagged for fraud, with why each is linked, and freezes them", async () => {
      // Shoppers of their own (e-mail, phone), so that only these plans link to one another.
      const place = async (cardToken: string, email: string, phone: string) => {
        const order = await placeOrder(server, { handle: "office-chair", plan: "p3x", cardToken, email, phone })
        return { ...order, plan: await planOfOrder(admin, order.id) }
      }
      const flagged = await place("tok_cb", "nina.petit@example.com", "+33 7 11 22 33 44")
      const sameCard = await place("tok_cb", "paul.roux@example.com", "+32 470 11 22 33")
      const sameEmail = await place("tok_amex", "Nina.Petit@example.com", "+49 151 1122 3344")
      await admin.post(`/admin/instalment-plans/${flagged.plan.id}/flag-fraud`, { reason: "Card reported stolen by its holder" })

      const widget = await openOrder(flagged.id)
      const section = widget.getByTestId("linked-plans")
      await section.getByTestId("linked-plan").first().waitFor({ timeout: 60_000 })
      const listed = await section.getByTestId("linked-plan").evaluateAll((lis) => lis.map((li) => [li.getAttribute("data-plan-id"), li.textContent]))
      expect(listed).toEqual([
        [sameCard.plan.id, `Order ${sameCard.id}same card`],
        [sameEmail.plan.id, `Order ${sameEmail.id}same e-mail`],
      ])
      await section.scrollIntoViewIfNeeded()
      await shot("linked-plans", section)

      await section.getByTestId("freeze-linked").click()
      await page.locator("#action-reason").fill("Linked to a card reported stolen")
      await page.getByRole("button", { name: "Freeze linked plans" }).last().click()
      await eventually(() => section.getByText("frozen", { exact: true }).count(), 2)
      for (const order of [sameCard, sameEmail]) {
        const plan = (await admin.get(`/admin/instalment-plans/${order.plan.id}`)).instalment_plan
        expect(plan.status).toBe("frozen")
        expect(plan.events.find((e: any) => e.type === "plan.linked_plan_measure").data).toMatchObject({ linkedPlanId: flagged.plan.id, measure: "freeze" })
      }
      await shot("linked-plans-frozen", section)
    })

    it("shows a customer's plans on the customer page", async () => {
      await page.goto(`${server.base}/app/customers/${orders.chair.plan.customer_id}`)
      const widget = page.getByTestId("customer-instalment-plans")
      await widget.waitFor({ timeout: 120_000 })
      await widget.getByTestId("plans-table").waitFor()
      await widget.scrollIntoViewIfNeeded()
      const ids = await widget.getByTestId("plan-row").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-plan-id")))
      expect(ids).toEqual([orders.later.plan.id, orders.chair.plan.id])
      await shot("customer-widget", widget)
    })
  })
}
