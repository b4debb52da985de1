/**
 * When an order is placed with an instalments payment, record the order on the plan and link them
 * (so `query.graph` can fetch an order's plan). Plans funded directly and plans Alma funds (their
 * mirror) alike: both providers put the plan's id in the payment data. Idempotent: a redelivered
 * event changes nothing.
 */
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type InstalmentsModuleService from "../modules/instalments/service"

/** The payment providers whose payments carry a plan: direct instalments and Alma. */
const PLAN_PROVIDERS = ["pp_instalments", "pp_alma"]

export default async function attachPlanToOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "email", "payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.data"],
    filters: { id: event.data.id },
  })
  const order = orders[0]
  if (!order) return
  const instalments = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  for (const collection of order.payment_collections ?? []) {
    for (const payment of collection?.payments ?? []) {
      const planId = (payment?.data as Record<string, unknown> | undefined)?.plan_id
      if (!payment || typeof planId !== "string" || !PLAN_PROVIDERS.some((prefix) => payment.provider_id?.startsWith(prefix))) continue
      const result = await instalments.attachOrder({
        planId,
        orderId: order.id,
        orderDisplayId: order.display_id == null ? undefined : Number(order.display_id),
        paymentId: payment.id,
        email: order.email,
      })
      if (result?.attached) {
        await link.create({ [Modules.ORDER]: { order_id: order.id }, [INSTALMENTS_MODULE]: { instalment_plan_id: planId } })
      }
    }
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "instalments-attach-plan-to-order" },
}
