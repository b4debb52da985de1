/**
 * POST /admin/instalment-plans/:id/collect-from-linked { linked_plan_id, instalment_number? } — on
 * a plan in serious delay, charges its overdue instalment(s) (one, or all of them) to the card of a
 * linked plan of the same shopper (linked by e-mail or phone; business rules §8), never
 * automatically. The link is recorded in both plans' histories. Money moves once: an optional
 * Idempotency-Key header names the charge (a retry charges nothing more); without it, the plan
 * version the admin saw does. Answers `{ instalment_plan }`; a declined card is a 400.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { INSTALMENTS_MODULE } from "../../../../../modules/instalments"
import { collectFromLinkedPlan } from "../../../../../modules/instalments/linked"
import type InstalmentsModuleService from "../../../../../modules/instalments/service"
import { withPluginErrors } from "../../../../../http/errors"
import { parseOr400 } from "../../../../../http/validation"
import { adminIdempotencyKey } from "../../../../utils/admin-plan-action"
import { answerAdminPlan } from "../../../../utils/admin-plan-answer"

const CollectFromLinkedBody = z
  .object({
    linked_plan_id: z.string({ error: "must be the id of a linked plan (GET /admin/instalment-plans/:id/linked)" }).trim().min(1, "must not be empty"),
    instalment_number: z.number({ error: "must be the number of an overdue instalment, or left out for all of them" }).int().min(1).optional(),
  })
  .strict()

export const POST = withPluginErrors(async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseOr400(CollectFromLinkedBody, req.body, "body")
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const row = await instalments.loadPlan(req.params.id, { withInstalments: false })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Instalment plan ${req.params.id} was not found`)
  const key = adminIdempotencyKey(req, "collect-from-linked")
  await collectFromLinkedPlan(
    instalments.operations,
    req.params.id,
    { linkedPlanId: body.linked_plan_id, instalmentNumber: body.instalment_number },
    {
      actor: `admin:${req.auth_context.actor_id}`,
      idempotencyKey: key ?? `admin:${row.id}:collect-from-linked:v${row.version}`,
      expectedVersion: key === undefined ? row.version : undefined,
    },
  )
  return answerAdminPlan(req, res)
})
