/**
 * POST /admin/instalment-plans/:id/postpone { instalment_number, days } — moves an upcoming due
 * date back by 1 to 15 days on the shopper's behalf, within the plan's postponement limit.
 */
import { z } from "@medusajs/framework/zod"
import { postpone } from "../../../../../domain/revisions/postpone"
import { adminPlanAction } from "../../../../utils/admin-plan-action"

const PostponeBody = z
  .object({
    instalment_number: z.number({ error: "must be the number of the instalment (1 is the first)" }).int().min(1),
    days: z.number({ error: "must be a whole number of days from 1 to 15" }).int("must be a whole number of days"),
  })
  .strict()

export const POST = adminPlanAction(
  "postpone",
  PostponeBody,
  (body) => (plan, ctx) => postpone(plan, { instalmentNumber: body.instalment_number, days: body.days }, ctx),
)
