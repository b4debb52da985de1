/**
 * A payment whose plan starts at shipment (a direct plan with deferred start, an Alma payment with
 * a deferred trigger) is captured in Medusa when the order ships; the provider's capturePayment
 * then starts the plan. Exactly once: under a lock the payment is read again and captured only
 * while it has no capture, so two shipments of one order, or a redelivered event, capture once.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"

export interface ShipmentPayment {
  id: string
  provider_id?: string | null
  captured_at?: Date | string | null
  canceled_at?: Date | string | null
  data?: Record<string, unknown> | null
}

export interface CaptureOnShipmentOptions {
  /** Which payments: the provider id prefix and the data key its plan reference is under. */
  providerPrefix: string
  referenceKey: string
  /** The lock serialising captures of one payment (the plan's lock for direct plans). */
  lockKey: (payment: ShipmentPayment) => string
  capturedBy: string
}

type OrderPayments = { payment_collections?: ({ payments?: (ShipmentPayment | null)[] | null } | null)[] | null }

/** Captures the shipped order's matching payments that have no capture yet; answers the order id and those payments. */
export async function captureOnShipment(
  container: MedusaContainer,
  fulfillmentId: string,
  options: CaptureOnShipmentOptions,
): Promise<{ orderId: string; payments: ShipmentPayment[] } | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: fulfillments } = await query.graph({ entity: "fulfillment", fields: ["id", "order.id"], filters: { id: fulfillmentId } })
  const orderId = (fulfillments[0] as { order?: { id?: string } } | undefined)?.order?.id
  if (!orderId) return null
  const payments = await paymentsOf(container, orderId, options)
  for (const payment of payments) {
    await container.resolve(Modules.LOCKING).execute(
      options.lockKey(payment),
      async () => {
        const current = (await paymentsOf(container, orderId, options)).find((p) => p.id === payment.id)
        if (!current || current.captured_at || current.canceled_at) return
        await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id, captured_by: options.capturedBy } })
      },
      { timeout: 60 },
    )
  }
  return { orderId, payments }
}

async function paymentsOf(container: MedusaContainer, orderId: string, options: CaptureOnShipmentOptions): Promise<ShipmentPayment[]> {
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
  // Typed here, not inferred: query.graph's result types come from `.medusa/types`, which only
  // exists after `medusa develop` has run, so a fresh checkout must type-check without them.
  const collections = ((orders[0] as OrderPayments | undefined)?.payment_collections ?? [])
  const payments = collections.flatMap((c) => c?.payments ?? [])
  return payments.filter((p): p is ShipmentPayment => !!p && !!p.provider_id?.startsWith(options.providerPrefix) && typeof p.data?.[options.referenceKey] === "string")
}
