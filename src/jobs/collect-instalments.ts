/**
 * Every hour, collect what is due (charges, retries, freezes over, serious delays).
 *
 * Medusa runs scheduled jobs only in the processes whose `projectConfig.workerMode` is `worker`
 * or `shared` (the default); a `server`-mode process never runs it. Running it several times a
 * day, or in several workers at once, is safe: a plan is charged at most once per attempt, and a
 * failed charge is only retried on its retry day.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { collectDueInstalmentsWorkflow } from "../workflows/collect-due-instalments"

export default async function collectInstalmentsJob(container: MedusaContainer) {
  if (!hourlyRunEnabled()) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await collectDueInstalmentsWorkflow(container).run({ input: {} })
  logger.info(
    `medusa-instalments: collection for ${result.today}: ${result.examined} plans examined, ${result.charged} charged, ` +
      `${result.failed} declined, ${result.seriousDelays} serious delays, ${result.errors} left for the next run`,
  )
}

/**
 * INSTALMENTS_COLLECTION_JOB=off turns the hourly run off (the bench does). Under jest
 * (NODE_ENV=test) it is off unless set to on: the tests drive collection through the sandbox
 * clock, and a run firing at minute 7 in the middle of a test would make its figures depend on
 * the time of day.
 */
function hourlyRunEnabled(): boolean {
  const setting = process.env.INSTALMENTS_COLLECTION_JOB ?? (process.env.NODE_ENV === "test" ? "off" : "on")
  return setting !== "off"
}

export const config = {
  name: "instalments-collect-due",
  schedule: "7 * * * *",
}
