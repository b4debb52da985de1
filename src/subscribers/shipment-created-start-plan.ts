/**
 * Deferred start (docs/business-rules.md §2): a plan created with `deferred_start: "on_shipment"`
 * waits, its card only verified, until the merchant ships. When Medusa reports the shipment,
 * capture the order's instalments payment: Medusa calls the provider's `capturePayment`, which
 * starts the plan (schedule from today, first instalment charged). Exactly once (see
 * captureOnShipment); plans that started at checkout have their payment captured already: nothing
 * happens for them.
 */
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { captureOnShipment } from "../workflows/capture-on-shipment"
import { readStoreClock } from "../workflows/store-clock"

export default async function startPlanOnShipment({ event, container }: SubscriberArgs<{ id: string }>) {
  await readStoreClock(container)
  await captureOnShipment(container, event.data.id, {
    providerPrefix: "pp_instalments",
    referenceKey: "plan_id",
    lockKey: (payment) => `instalment-plan:${payment.data?.plan_id as string}`,
    capturedBy: "instalments:shipment",
  })
}

export const config: SubscriberConfig = {
  event: "shipment.created",
  context: { subscriberId: "instalments-start-plan-on-shipment" },
}
