/**
 * What the module logs through: Medusa's logger (the container's `logger`), so the plugin's
 * warnings and errors reach Medusa's logs, JSON in production, with everything else.
 */
import { logger as medusaLogger } from "@medusajs/framework/logger"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type PluginLogger = Pick<Logger, "warn" | "error">

/** The logger of the module's container; Medusa's own where a runner registers none. */
export function loggerOf(cradle: Record<string, unknown>): PluginLogger {
  return (cradle[ContainerRegistrationKeys.LOGGER] as PluginLogger | undefined) ?? medusaLogger
}
