/**
 * POST /admin/instalment-plans/:id/postpone { instalment_number, days } — moves an upcoming due
 * date back by 1 to 15 days on the shopper's behalf, within the plan's postponement limit.
 */
import { z } from "@medusajs/framework/zod"
import { defaultEngineConfig } from "../../../../../domain/config"
import { postpone } from "../../../../../domain/revisions/postpone"
import { adminPlanAction } from "../../../../utils/admin-plan-action"

const MAX_DAYS = defaultEngineConfig().maxPostponeDays

// Bounded here with the engine's own words, so days out of range get the same answer whatever
// the plan's state (the engine checks the plan's status first).
const PostponeBody = z
  .object({
    instalment_number: z.number({ error: "must be the number of the instalment (1 is the first)" }).int().min(1),
    days: z
      .number({ error: `must be a whole number of days from 1 to ${MAX_DAYS}` })
      .int("must be a whole number of days")
      .refine((days) => days >= 1 && days <= MAX_DAYS, {
        error: (issue) => `postpone_days_out_of_range: A due date can be postponed by 1 to ${MAX_DAYS} days (got ${String(issue.input)}).`,
      }),
  })
  .strict()

export const POST = adminPlanAction(
  "postpone",
  PostponeBody,
  (body) => (plan, ctx) => postpone(plan, { instalmentNumber: body.instalment_number, days: body.days }, ctx),
)
