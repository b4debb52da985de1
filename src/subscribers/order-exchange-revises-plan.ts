/**
 * An exchange confirmed on an order paid in instalments revises its plan (business rules §6):
 *  - cheaper replacement: the difference comes off the last instalments (any overflow back to
 *    the card) when the exchange is confirmed; once the returned item is received, the plugin
 *    records the refund in Medusa so its order summary agrees (the provider recognises that
 *    refund and does not take it off the plan a second time);
 *  - dearer replacement: the shopper owes the difference, paid by card in one go from their
 *    self-service link (POST /store/instalment-plans/:id/pay-exchange); Medusa's payment
 *    collection for it is marked paid then.
 * Once per exchange (its id is the revision's idempotency key).
 */
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { fromMajor, money, toMajor, type Money } from "../domain/money"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type { PlanRow } from "../modules/instalments/mapping"
import type InstalmentsModuleService from "../modules/instalments/service"

export default async function reviseTheExchangedPlan({ event, container }: SubscriberArgs<{ order_id: string; exchange_id?: string }>) {
  const instalments = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const [plan] = await instalments.listInstalmentPlans({ order_id: event.data.order_id }, { take: 1 })
  if (!plan || plan.processor !== instalments.processor.name) return

  let current: PlanRow = plan
  if (event.name === "order.exchange_created" && event.data.exchange_id) {
    const difference = await exchangeDifference(container, event.data.exchange_id, event.data.order_id, plan.currency_code)
    if (difference.cents === 0) return
    current = (await instalments.applyExchangeFromMedusa(plan.id, difference, event.data.exchange_id)).plan
  }
  await refundSettledExchanges(container, current)
}

/**
 * Medusa lets the store refund an exchange's difference once the returned item is received (its
 * pending difference turns negative then): record those refunds now, so the order summary agrees
 * with the plan. The provider recognises them and does not take them off the plan again.
 */
async function refundSettledExchanges(container: MedusaContainer, plan: PlanRow) {
  const awaited = Object.entries(((plan.metadata as any)?.pending_exchange_refunds ?? {}) as Record<string, number>)
  if (awaited.length === 0 || !plan.payment_id || !plan.order_id) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "summary.*"], filters: { id: plan.order_id } })
  const owed = fromMajor(String(data[0]?.summary?.pending_difference ?? 0), plan.currency_code)
  if (!owed.ok) return
  let refundable = -owed.value.cents
  for (const [exchangeId, cents] of awaited) {
    if (cents > refundable) continue
    await refundPaymentWorkflow(container).run({
      input: { payment_id: plan.payment_id, amount: toMajor(money(cents, plan.currency_code)), note: `Exchange ${exchangeId}: cheaper replacement (instalment plan revised)` },
    })
    refundable -= cents
  }
}

type ChangeAction = { action: string; amount?: unknown; details?: { quantity?: unknown; unit_price?: unknown; reference_id?: string } | null }

/**
 * What the exchange adds to the order (negative when cheaper), in cents, from its confirmed order
 * change: items sent out and outbound shipping, less the items coming back at the price they were
 * bought. (Medusa's pending difference would not do: it only drops once the return is received.)
 */
async function exchangeDifference(container: MedusaContainer, exchangeId: string, orderId: string, currency: string): Promise<Money> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: changes }, { data: orders }] = await Promise.all([
    query.graph({ entity: "order_change", fields: ["id", "status", "actions.action", "actions.amount", "actions.details"], filters: { exchange_id: exchangeId } }),
    query.graph({ entity: "order", fields: ["id", "items.id", "items.unit_price"], filters: { id: orderId } }),
  ])
  const unitPrices = new Map((orders[0]?.items ?? []).filter(Boolean).map((item: any) => [item.id as string, item.unit_price]))
  const cents = (value: unknown) => {
    const parsed = fromMajor(String(value ?? 0), currency)
    if (!parsed.ok) throw new Error(`Exchange ${exchangeId}: ${parsed.error.message}`)
    return parsed.value.cents
  }
  let total = 0
  for (const change of changes.filter((c: any) => c?.status === "confirmed")) {
    for (const action of ((change as any).actions ?? []) as ChangeAction[]) {
      const quantity = Number(action.details?.quantity ?? 0)
      if (action.action === "ITEM_ADD") total += cents(action.details?.unit_price) * quantity
      else if (action.action === "RETURN_ITEM") total -= cents(unitPrices.get(action.details?.reference_id ?? "")) * quantity
      else if (action.action === "SHIPPING_ADD") total += cents(action.amount)
    }
  }
  return money(total, currency)
}

export const config: SubscriberConfig = {
  event: ["order.exchange_created", "order.return_received"],
  context: { subscriberId: "instalments-revise-plan-on-exchange" },
}
