/**
 * What both payment providers (direct instalments and Alma) do the same way at Medusa's boundary:
 * reach the plugin's module, name the payment session, turn Medusa's amounts into cents.
 */
import { BigNumber, MedusaError } from "@medusajs/framework/utils"
import { cardDataMessage, findCardData } from "../domain/card-data"
import { fromMajor, type Money } from "../domain/money"
import type InstalmentsModuleService from "../modules/instalments/service"

/** What Medusa injects into a provider; the plugin's module is there through `dependencies: ["instalments"]`. */
export type ProviderCradle = Record<string, unknown> & { instalments?: InstalmentsModuleService }

/** The plugin's module, or an error that says which line of medusa-config.ts is missing. */
export function instalmentsModuleOf(cradle: ProviderCradle, provider: string): InstalmentsModuleService {
  try {
    const service = cradle.instalments
    if (service) return service
  } catch {
    // Awilix throws for an unregistered name: fall through to the explanation below.
  }
  throw new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    `medusa-instalments: the ${provider} payment provider cannot reach the "instalments" module. In medusa-config.ts, add \`dependencies: ["instalments"]\` to the "@medusajs/medusa/payment" module entry.`,
  )
}

/**
 * The payment session's id: the one its data carries once started, else Medusa's idempotency key
 * (which Medusa sets to the session's id when it starts one).
 */
export function paymentSessionIdOf(sessionId: unknown, context: { idempotency_key?: string } | undefined): string {
  const id = String(sessionId ?? context?.idempotency_key ?? "")
  if (!id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Missing payment session id")
  return id
}

/** Medusa's amount (major units, as a number or BigNumber) in exact cents; no floating point. */
export function toMoney(amount: unknown, currency: string): Money {
  const numeric = new BigNumber(amount as any)
  const text = numeric.raw?.value !== undefined ? String(numeric.raw.value) : String(numeric.numeric)
  const parsed = fromMajor(text, currency.toLowerCase())
  if (!parsed.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid amount: ${parsed.error.message}`)
  return parsed.value
}

/**
 * Refuses card data anywhere in what a caller sent as a session's `data` (see domain/card-data.ts),
 * before anything reaches the processor or the lender. `skip`: top-level keys not to look into,
 * such as a phone number, which can have 13 digits.
 */
export function refuseCardData(data: unknown, skip: readonly string[] = ["phone"]): void {
  const found = findCardData(data, "data", skip)
  if (found) throw new MedusaError(MedusaError.Types.INVALID_DATA, cardDataMessage(found))
}

/**
 * The data a provider returns when a session starts. Medusa stores `{ ...what was sent,
 * ...what the provider returned }`: a key the provider leaves out keeps the storefront's value
 * (its phone, its card token...), and `null` keeps the key. So every key that was sent and is not
 * in `kept` comes back as `undefined`, which the JSON column does not store.
 */
export function replacingSentData<T extends Record<string, unknown>>(sent: Record<string, unknown> | undefined, kept: T): T {
  const dropped = Object.fromEntries(Object.keys(sent ?? {}).map((key) => [key, undefined]))
  return { ...dropped, ...kept }
}

/** The logged-in customer Medusa passes (only when the request is authenticated); never the cart's customer. */
export function loggedInCustomer(context: { customer?: { id?: string } | null } | undefined): string | undefined {
  const id = context?.customer?.id
  return typeof id === "string" && id ? id : undefined
}
