/**
 * An order paid with Alma ships:
 *  - a payment created with `deferred: "trigger"` (option deferred_trigger: "on_shipment") is
 *    captured in Medusa, and the provider's capture triggers it at Alma (the plan starts, Alma
 *    takes the first instalment). Exactly once: only a payment without a capture is captured, under
 *    a lock per payment, and the provider checks Alma's `deferred_trigger_applied` before triggering;
 *  - Alma is told the order shipped (`is_shipped: true`), for its dispute handling.
 */
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { activeAlma } from "../lenders/alma/registry"

interface PaymentFacts {
  id: string
  provider_id?: string | null
  captured_at?: Date | string | null
  canceled_at?: Date | string | null
  data?: Record<string, unknown> | null
}

export default async function almaOnShipment({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: fulfillments } = await query.graph({ entity: "fulfillment", fields: ["id", "order.id"], filters: { id: event.data.id } })
  const orderId = (fulfillments[0] as { order?: { id?: string } } | undefined)?.order?.id
  if (!orderId) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const payment of await almaPayments(container, orderId)) {
    await container.resolve(Modules.LOCKING).execute(
      `alma-payment:${payment.id}`,
      async () => {
        const [current] = (await almaPayments(container, orderId)).filter((p) => p.id === payment.id)
        if (!current || current.captured_at || current.canceled_at) return
        await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id, captured_by: "alma:shipment" } })
      },
      { timeout: 60 },
    )
    const alma = activeAlma()
    const almaPaymentId = payment.data?.alma_payment_id
    const reference = payment.data?.cart_id ?? payment.data?.session_id
    if (alma && typeof almaPaymentId === "string" && typeof reference === "string") {
      await alma.client
        .pushOrderStatus(almaPaymentId, reference, { status: "shipped", is_shipped: true })
        .catch((error: Error) => logger.warn(`medusa-instalments: could not tell Alma that order ${orderId} shipped: ${error.message}`))
    }
  }
}

async function almaPayments(container: SubscriberArgs<unknown>["container"], orderId: string): Promise<PaymentFacts[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "payment_collections.payments.id",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.canceled_at",
      "payment_collections.payments.data",
    ],
    filters: { id: orderId },
  })
  const payments = (orders[0]?.payment_collections ?? []).flatMap((c) => (c?.payments ?? []) as PaymentFacts[])
  return payments.filter((p) => p?.provider_id?.startsWith("pp_alma") && typeof p.data?.alma_payment_id === "string")
}

export const config: SubscriberConfig = {
  event: "shipment.created",
  context: { subscriberId: "instalments-alma-on-shipment" },
}
