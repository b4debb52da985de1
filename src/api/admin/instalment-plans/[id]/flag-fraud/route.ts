/**
 * POST /admin/instalment-plans/:id/flag-fraud { reason, days? } — records suspected fraud. A plan
 * still being collected is also frozen (`days`, default 180, the longest freeze); a closed plan
 * is only flagged.
 */
import { z } from "@medusajs/framework/zod"
import { flagFraud } from "../../../../../domain/revisions/freeze"
import { adminPlanAction } from "../../../../utils/admin-plan-action"

const FlagFraudBody = z
  .object({
    reason: z.string({ error: "must say what was found: it is kept as proof" }).trim().min(1, "must not be empty").max(500),
    days: z.number({ error: "must be a whole number of days from 1 to 180" }).int("must be a whole number of days").min(1).max(180).optional(),
  })
  .strict()

// Also on plans a lender funds: the flag is recorded here and reported to the lender.
export const POST = adminPlanAction("flag-fraud", FlagFraudBody, (body) => (plan, ctx) => flagFraud(plan, body, ctx), { onLenderPlans: true })
