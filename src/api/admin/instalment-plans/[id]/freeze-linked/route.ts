/**
 * POST /admin/instalment-plans/:id/freeze-linked { days, reason } — on a plan flagged for fraud,
 * freezes every plan linked to it that can be frozen (the rules of `freeze`), each history
 * recording the link it was frozen on. Answers `{ frozen: [...], skipped: [{ ..., code, message }] }`.
 * A plan not flagged gets a 400 (`plan_not_flagged`); bad input a 400 that says what to fix, with
 * nothing written. An optional Idempotency-Key header makes a retry freeze nothing twice.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { INSTALMENTS_MODULE } from "../../../../../modules/instalments"
import { freezeLinkedPlans } from "../../../../../modules/instalments/linked"
import type InstalmentsModuleService from "../../../../../modules/instalments/service"
import { withPluginErrors } from "../../../../../http/errors"
import { parseOr400 } from "../../../../../http/validation"
import { adminIdempotencyKey } from "../../../../utils/admin-plan-action"

const FreezeLinkedBody = z
  .object({
    days: z.number({ error: "must be a whole number of days from 1 to 180" }).int("must be a whole number of days").min(1, "a freeze lasts at least 1 day").max(180, "a freeze lasts at most 180 days"),
    reason: z.string({ error: "must say why the linked plans are frozen: it is kept in each plan's history as proof" }).trim().min(1, "must not be empty: say why the linked plans are frozen").max(500),
  })
  .strict()

export const POST = withPluginErrors(async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseOr400(FreezeLinkedBody, req.body, "body")
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const row = await instalments.loadPlan(req.params.id, { withInstalments: false })
  // Without the header, the flagged plan's version names the action: a double click acts once.
  const key = adminIdempotencyKey(req, "freeze-linked") ?? `admin:${req.params.id}:freeze-linked:v${row?.version ?? 0}`
  const result = await freezeLinkedPlans(instalments.operations, req.params.id, body, { actor: `admin:${req.auth_context.actor_id}`, idempotencyKey: key })
  res.json(result)
})
