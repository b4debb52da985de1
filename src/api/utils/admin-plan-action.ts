/**
 * The admin actions on a plan (`POST /admin/instalment-plans/:id/<action>`): each validates its
 * body, applies one engine revision through `service.revise` (row lock, ledger, processor), then
 * answers `{ instalment_plan }` exactly as `GET /admin/instalment-plans/:id` does.
 *
 * The actor recorded in the history is `admin:<user id>`. An optional `Idempotency-Key` header
 * makes a retried request a no-op (the ledger holds the key, scoped to the plan and the action).
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import type { RevisionContext, RevisionOutcome } from "../../domain/outcome"
import type { PlanSnapshot } from "../../domain/plan"
import type { Result } from "../../domain/result"
import { INSTALMENTS_MODULE } from "../../modules/instalments"
import type { PlanRow } from "../../modules/instalments/mapping"
import type InstalmentsModuleService from "../../modules/instalments/service"
import { answerAdminPlan } from "./admin-plan-answer"
import { withPluginErrors } from "../../http/errors"
import { parseOr400 } from "../../http/validation"

const MAX_KEY_LENGTH = 200

/** The caller's Idempotency-Key, scoped to the plan and the action; none without the header. */
export function adminIdempotencyKey(req: AuthenticatedMedusaRequest, action: string): string | undefined {
  const header = req.headers["idempotency-key"]
  if (header === undefined) return undefined
  const key = Array.isArray(header) ? header[0] : header
  if (typeof key !== "string" || key.trim() === "" || key.length > MAX_KEY_LENGTH) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The Idempotency-Key header must be 1 to ${MAX_KEY_LENGTH} characters (got ${key?.length ?? 0}).`)
  }
  return `admin:${req.params.id}:${action}:${key.trim()}`
}

export function adminPlanAction<T extends z.ZodType>(
  action: string,
  schema: T,
  revision: (body: z.infer<T>) => (plan: PlanSnapshot, ctx: RevisionContext) => Result<RevisionOutcome>,
  options: { declineIsError?: boolean; onLenderPlans?: boolean } = {},
) {
  return withPluginErrors(async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
    const body = parseOr400(schema, req.body, "body")
    const key = adminIdempotencyKey(req, action)
    const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
    const row = await instalments.loadPlan(req.params.id, { withInstalments: false })
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Instalment plan ${req.params.id} was not found`)
    if (!options.onLenderPlans) refuseOnLenderPlans(instalments, row, action)
    // Without the header, the plan version the admin acted on names the action: a double click
    // acts once, and an action on a plan that changed meanwhile is refused (plan_changed).
    await instalments.revise(req.params.id, revision(body), {
      actor: `admin:${req.auth_context.actor_id}`,
      idempotencyKey: key ?? `admin:${row.id}:${action}:v${row.version}`,
      expectedVersion: key === undefined ? row.version : undefined,
      request: { name: action, input: body },
      declineIsError: options.declineIsError ?? true,
    })
    return answerAdminPlan(req, res)
  })
}

/** A plan a lender (Alma) funds follows the lender's schedule: only the actions marked for it apply. */
function refuseOnLenderPlans(instalments: InstalmentsModuleService, row: PlanRow, action: string) {
  if (row.processor !== instalments.processor.name) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `lender_managed: "${action}" does not apply to a plan ${row.processor} funds and collects; act from ${row.processor}'s dashboard (flag-fraud and refunds through Medusa do apply)`,
      "lender_managed",
    )
  }
}
