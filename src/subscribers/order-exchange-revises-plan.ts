/**
 * An exchange confirmed on an order paid in instalments revises its plan
 * (docs/business-rules.md §6), by what the shopper actually paid for the lines
 * (src/workflows/exchange-difference.ts):
 *  - cheaper replacement: the difference comes off the last instalments (any overflow back to
 *    the card) when the exchange is confirmed; once the returned item is received, the plugin
 *    records that refund in Medusa so its order summary agrees. It arms the exchange's marker
 *    right before, so the provider recognises that refund, and that refund only, and does not
 *    take it off the plan a second time;
 *  - dearer replacement: the shopper owes the difference, paid by card in one go from their
 *    self-service link (POST /store/instalment-plans/:id/pay-exchange); the Medusa payment
 *    collection opened for it is recorded now and marked paid then (src/workflows/mark-exchange-paid.ts).
 * Once per exchange (its id is the revision's idempotency key, and its row's unique key).
 */
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { money, toMajor } from "../domain/money"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type { ExchangeRow } from "../modules/instalments/medusa-payments/exchange-rows"
import type { PlanRow } from "../modules/instalments/mapping"
import type InstalmentsModuleService from "../modules/instalments/service"
import { exchangeDifference, type ChangeAction, type PaidLine, type PaidShipping } from "../workflows/exchange-difference"
import { readStoreClock } from "../workflows/store-clock"

export default async function reviseTheExchangedPlan({ event, container }: SubscriberArgs<{ order_id: string; exchange_id?: string }>) {
  await readStoreClock(container)
  const instalments = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const [plan] = await instalments.listInstalmentPlans({ order_id: event.data.order_id }, { take: 1 })
  if (!plan || plan.processor !== instalments.processor.name) return
  if (event.name === "order.exchange_created" && event.data.exchange_id) {
    await applyExchange(container, instalments, plan, event.data.exchange_id)
  }
  await refundSettledExchanges(container, instalments, plan)
}

async function applyExchange(container: MedusaContainer, instalments: InstalmentsModuleService, plan: PlanRow, exchangeId: string) {
  const { difference, paidForReturned } = await differenceOf(container, exchangeId, plan.order_id as string, plan.currency_code)
  if (difference.cents === 0) return
  const paymentCollectionId = difference.cents > 0 ? await openCollectionOf(container, plan.order_id as string, exchangeId) : null
  await instalments.applyExchangeFromMedusa(plan.id, { exchangeId, difference, paidForReturned, paymentCollectionId })
}

/** The exchange's confirmed order change, priced with the order's computed line and shipping totals. */
async function differenceOf(container: MedusaContainer, exchangeId: string, orderId: string, currency: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: changes }, { data: orders }] = await Promise.all([
    query.graph({ entity: "order_change", fields: ["id", "status", "actions.action", "actions.reference_id", "actions.details"], filters: { exchange_id: exchangeId } }),
    query.graph({
      entity: "order",
      // The order's own `total` makes Medusa compute every line's totals (adjustments and taxes).
      fields: [
        "id",
        "total",
        "items.id",
        "items.quantity",
        "items.total",
        "items.fulfilled_total",
        "items.detail.fulfilled_quantity",
        "items.detail.return_received_quantity",
        "items.detail.return_dismissed_quantity",
        "shipping_methods.id",
        "shipping_methods.total",
      ],
      filters: { id: orderId },
    }),
  ])
  // Typed here: query.graph's inferred types need `.medusa/types`, absent from a fresh checkout.
  const confirmed = (changes as { status: string; actions?: ChangeAction[] | null }[]).filter((change) => change?.status === "confirmed")
  const order = orders[0] as { items?: (PaidLine | null)[] | null; shipping_methods?: (PaidShipping | null)[] | null } | undefined
  if (!order) throw new Error(`Exchange ${exchangeId}: order ${orderId} was not found`)
  try {
    return exchangeDifference(
      confirmed.flatMap((change) => change.actions ?? []),
      { items: (order.items ?? []).filter((l): l is PaidLine => !!l), shipping_methods: (order.shipping_methods ?? []).filter((s): s is PaidShipping => !!s) },
      currency,
    )
  } catch (error) {
    throw new Error(`Exchange ${exchangeId} of order ${orderId}: ${(error as Error).message}`)
  }
}

/**
 * The payment collection Medusa opened (or topped up) for a dearer exchange: confirming it leaves
 * the order one unpaid collection, which holds the exchange's difference. Recorded so the
 * shopper's payment marks that one only; when there is not exactly one, none is recorded and the
 * payment is left for the merchant to record in Medusa (said at payment time).
 */
async function openCollectionOf(container: MedusaContainer, orderId: string, exchangeId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "payment_collections.id", "payment_collections.status"], filters: { id: orderId } })
  const collections = (data[0] as { payment_collections?: ({ id: string; status: string } | null)[] | null } | undefined)?.payment_collections ?? []
  const open = collections.filter((pc): pc is { id: string; status: string } => !!pc && (pc.status === "not_paid" || pc.status === "awaiting"))
  if (open.length === 1) return open[0].id
  container.resolve(ContainerRegistrationKeys.LOGGER).warn(`medusa-instalments: exchange ${exchangeId} of order ${orderId}: ${open.length} unpaid payment collections, so none is recorded as the exchange's`)
  return null
}

/**
 * Records in Medusa the refund of each cheaper exchange whose returned items are back (when Medusa
 * itself lets the store refund a return). Each refund is armed on the exchange right before it is
 * issued and taken down right after, whatever happened: the provider takes a refund for the
 * exchange's only while it is armed. Not gated on Medusa's pending difference: Medusa counts any
 * refund made while an exchange is open against that exchange (a goodwill refund included), and
 * the plan gave the difference already, so Medusa's books only agree once this refund is recorded
 * too (Medusa turns what exceeds its pending difference into a credit line).
 */
async function refundSettledExchanges(container: MedusaContainer, instalments: InstalmentsModuleService, plan: PlanRow) {
  const awaited = (await instalments.exchangesOf(plan.id)).filter((e) => e.status === "refund_awaited" || e.status === "refund_armed")
  if (awaited.length === 0 || !plan.payment_id) return
  const back = await returnedExchanges(container, awaited.map((e) => e.exchange_id))
  for (const exchange of awaited.filter((e) => back.has(e.exchange_id))) {
    const nonce = await instalments.armExchangeRefund(plan.id, exchange.exchange_id)
    if (nonce) await issueArmedRefund(container, instalments, plan, exchange, nonce)
  }
}

/** Which of these exchanges have had their returned items received in full. */
async function returnedExchanges(container: MedusaContainer, exchangeIds: string[]): Promise<Set<string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order_exchange", fields: ["id", "return.status"], filters: { id: exchangeIds } })
  const exchanges = data as ({ id: string; return?: { status?: string } | null } | null)[]
  return new Set(exchanges.filter((e) => e?.return?.status === "received").map((e) => (e as { id: string }).id))
}

async function issueArmedRefund(container: MedusaContainer, instalments: InstalmentsModuleService, plan: PlanRow, exchange: ExchangeRow, nonce: string) {
  let issued = false
  try {
    await refundPaymentWorkflow(container).run({
      input: {
        payment_id: plan.payment_id as string,
        amount: toMajor(money(-exchange.difference_cents, exchange.currency_code)),
        note: `Exchange ${exchange.exchange_id}: cheaper replacement, already taken off the instalment plan (${nonce})`,
      },
    })
    issued = true
  } finally {
    await instalments.disarmExchangeRefund(plan.id, exchange.exchange_id, nonce, issued)
  }
}

export const config: SubscriberConfig = {
  event: ["order.exchange_created", "order.return_received"],
  context: { subscriberId: "instalments-revise-plan-on-exchange" },
}
