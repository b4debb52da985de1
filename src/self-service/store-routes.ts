/**
 * The JSON routes a storefront uses for self-service (the page in src/api/instalments uses the same
 * pieces). Each route file under src/api/store/instalment-plans is one line that picks a handler here.
 *
 *   GET  /store/instalment-plans/:id                         → { instalment_plan }
 *   POST /store/instalment-plans/:id/<action> { … }          → { instalment_plan, message }
 *        (pay-early with `authenticate: true`, when the bank asks for 3-D Secure: also
 *        `requires_action: { type, client_secret, intent }`; nothing is paid yet: the storefront runs
 *        Stripe.js's handleNextAction, then sends the same request again, same Idempotency-Key)
 *   GET  /store/customers/me/instalment-plans                → { instalment_plans, count, limit, offset }
 *
 * The self-service link's token goes in the `x-instalments-token` header (also accepted: `token` in
 * a POST's body, and, for GET, in the query, which the request log never shows: request-log.ts).
 * Without it the logged-in customer must own the plan (Medusa authenticates a customer's bearer
 * token or session cookie on every /store route, letting anonymous requests through: no middleware
 * of ours is needed). An action that revokes the plan's links
 * (a card change) answers the caller's new token in the `x-instalments-token` response header.
 * `locale` (query, body or Medusa's x-medusa-locale) overrides the plan's language.
 */
import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import type { Locale } from "../domain/codes"
import { resolveLocale } from "../domain/texts"
import { withPluginErrors } from "../http/errors"
import { parseOr400, wholeNumberQuery } from "../http/validation"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type { PlanRow } from "../modules/instalments/mapping"
import type InstalmentsModuleService from "../modules/instalments/service"
import { authorisePlanAccess, TOKEN_HEADER, type PlanAccess } from "./access"
import { ACTION_BODIES, idempotencyKeyHeader, runShopperAction, scopedKey, type ShopperAction } from "./actions"
import { shopperPlanView } from "./shopper-view"

type Request = MedusaRequest & { locale?: string; auth_context?: AuthenticatedMedusaRequest["auth_context"] }

function serviceOf(req: MedusaRequest): InstalmentsModuleService {
  return req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
}

/** The language asked for, else the plan's (the one the shopper checked out in). */
export function pickLocale(asked: unknown[], planLocale: string | null | undefined): Locale {
  const first = asked.find((value) => typeof value === "string" && value.trim() !== "")
  return resolveLocale((first as string | undefined) ?? planLocale)
}

/** The link's token from the header, else from `fallback` (the body of a POST, the query of a GET). */
export function tokenOf(req: MedusaRequest, fallback: unknown): unknown {
  const header = req.headers[TOKEN_HEADER]
  return typeof header === "string" && header !== "" ? header : fallback
}

export async function getShopperPlan(req: Request, res: MedusaResponse) {
  const service = serviceOf(req)
  const access = await authorisePlanAccess(service, req.params.id, { token: tokenOf(req, req.query.token), authContext: req.auth_context })
  const locale = pickLocale([req.query.locale, req.locale], access.row.locale)
  res.json({ instalment_plan: shopperPlanView(access.row, { locale, ctx: service.revisionContext(), managedHere: service.managesPlan(access.row) }) })
}

export function shopperActionRoute(action: ShopperAction) {
  return withPluginErrors(async function POST(req: Request, res: MedusaResponse) {
    const service = serviceOf(req)
    const body = (req.body ?? {}) as Record<string, unknown>
    const access = await authorisePlanAccess(service, req.params.id, { token: tokenOf(req, body.token), authContext: req.auth_context })
    const locale = pickLocale([req.query.locale, body.locale, req.locale], access.row.locale)
    const input = parseOr400(ACTION_BODIES[action], body, "body")
    const idempotencyKey = scopedKey(req.params.id, action, idempotencyKeyHeader(req.headers["idempotency-key"]))
    const result = await runShopperAction(service, access.row, action, input, { actor: access.actor, locale, idempotencyKey, container: req.scope })
    renewRevokedToken(service, access, result.plan, res)
    const confirmation = result.bankConfirmation
    res.json({
      instalment_plan: shopperPlanView(result.plan, { locale, ctx: service.revisionContext(), managedHere: true }),
      message: result.message,
      ...(confirmation ? { requires_action: { type: confirmation.type, client_secret: confirmation.clientSecret, intent: confirmation.intent } } : {}),
    })
  })
}

/**
 * The action revoked the plan's links (a card change): every other holder of a link lost access,
 * the caller keeps it with a new token (the e-mail about the change carries one too).
 */
function renewRevokedToken(service: InstalmentsModuleService, access: PlanAccess, plan: PlanRow, res: MedusaResponse) {
  if (access.linkVersion === undefined || plan.link_version === access.linkVersion) return
  res.set(TOKEN_HEADER, service.signLinkToken(plan))
  res.set("Access-Control-Expose-Headers", TOKEN_HEADER)
}

const ListQuery = z.object({
  limit: wholeNumberQuery({ min: 1, max: 100, default: 20 }),
  offset: wholeNumberQuery({ min: 0, default: 0 }),
})

/** The logged-in customer's plans, newest first: those they placed logged in (a guest's plan is nobody's). */
export async function listCustomerPlans(req: Request, res: MedusaResponse) {
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : undefined
  if (!customerId) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Log in as a customer to see your instalment plans.")
  const { limit, offset } = parseOr400(ListQuery, { limit: req.query.limit, offset: req.query.offset }, "query")
  const service = serviceOf(req)
  const [rows, count] = await service.listAndCountInstalmentPlans(
    { owner_customer_id: customerId },
    { relations: ["instalments"], order: { created_at: "DESC" }, take: limit, skip: offset },
  )
  const ctx = service.revisionContext()
  const asked = [req.query.locale, req.locale]
  res.json({
    instalment_plans: rows.map((row) => shopperPlanView(row, { locale: pickLocale(asked, row.locale), ctx, managedHere: service.managesPlan(row) })),
    count,
    limit,
    offset,
  })
}
