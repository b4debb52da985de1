/**
 * POST /admin/instalment-plans/:id/resend-link — e-mails the shopper a fresh self-service link (in
 * the plan's language) and records it in the plan's history. The links sent before stop working
 * first (`plan.links_revoked`): the new e-mail carries the only valid one. Answers `{ instalment_plan }`.
 * An optional Idempotency-Key header makes a retried request revoke and send nothing more.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { INSTALMENTS_MODULE } from "../../../../../modules/instalments"
import type InstalmentsModuleService from "../../../../../modules/instalments/service"
import { idempotencyKeyHeader } from "../../../../../self-service/actions"
import { sendPlanEmail } from "../../../../../notifications/send"
import { revokePlanLinks } from "../../../../../modules/instalments/shopper-links/revocation"
import { answerAdminPlan } from "../../../../utils/admin-plan-answer"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const planId = req.params.id
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const plan = await instalments.loadPlan(planId, { withInstalments: false })
  if (!plan) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Instalment plan ${planId} was not found`)
  if (!instalments.managesPlan(plan)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `lender_managed: plan ${planId} is managed by its lender (${plan.processor}), which e-mails the shopper its own page`, "lender_managed")
  }
  if (!plan.email) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `no_email: plan ${planId} has no e-mail address to send the link to (the order had none)`, "no_email")
  }
  const key = idempotencyKeyHeader(req.headers["idempotency-key"])
  const actor = `admin:${req.auth_context.actor_id}`
  await revokePlanLinks(instalments, plan, {
    actor,
    reason: "link_resent",
    idempotencyKey: key === undefined ? undefined : `instalments:resend-link:${planId}:${key}:revoke`,
  })
  const sent = await sendPlanEmail(req.scope, planId, "selfServiceLink", {
    trigger: "admin.resend_link",
    idempotencyKey: key === undefined ? undefined : `instalments:resend-link:${planId}:${key}`,
  })
  if (!sent.sent) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The link could not be e-mailed: ${sent.reason}`)
  await instalments.recordPlanEventOnce(
    planId,
    { type: "plan.self_service_link_sent", data: { notificationId: sent.notificationId, channel: "email" } },
    { actor, idempotencyKey: `link-sent:${planId}:${sent.notificationId || `v${plan.link_version + 1}`}` },
  )
  return answerAdminPlan(req, res)
}
