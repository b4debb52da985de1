/**
 * POST /admin/instalments/reconcile { older_than_minutes? } settles, now, the money operations
 * left running (what the five-minute job does; see src/modules/instalments/operations/reconcile.ts).
 * `older_than_minutes` (default 5, 0 for every running one) keeps requests still in flight out of
 * it. Answers { examined, settled, waiting }: `waiting` are operations the processor did not answer
 * for this time either.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { INSTALMENTS_MODULE } from "../../../../modules/instalments"
import type InstalmentsModuleService from "../../../../modules/instalments/service"
import { parseOr400 } from "../../../../http/validation"

const ReconcileBody = z
  .object({
    older_than_minutes: z
      .number({ error: "must be a whole number of minutes from 0 to 10080 (a week)" })
      .int("must be a whole number of minutes from 0 to 10080 (a week)")
      .min(0, "must be a whole number of minutes from 0 to 10080 (a week)")
      .max(10_080, "must be a whole number of minutes from 0 to 10080 (a week)")
      .optional(),
  })
  .strict()

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseOr400(ReconcileBody, req.body, "body")
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const olderThanMs = body.older_than_minutes === undefined ? undefined : body.older_than_minutes * 60_000
  res.json(await instalments.reconcile({ olderThanMs }))
}
