/**
 * POST /admin/instalment-plans/:id/revoke-links — every self-service link of the plan sent so far
 * stops working at once (a forwarded e-mail, a link seen in a log or on a shared screen). Recorded
 * in the plan's history as `plan.links_revoked` by `admin:<id>`. The shopper gets a working link
 * again with the next e-mail, or with "resend link". Answers `{ instalment_plan }`.
 * An optional Idempotency-Key header makes a retried request revoke nothing more.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { INSTALMENTS_MODULE } from "../../../../../modules/instalments"
import type InstalmentsModuleService from "../../../../../modules/instalments/service"
import { idempotencyKeyHeader } from "../../../../../self-service/actions"
import { revokePlanLinks } from "../../../../../modules/instalments/shopper-links/revocation"
import { parseOr400 } from "../../../../../http/validation"
import { answerAdminPlan } from "../../../../utils/admin-plan-answer"

const RevokeLinksBody = z.object({}).strict()

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const planId = req.params.id
  parseOr400(RevokeLinksBody, req.body, "body")
  const key = idempotencyKeyHeader(req.headers["idempotency-key"])
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const plan = await instalments.loadPlan(planId, { withInstalments: false })
  if (!plan) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Instalment plan ${planId} was not found`)
  await revokePlanLinks(instalments, plan, {
    actor: `admin:${req.auth_context.actor_id}`,
    reason: "admin_revoked",
    idempotencyKey: key === undefined ? undefined : `admin:${planId}:revoke-links:${key}`,
  })
  return answerAdminPlan(req, res)
}
