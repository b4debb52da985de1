/**
 * POST /admin/instalment-plans/:id/terminate { reason? } — terminates the contract (non-payment,
 * false declaration): everything remaining becomes due today and is charged at once. A declined
 * charge does not undo the termination: it is recorded and retried like any collection.
 */
import { z } from "@medusajs/framework/zod"
import { terminate } from "../../../../../domain/revisions/terminate"
import { adminPlanAction } from "../../../../utils/admin-plan-action"

const DEFAULT_REASON = "non-payment"

const TerminateBody = z
  .object({ reason: z.string({ error: "must be a text saying why" }).trim().min(1, "must not be empty").max(500).optional() })
  .strict()

export const POST = adminPlanAction(
  "terminate",
  TerminateBody,
  (body) => (plan, ctx) => terminate(plan, { reason: body.reason ?? DEFAULT_REASON }, ctx),
  { declineIsError: false },
)
