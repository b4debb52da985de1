/**
 * An order paid with Alma ships:
 *  - a payment created with `deferred: "trigger"` (option deferred_trigger: "on_shipment") is
 *    captured in Medusa, and the provider's capture triggers it at Alma (the plan starts, Alma
 *    takes the first instalment). Exactly once (see captureOnShipment), and the provider checks
 *    Alma's `deferred_trigger_applied` before triggering;
 *  - Alma is told the order shipped (`is_shipped: true`), for its dispute handling.
 */
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { activeAlma } from "../lenders/alma/registry"
import { captureOnShipment } from "../workflows/capture-on-shipment"
import { readStoreClock } from "../workflows/store-clock"

export default async function almaOnShipment({ event, container }: SubscriberArgs<{ id: string }>) {
  await readStoreClock(container)
  const shipped = await captureOnShipment(container, event.data.id, {
    providerPrefix: "pp_alma",
    referenceKey: "alma_payment_id",
    lockKey: (payment) => `alma-payment:${payment.id}`,
    capturedBy: "alma:shipment",
  })
  const alma = activeAlma()
  if (!shipped || !alma) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const payment of shipped.payments) {
    const reference = payment.data?.cart_id ?? payment.data?.session_id
    if (typeof reference !== "string") continue
    await alma.client
      .pushOrderStatus(payment.data?.alma_payment_id as string, reference, { status: "shipped", is_shipped: true })
      .catch((error: Error) => logger.warn(`medusa-instalments: could not tell Alma that order ${shipped.orderId} shipped: ${error.message}`))
  }
}

export const config: SubscriberConfig = {
  event: "shipment.created",
  context: { subscriberId: "instalments-alma-on-shipment" },
}
