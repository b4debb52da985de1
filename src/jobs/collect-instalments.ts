/**
 * Every hour, collect what is due (charges, retries, freezes over, serious delays).
 *
 * Medusa runs scheduled jobs only in the processes whose `projectConfig.workerMode` is `worker`
 * or `shared` (the default); a `server`-mode process never runs it. Running it several times a
 * day, or in several workers at once, is safe: runs claim disjoint batches and never wait for
 * each other, a plan is charged at most once per attempt, and a failed charge is only retried on
 * its retry day. It fires at minute 7 of the process's clock; the day it collects is the day in the
 * plugin's `time_zone` (README, "Scheduled jobs"). INSTALMENTS_COLLECTION_JOB switches it
 * (src/options/scheduled-jobs.ts): the bench turns it off, and it is off under jest.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { scheduledJobEnabled } from "../options/scheduled-jobs"
import { collectDueInstalmentsWorkflow } from "../workflows/collect-due-instalments"

export default async function collectInstalmentsJob(container: MedusaContainer) {
  if (!scheduledJobEnabled("INSTALMENTS_COLLECTION_JOB")) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await collectDueInstalmentsWorkflow(container).run({ input: {} })
  logger.info(
    `medusa-instalments: collection for ${result.today}: ${result.examined} plans examined, ${result.charged} charged, ` +
      `${result.failed} declined, ${result.seriousDelays} serious delays, ${result.errors} left for the next run`,
  )
}

export const config = {
  name: "instalments-collect-due",
  schedule: "7 * * * *",
}
