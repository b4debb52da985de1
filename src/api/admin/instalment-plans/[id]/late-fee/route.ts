/**
 * POST /admin/instalment-plans/:id/late-fee { percent, note } — a late fee on a plan in serious
 * delay (more than 15 days overdue), when the shopper does not cooperate: `percent` of the amounts
 * overdue (e.g. 5 or "2.50", at most 2 decimals), all late fees together never above 8 %. The fee
 * is added to the earliest overdue instalment and collected with it. `note` says why (proof).
 */
import { z } from "@medusajs/framework/zod"
import { decimalToScaledInteger } from "../../../../../domain/decimal"
import { applyLateFee } from "../../../../../domain/revisions/late-fee"
import { adminPlanAction } from "../../../../utils/admin-plan-action"

const percent = z
  .union([z.number(), z.string()], { error: 'must be a percentage, e.g. 5 or "2.50"' })
  .transform((value, ctx) => {
    const basisPoints = decimalToScaledInteger(value, 2, "exact")
    if (basisPoints === undefined || basisPoints <= 0) {
      ctx.addIssue({ code: "custom", message: `must be a percentage above 0 with at most 2 decimals, e.g. 5 or "2.50" (got ${JSON.stringify(value)})` })
      return z.NEVER
    }
    return basisPoints
  })

const LateFeeBody = z
  .object({
    percent,
    note: z
      .string({ error: "must say why the fee is applied (the shopper did not answer...): it is kept as proof" })
      .trim()
      .min(1, "must not be empty")
      .max(500, "must be at most 500 characters: say briefly why the fee is applied"),
  })
  .strict()

export const POST = adminPlanAction("late-fee", LateFeeBody, (body) => (plan, ctx) => applyLateFee(plan, { basisPoints: body.percent, note: body.note }, ctx))
