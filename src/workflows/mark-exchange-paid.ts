/**
 * After the shopper paid dearer exchanges' differences through the plugin, Medusa's order still
 * has the payment collection it opened for each: that collection, recorded when the exchange was
 * applied, and only that one, is marked paid (Medusa's own markPaymentCollectionAsPaid workflow,
 * with its system provider: the money was taken by the plugin), and only when it asks for exactly
 * what the plugin charged (security review M5). Any other unpaid amount of the order (an order
 * edit, a claim) stays unpaid.
 *
 * Medusa keeps one unpaid collection per order and tops it up with every new amount owed, so an
 * exchange confirmed while an order edit is unpaid shares its collection: marking it paid would
 * settle the edit too. Such a collection is left alone, loudly: an error in the log and
 * `plan.exchange_collection_refused` in the plan's history, for the merchant to record the payment
 * in Medusa by hand.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { markPaymentCollectionAsPaid } from "@medusajs/medusa/core-flows"
import { fromMajor, money, toMajorString } from "../domain/money"
import type { ExchangeRow } from "../modules/instalments/medusa-payments/exchange-rows"
import type { PlanRow } from "../modules/instalments/mapping"
import type InstalmentsModuleService from "../modules/instalments/service"

type Collection = { id: string; status: string; amount: unknown; currency_code: string }

/**
 * Marks in Medusa the collection of each exchange of `plan` the plugin was paid for; the exchanges
 * marked. Never throws: the shopper's payment stands whatever Medusa answers, and an exchange left
 * `paid` is tried again by the next request on it.
 */
export async function markExchangesPaidInMedusa(container: MedusaContainer, instalments: InstalmentsModuleService, plan: PlanRow): Promise<string[]> {
  if (!plan.order_id) return []
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let paid: ExchangeRow[]
  try {
    paid = (await instalments.exchangesOf(plan.id)).filter((e) => e.status === "paid" && !e.collection_problem)
  } catch (error) {
    logger.error(`medusa-instalments: plan ${plan.id}: its paid exchanges could not be read to mark them in Medusa: ${(error as Error).message}`)
    return []
  }
  const marked: string[] = []
  for (const exchange of paid) {
    try {
      if (await markOne(container, instalments, plan, exchange)) marked.push(exchange.exchange_id)
    } catch (error) {
      logger.error(`medusa-instalments: exchange ${exchange.exchange_id} (plan ${plan.id}): its payment could not be marked in Medusa: ${(error as Error).message}`)
    }
  }
  return marked
}

async function markOne(container: MedusaContainer, instalments: InstalmentsModuleService, plan: PlanRow, exchange: ExchangeRow): Promise<boolean> {
  const collection = exchange.payment_collection_id ? await collectionOf(container, plan.order_id as string, exchange.payment_collection_id) : null
  const problem = problemWith(collection, exchange)
  if (problem) {
    await refuseLoudly(container, instalments, plan, exchange, problem)
    return false
  }
  // A collection already completed for exactly this amount was marked by an earlier attempt that stopped before recording it.
  if (collection?.status === "not_paid") {
    await markPaymentCollectionAsPaid(container).run({ input: { order_id: plan.order_id as string, payment_collection_id: collection.id } })
  }
  await instalments.recordExchangeCollection(plan.id, exchange.id, null)
  return true
}

/** Why the exchange's collection must not be marked paid, or null when it may. */
function problemWith(collection: Collection | null, exchange: ExchangeRow): string | null {
  const due = money(exchange.difference_cents, exchange.currency_code)
  if (!collection) {
    return exchange.payment_collection_id
      ? `payment collection ${exchange.payment_collection_id} is not one of the order's`
      : "no Medusa payment collection was recorded for this exchange when it was applied"
  }
  const amount = fromMajor(String(collection.amount), collection.currency_code || exchange.currency_code)
  if (!amount.ok || amount.value.currency !== due.currency || amount.value.cents !== due.cents) {
    const asked = amount.ok ? `${toMajorString(amount.value)} ${amount.value.currency}` : String(collection.amount)
    return `payment collection ${collection.id} asks for ${asked} but the exchange's difference is ${toMajorString(due)} ${due.currency}: Medusa added other amounts to it (an order edit, a claim)`
  }
  if (collection.status !== "not_paid" && collection.status !== "completed") return `payment collection ${collection.id} is ${collection.status}, not unpaid`
  return null
}

async function refuseLoudly(container: MedusaContainer, instalments: InstalmentsModuleService, plan: PlanRow, exchange: ExchangeRow, problem: string) {
  container.resolve(ContainerRegistrationKeys.LOGGER).error(
    `medusa-instalments: exchange ${exchange.exchange_id} (plan ${plan.id}) was paid to the plugin, but its Medusa payment collection was not marked paid: ${problem}. Record the payment on order ${plan.order_id} in Medusa by hand.`,
  )
  await instalments.recordPlanEventOnce(
    plan.id,
    {
      type: "plan.exchange_collection_refused",
      data: { exchangeId: exchange.exchange_id, paymentCollectionId: exchange.payment_collection_id, amount: exchange.difference_cents, reason: problem },
    },
    { actor: "system", idempotencyKey: `exchange-collection:${exchange.exchange_id}` },
  )
  await instalments.recordExchangeCollection(plan.id, exchange.id, problem)
}

async function collectionOf(container: MedusaContainer, orderId: string, collectionId: string): Promise<Collection | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.id", "payment_collections.status", "payment_collections.amount", "payment_collections.currency_code"],
    filters: { id: orderId },
  })
  // Typed here: query.graph's inferred types need `.medusa/types`, absent from a fresh checkout.
  const collections = (data[0] as { payment_collections?: (Collection | null)[] | null } | undefined)?.payment_collections ?? []
  return collections.find((pc): pc is Collection => pc?.id === collectionId) ?? null
}
