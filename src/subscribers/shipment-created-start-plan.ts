/**
 * Deferred start (business rules §2): a plan created with `deferred_start: "on_shipment"` waits,
 * its card only verified, until the merchant ships. When Medusa reports the shipment, capture
 * the order's instalments payment: Medusa calls the provider's `capturePayment`, which starts the
 * plan (schedule from today, first instalment charged).
 *
 * Exactly once: the payment is captured only while it has no capture; a plan lock makes two
 * shipments of one order (or a redelivered event) wait for each other, and the second finds the
 * payment captured. Plans that started at checkout have their payment captured already: nothing
 * happens for them.
 */
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"

interface PaymentFacts {
  id: string
  provider_id?: string | null
  captured_at?: Date | string | null
  canceled_at?: Date | string | null
  data?: Record<string, unknown> | null
}

export default async function startPlanOnShipment({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: fulfillments } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "order.id"],
    filters: { id: event.data.id },
  })
  const orderId = (fulfillments[0] as { order?: { id?: string } } | undefined)?.order?.id
  if (!orderId) return
  for (const payment of await instalmentPayments(container, orderId)) {
    const planId = payment.data?.plan_id as string
    await container.resolve(Modules.LOCKING).execute(`instalment-plan:${planId}`, async () => {
      const [current] = (await instalmentPayments(container, orderId)).filter((p) => p.id === payment.id)
      if (!current || current.captured_at || current.canceled_at) return
      await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id, captured_by: "instalments:shipment" } })
    }, { timeout: 60 })
  }
}

/** The order's payments made with the instalments provider, with their capture state. */
async function instalmentPayments(container: SubscriberArgs<unknown>["container"], orderId: string): Promise<PaymentFacts[]> {
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
  return payments.filter((p) => p?.provider_id?.startsWith("pp_instalments") && typeof p.data?.plan_id === "string")
}

export const config: SubscriberConfig = {
  event: "shipment.created",
  context: { subscriberId: "instalments-start-plan-on-shipment" },
}
