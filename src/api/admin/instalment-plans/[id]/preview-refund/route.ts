/**
 * POST /admin/instalment-plans/:id/preview-refund { amount } — what a Medusa refund of `amount`
 * (major units) would do to the plan: the revised schedule and what would go back to the card.
 * Nothing is written and no money moves; the refund itself is Medusa's
 * POST /admin/payments/:payment_id/refund, which the provider turns into the same revision.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { fromMajor, money, toMajor } from "../../../../../domain/money"
import { outstanding } from "../../../../../domain/plan"
import { applyRefund } from "../../../../../domain/revisions"
import { INSTALMENTS_MODULE } from "../../../../../modules/instalments"
import { planToSnapshot, revisedRow } from "../../../../../modules/instalments/mapping"
import type InstalmentsModuleService from "../../../../../modules/instalments/service"
import { planView } from "../../../../../modules/instalments/reads/admin-views"
import { parseOr400 } from "../../../../../http/validation"

const PreviewBody = z
  .object({
    amount: z.union([z.number(), z.string().max(40, "is too long: the refund amount in major units, e.g. 100 or \"100.00\"")], {
      error: "is required: the refund amount in major units, e.g. 100 or \"100.00\"",
    }),
  })
  .strict()

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseOr400(PreviewBody, req.body, "body")
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const current = await instalments.loadPlan(req.params.id, { withInstalments: false })
  if (!current) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Instalment plan ${req.params.id} was not found`)
  const amount = fromMajor(String(body.amount), current.currency_code, { exact: true })
  if (!amount.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, `body parameter "amount": ${amount.error.message}`)

  const { row, outcome } = await instalments.previewRevision(req.params.id, (plan, ctx) => applyRefund(plan, { amount: amount.value }, ctx))
  const toCard = outcome.movements.filter((m) => m.kind === "refund").reduce((sum, m) => sum + m.amount.cents, 0)
  const reduction = outstanding(planToSnapshot(row)).cents - outstanding(outcome.plan).cents
  res.json({
    preview: {
      amount: toMajor(amount.value),
      refund_to_card: toMajor(money(toCard, row.currency_code)),
      reduction: toMajor(money(Math.max(0, reduction), row.currency_code)),
      instalment_plan: planView(revisedRow(row, outcome.plan)),
    },
  })
}
