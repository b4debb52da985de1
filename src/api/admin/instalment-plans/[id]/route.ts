/** GET /admin/instalment-plans/:id — one plan with its instalments, its history and the shopper's signed link. */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerAdminPlan } from "../../../utils/admin-plan-answer"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  return answerAdminPlan(req, res)
}
