/**
 * POST /admin/instalment-plans/:id/freeze { days, reason } — suspends collection for 1 to 180
 * days (an investigation): nothing is charged, the shopper cannot pay early, postpone or
 * withdraw. Collection resumes by itself on the last day, or earlier with `unfreeze`.
 */
import { z } from "@medusajs/framework/zod"
import { freeze } from "../../../../../domain/revisions/freeze"
import { adminPlanAction } from "../../../../utils/admin-plan-action"

const FreezeBody = z
  .object({
    days: z.number({ error: "must be a whole number of days from 1 to 180" }).int("must be a whole number of days").min(1).max(180, "a freeze lasts at most 180 days"),
    reason: z.string({ error: "must say why the plan is frozen: it is kept as proof" }).trim().min(1, "must not be empty").max(500),
  })
  .strict()

export const POST = adminPlanAction("freeze", FreezeBody, (body) => (plan, ctx) => freeze(plan, body, ctx))
