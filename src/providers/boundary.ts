/**
 * What both payment providers (direct instalments and Alma) do the same way at Medusa's boundary:
 * reach the plugin's module, name the payment session, turn Medusa's amounts into cents.
 */
import { BigNumber, MedusaError } from "@medusajs/framework/utils"
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
