/**
 * The answer of `GET /admin/instalment-plans/:id`, which the admin's actions on a plan give too
 * (`{ instalment_plan }`: the plan with its instalments, its history and the shopper's signed link).
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { INSTALMENTS_MODULE } from "../../modules/instalments"
import type InstalmentsModuleService from "../../modules/instalments/service"
import { planView } from "../../modules/instalments/reads/admin-views"

export async function answerAdminPlan(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const plan = await instalments.loadPlanWithHistory(req.params.id)
  if (!plan) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Instalment plan ${req.params.id} was not found`)
  res.json({ instalment_plan: planView(plan, { events: plan.events, selfServiceUrl: instalments.selfServiceUrl(plan) }) })
}
