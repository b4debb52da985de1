/**
 * Every five minutes, settle the money operations a crash or a timeout left running (see
 * src/modules/instalments/operations/reconcile.ts): a charge is looked up under its key at the
 * processor and recorded, or found never made and abandoned; a refund owed is sent again under its
 * key. Only operations untouched for five minutes are looked at, so a request still in flight is
 * left to finish on its own.
 *
 * Like every scheduled job, it runs in the processes whose `workerMode` is `worker` or `shared`.
 * INSTALMENTS_RECONCILE_JOB switches it (src/options/scheduled-jobs.ts): off under jest, where the
 * tests call the reconciler themselves.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type InstalmentsModuleService from "../modules/instalments/service"
import { scheduledJobEnabled } from "../options/scheduled-jobs"
import { readStoreClock } from "../workflows/store-clock"

export default async function reconcileInstalmentOperationsJob(container: MedusaContainer) {
  if (!scheduledJobEnabled("INSTALMENTS_RECONCILE_JOB")) return
  await readStoreClock(container)
  const summary = await container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE).reconcile()
  if (summary.examined === 0) return
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .warn(`medusa-instalments: reconciled ${summary.examined} money operations left running: ${summary.settled} settled, ${summary.waiting} still waiting for the processor`)
}

export const config = {
  name: "instalments-reconcile-operations",
  schedule: "*/5 * * * *",
}
