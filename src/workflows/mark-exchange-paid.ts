/**
 * After the shopper paid a dearer exchange's difference through the plugin, Medusa's order still
 * has the payment collection it opened for that difference: mark it paid (Medusa's own
 * markPaymentCollectionAsPaid workflow, with its system provider: the money was taken by the
 * plugin), so the order summary shows nothing left to pay.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { markPaymentCollectionAsPaid } from "@medusajs/medusa/core-flows"

export async function markExchangePaidInMedusa(container: MedusaContainer, orderId: string): Promise<number> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "payment_collections.id", "payment_collections.status"], filters: { id: orderId } })
  // Typed here: query.graph's inferred types need `.medusa/types`, absent from a fresh checkout.
  const collections = (data[0] as { payment_collections?: ({ id: string; status: string } | null)[] | null } | undefined)?.payment_collections ?? []
  const unpaid = collections.filter((pc): pc is { id: string; status: string } => !!pc && pc.status === "not_paid")
  for (const collection of unpaid) {
    await markPaymentCollectionAsPaid(container).run({ input: { order_id: orderId, payment_collection_id: collection.id } })
  }
  return unpaid.length
}
