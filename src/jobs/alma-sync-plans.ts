/**
 * Every hour:
 *  1. settle the Alma operations (refunds, triggers, cancellations) a crash or an outage left
 *     between Alma's answer and its record, from Alma's own records (src/lenders/alma/reconcile.ts);
 *  2. refresh the mirrors of Alma plans still running: Alma collects the instalments and its IPN
 *     may not come (or not reach us), so the plugin also asks.
 * A plan or an operation Alma cannot answer for now is left for the next run. Safe to run
 * anywhere, any number of times: a refresh that finds nothing new writes nothing, and an
 * operation is sent again by one run only (claimed, and only once stale).
 *
 * Plans are paged by id (keyset), not by offset: a refresh can move a plan out of the running
 * statuses the query filters on, which would shift every later page and skip plans.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reconcileAlmaOperations } from "../lenders/alma/reconcile"
import { activeAlma } from "../lenders/alma/registry"
import { syncAlmaPlan } from "../lenders/alma/sync"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type InstalmentsModuleService from "../modules/instalments/service"
import { scheduledJobEnabled } from "../options/scheduled-jobs"
import { readStoreClock } from "../workflows/store-clock"

/** Plans Alma may still change. */
const RUNNING = ["pending_start", "active", "late", "serious_delay", "frozen"]
const PAGE_SIZE = 100

export interface AlmaSyncSummary {
  /** Plans looked at, and those whose mirror changed. */
  examined: number
  changed: number
  /** Operations settled from Alma's records, and those still owed. */
  settled: number
  waiting: number
  /** Plans and operations Alma could not answer for: left for the next run. */
  errors: number
}

/** The scheduled run; INSTALMENTS_ALMA_SYNC_JOB switches it (src/options/scheduled-jobs.ts). */
export default async function syncAlmaPlansJob(container: MedusaContainer): Promise<void> {
  if (!scheduledJobEnabled("INSTALMENTS_ALMA_SYNC_JOB")) return
  await readStoreClock(container)
  await syncAlmaPlans(container)
}

export async function syncAlmaPlans(container: MedusaContainer, options: { pageSize?: number } = {}): Promise<AlmaSyncSummary> {
  const pageSize = options.pageSize ?? PAGE_SIZE
  const alma = activeAlma()
  const summary: AlmaSyncSummary = { examined: 0, changed: 0, settled: 0, waiting: 0, errors: 0 }
  if (!alma) return summary
  const instalments = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)

  const operations = await reconcileAlmaOperations({ instalments, client: alma.client, logger }, { pageSize })
  summary.settled = operations.settled
  summary.waiting = operations.waiting
  summary.errors += operations.errors

  for (let after = ""; ; ) {
    const plans = await instalments.listInstalmentPlans(
      { processor: "alma", status: RUNNING as any, id: { $gt: after } } as any,
      { select: ["id", "payment_session_id", "credit_reference"], take: pageSize, order: { id: "ASC" } },
    )
    for (const plan of plans) {
      summary.examined++
      if (!plan.credit_reference) continue
      try {
        const { written } = await syncAlmaPlan(instalments, () => alma.client.getPayment(plan.credit_reference as string), {
          sessionId: plan.payment_session_id,
          cause: "sync",
        })
        if (written) summary.changed++
      } catch (error) {
        summary.errors++
        logger.warn(`medusa-instalments: Alma plan ${plan.id} not refreshed: ${(error as Error).message}`)
      }
    }
    if (plans.length < pageSize) break
    after = plans[plans.length - 1].id
  }
  logger.info(
    `medusa-instalments: Alma sync: ${summary.settled} operations settled (${summary.waiting} still owed), ${summary.examined} plans examined, ${summary.changed} changed, ${summary.errors} left for the next run`,
  )
  return summary
}

export const config = {
  name: "instalments-alma-sync",
  schedule: "23 * * * *",
}
