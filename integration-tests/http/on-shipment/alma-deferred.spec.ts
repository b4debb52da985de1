/**
 * Alma with a deferred trigger (option deferred_trigger: "on_shipment"): the shopper accepts at
 * checkout, Alma takes nothing until the merchant ships; the shipment triggers the payment at
 * Alma exactly once. Cancelling before the shipment cancels Alma's payment.
 * The office chair: 254.90 € in 3 = 84.98 + 84.96 + 84.96, the schedule running from the shipment day.
 */
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { syncAlmaPlans } from "../../../src/jobs/alma-sync-plans"
import { failNextWrites, installWriteFaults, stopWriteFaults } from "../../../test-support/db-faults"
import { ON_SHIPMENT_ALMA, orderWithAlma, planLockedDuring, useFakeAlma } from "../../helpers/alma"
import { instalmentsOf, medusaOrder, planById, planOfOrder, useShop, waitFor } from "../../helpers/shop"
import { shopRunner } from "../../helpers/shared-app"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")
const SHIPMENT_DAY = new Date("2027-02-10T10:00:00Z")

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const alma = useFakeAlma(ON_SHIPMENT_ALMA, { day: CHECKOUT_DAY })
    const shop = useShop(api, getContainer, CHECKOUT_DAY)

    async function ship(orderId: string) {
      const order = await medusaOrder(api, shop, orderId)
      const { data: withItems } = await api.get(`/admin/orders/${orderId}?fields=*items`, { headers: shop.adminHeaders })
      const items = withItems.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
      const { data } = await api.post(`/admin/orders/${order.id}/fulfillments?fields=*fulfillments`, { items }, { headers: shop.adminHeaders })
      const fulfillmentId = data.order.fulfillments[0].id
      await api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/shipments`, { items }, { headers: shop.adminHeaders })
      return fulfillmentId as string
    }

    it("accepts without taking anything, then the shipment triggers Alma once: the plan starts that day", async () => {
      const { pid, orderId } = await orderWithAlma(api, shop, alma, { plan: "p3x" })
      expect(alma.state.payment(pid)).toMatchObject({ deferred_trigger: true, deferred_trigger_applied: null, state: "in_progress" })
      const plan = await planOfOrder(api, shop, orderId)
      expect(plan).toMatchObject({ processor: "alma", status: "pending_start", deferred_start: true, paid_total: 0, outstanding_total: 254.9 })
      expect(plan.instalments.map((i: any) => i.status)).toEqual(["scheduled", "scheduled", "scheduled"])
      const before = await medusaOrder(api, shop, orderId)
      expect(before.payment_collections[0].payments[0].captures).toEqual([])

      alma.state.now = () => SHIPMENT_DAY
      instalmentsOf(getContainer()).clock.set(SHIPMENT_DAY)
      const locked = planLockedDuring(alma, getContainer, plan.id, (call) => call.path.endsWith("/trigger"))
      const fulfillmentId = await ship(orderId)
      const started = await waitFor(() => planById(api, shop, plan.id), (p) => p.status === "active")
      expect(alma.state.triggers).toEqual([pid])
      // Alma was asked with no transaction of ours holding the plan's row.
      expect(locked).toEqual([false])
      expect(started).toMatchObject({ status: "active", paid_total: 84.98, outstanding_total: 169.92, start_date: "2027-02-10" })
      expect(started.instalments.map((i: any) => [i.due_date, i.amount, i.status])).toEqual([
        ["2027-02-10", 84.98, "paid"],
        ["2027-03-10", 84.96, "scheduled"],
        ["2027-04-10", 84.96, "scheduled"],
      ])
      expect(started.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(["alma.triggered", "plan.status_changed"]))
      const after = await medusaOrder(api, shop, orderId)
      expect(after.payment_collections[0].payments[0].captures.map((c: any) => c.amount)).toEqual([254.9])
      await waitFor(async () => alma.state.orderStatuses.length, (n) => n > 0)
      expect(alma.state.orderStatuses).toEqual([expect.objectContaining({ payment: pid, status: "shipped", is_shipped: true })])

      // The same shipment reported again (a redelivered event): Alma is not triggered twice.
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "shipment.created", data: { id: fulfillmentId } })
      await waitFor(async () => alma.state.orderStatuses.length, (n) => n > 1)
      expect(alma.state.triggers).toEqual([pid])
      const again = await planById(api, shop, plan.id)
      expect(again.events.filter((e: any) => e.type === "alma.triggered")).toHaveLength(1)
    })

    it("cancelling the order before the shipment cancels Alma's payment: nothing was taken, the plan is cancelled", async () => {
      const { pid, orderId } = await orderWithAlma(api, shop, alma, { plan: "p3x" })
      const plan = await planOfOrder(api, shop, orderId)
      const locked = planLockedDuring(alma, getContainer, plan.id, (call) => call.path.endsWith("/cancel"))
      await api.post(`/admin/orders/${orderId}/cancel`, {}, { headers: shop.adminHeaders })
      expect(alma.state.payment(pid)).toMatchObject({ state: "stopped", refunds: [] })
      expect(locked).toEqual([false])
      expect(alma.state.triggers).not.toContain(pid)
      const after = await waitFor(() => planById(api, shop, plan.id), (p) => p.status === "cancelled")
      expect(after).toMatchObject({ status: "cancelled", paid_total: 0, outstanding_total: 0 })
      expect(after.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(["alma.cancelled", "plan.status_changed"]))
    })

    it("Alma triggered but the record failed: the capture stands, Alma is triggered once, the hourly job records the start", async () => {
      const { pid, orderId } = await orderWithAlma(api, shop, alma, { plan: "p3x" })
      const plan = await planOfOrder(api, shop, orderId)
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await installWriteFaults(pg)
      await failNextWrites(pg, "instalment_plan_event", 1, "%alma.triggered%")
      alma.state.now = () => SHIPMENT_DAY
      instalmentsOf(getContainer()).clock.set(SHIPMENT_DAY)
      await ship(orderId)
      // The shipment subscriber tells Alma the order shipped once the capture is done (or gives up if it failed).
      await waitFor(async () => alma.state.orderStatuses.filter((s) => s.payment === pid).length, (n) => n > 0)
      await stopWriteFaults(pg)
      const captured = await medusaOrder(api, shop, orderId)
      expect(captured.payment_collections[0].payments[0].captures.map((c: any) => c.amount)).toEqual([254.9])
      const triggersOf = () => alma.state.triggers.filter((p) => p === pid)
      expect(triggersOf()).toEqual([pid])
      expect(await planById(api, shop, plan.id)).toMatchObject({ status: "pending_start" })
      const { rows } = await pg.raw(`select status, decided from instalment_operation where idempotency_key = ?`, [`alma-trigger:${pid}`])
      expect(rows).toEqual([{ status: "executing", decided: expect.objectContaining({ kind: "lender", action: "trigger", paymentId: pid }) }])

      // The job reads the payment's state at Alma: triggered, so it records the start and sends nothing.
      expect(await syncAlmaPlans(getContainer())).toMatchObject({ settled: 1, errors: 0 })
      expect(triggersOf()).toEqual([pid])
      const started = await planById(api, shop, plan.id)
      expect(started).toMatchObject({ status: "active", paid_total: 84.98, start_date: "2027-02-10" })
      expect(started.events.filter((e: any) => e.type === "alma.triggered")).toHaveLength(1)
      const after = await pg.raw(`select status from instalment_operation where idempotency_key = ?`, [`alma-trigger:${pid}`])
      expect(after.rows).toEqual([{ status: "completed" }])
    })
  },
})
