/**
 * The Alma configuration of this Medusa process. Medusa builds payment providers lazily inside
 * the payment module's own container, where the API routes (quote, IPN, return) cannot reach
 * them; the provider registers its validated options here when Medusa validates them at boot.
 * One Alma account per Medusa process.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { AlmaClient } from "./client"
import type { AlmaConfig } from "./options"

export interface ActiveAlma {
  readonly config: AlmaConfig
  readonly client: AlmaClient
}

let active: ActiveAlma | null = null

export function registerAlma(config: AlmaConfig): ActiveAlma {
  if (!active || active.config !== config) active = { config, client: new AlmaClient(config) }
  return active
}

export function activeAlma(): ActiveAlma | null {
  return active
}

/** The Alma account, or a 400 that says how to configure it. */
export function requireAlma(): ActiveAlma {
  if (active) return active
  throw new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    'Alma is not configured in this store: register the provider "medusa-instalments/providers/alma" (id "alma") with its api_key under the payment module in medusa-config.ts',
  )
}
