/**
 * The admin flags an Alma plan as potential fraud (POST /admin/instalment-plans/:id/flag-fraud):
 * tell Alma too (POST /v1/payments/{id}/potential-fraud), since Alma holds the credit. Once per
 * flag: the report is recorded in the plan's history under the flag event's id.
 */
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { activeAlma } from "../lenders/alma/registry"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type InstalmentsModuleService from "../modules/instalments/service"
import { readStoreClock } from "../workflows/store-clock"

export default async function reportFraudToAlma({ event, container }: SubscriberArgs<{ id: string; event_types?: string[] }>) {
  if (!event.data.event_types?.includes("plan.fraud_flagged")) return
  await readStoreClock(container)
  const alma = activeAlma()
  const instalments = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const plan = await instalments.loadPlan(event.data.id, { withInstalments: false })
  if (!alma || !plan || plan.processor !== "alma" || !plan.credit_reference) return
  const [flag] = await instalments.listInstalmentPlanEvents(
    { plan_id: plan.id, type: "plan.fraud_flagged" } as any,
    { take: 1, order: { occurred_at: "DESC" } },
  )
  if (!flag) return
  const key = `alma-fraud:${flag.id}`
  if ((await instalments.listInstalmentPlanEvents({ idempotency_key: key }, { take: 1 })).length) return
  const reason = plan.fraud_reason ?? "flagged by the merchant"
  try {
    await alma.client.flagPotentialFraud(plan.credit_reference, reason)
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`medusa-instalments: could not report plan ${plan.id} to Alma as potential fraud: ${(error as Error).message}`)
    return
  }
  await instalments.recordPlanEventOnce(plan.id, { type: "alma.fraud_reported", data: { almaPaymentId: plan.credit_reference, reason } }, { actor: "system", idempotencyKey: key })
}

export const config: SubscriberConfig = {
  event: "instalment_plan.updated",
  context: { subscriberId: "instalments-alma-report-fraud" },
}
