/**
 * Deferred start (docs/business-rules.md §2) with `deferred_start: "on_shipment"`: at checkout the
 * card is only verified; when the merchant ships (Medusa's `shipment.created`), the payment is
 * captured and the plan starts that day, its first instalment charged. Exactly once, even if the
 * event comes twice. Checkout on 31 January 2027, shipment on 5 February.
 */
import { TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { planSuite, schedule } from "../../helpers/plans"
import { waitFor } from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

planSuite(CHECKOUT_DAY, (h, { api, getContainer }) => {
  async function waitForStatus(planId: string, status: string) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const plan = await h.getPlan(planId)
      if (plan.status === status) return plan
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error(`plan ${planId} never became ${status}`)
  }

  it("starts a p3x plan when the order ships: 254.90 € = 84.98 on 5 Feb + 84.96 on 5 Mar + 84.96 on 5 Apr", async () => {
    const { order, plan } = await h.placeOrder("office-chair", "p3x", "tok_visa")
    expect(plan).toMatchObject({ status: "pending_start", paid_total: 0, outstanding_total: 254.9, deferred_start: true })
    expect(await h.sandboxCharges(plan.id)).toEqual([])
    // Nothing is collected while the plan waits for the shipment.
    expect((await h.advance(5)).total).toMatchObject({ examined: 0, charged: 0 })

    const admin = { headers: h.adminHeaders }
    const { data: withItems } = await api.get(`/admin/orders/${order.id}?fields=*items`, admin)
    const items = withItems.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
    const { data: fulfilled } = await api.post(`/admin/orders/${order.id}/fulfillments?fields=*fulfillments`, { items }, admin)
    const fulfillmentId = fulfilled.order.fulfillments[0].id
    await api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/shipments`, { items }, admin)

    const started = await waitForStatus(plan.id, "active")
    expect(started).toMatchObject({ start_date: "2027-02-05", paid_total: 84.98, outstanding_total: 169.92 })
    expect(schedule(started)).toEqual([
      [1, "2027-02-05", 84.98, "paid"],
      [2, "2027-03-05", 84.96, "scheduled"],
      [3, "2027-04-05", 84.96, "scheduled"],
    ])
    // The plan starts inside Medusa's capture workflow, which records the capture after it: wait for that.
    const paymentStatus = await waitFor(
      async () => (await api.get(`/admin/orders/${order.id}?fields=payment_status`, admin)).data.order.payment_status,
      (status) => status === "captured",
    )
    expect(paymentStatus).toBe("captured")

    // The same event delivered again changes nothing: still one charge (once its subscribers have run).
    const eventBus = getContainer().resolve(Modules.EVENT_BUS)
    const handled = TestEventUtils.waitSubscribersExecution("shipment.created", eventBus)
    await eventBus.emit({ name: "shipment.created", data: { id: fulfillmentId } })
    await handled
    expect(await h.sandboxCharges(plan.id)).toEqual([[8498, "ok"]])

    // The rest is collected on the new schedule.
    const clock = await h.advance(28) // to 5 March
    expect(h.activity(clock)).toEqual([["2027-03-05", { charged: 84.96, declined: 0, serious_delays: 0, unfrozen: 0 }]])
  })
})
