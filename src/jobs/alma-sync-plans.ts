/**
 * Every hour, refresh the mirrors of Alma plans still running: Alma collects the instalments and
 * its IPN may not come (or not reach us), so the plugin also asks. A plan whose payment Alma
 * cannot give now is left for the next run. Safe to run anywhere, any number of times: a refresh
 * that finds nothing new writes nothing.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { activeAlma } from "../lenders/alma/registry"
import { syncAlmaPlan } from "../lenders/alma/sync"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type InstalmentsModuleService from "../modules/instalments/service"

/** Plans Alma may still change. */
const RUNNING = ["pending_start", "active", "late", "serious_delay", "frozen"]
const PAGE_SIZE = 100

export default async function syncAlmaPlansJob(container: MedusaContainer) {
  return syncAlmaPlans(container)
}

export async function syncAlmaPlans(container: MedusaContainer, options: { pageSize?: number } = {}): Promise<{ examined: number; changed: number; errors: number }> {
  const PAGE = options.pageSize ?? PAGE_SIZE
  const alma = activeAlma()
  const summary = { examined: 0, changed: 0, errors: 0 }
  if (!alma) return summary
  const instalments = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (let skip = 0; ; skip += PAGE) {
    const plans = await instalments.listInstalmentPlans(
      { processor: "alma", status: RUNNING as any },
      { select: ["id", "payment_session_id", "credit_reference"], take: PAGE, skip, order: { id: "ASC" } },
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
    if (plans.length < PAGE) break
  }
  logger.info(`medusa-instalments: Alma sync: ${summary.examined} plans examined, ${summary.changed} changed, ${summary.errors} left for the next run`)
  return summary
}

export const config = {
  name: "instalments-alma-sync",
  schedule: "23 * * * *",
}
