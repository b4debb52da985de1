/**
 * The page's routes:
 *   GET  /instalments/plans/:id?token=…[&locale=de]   the plan, with one form per allowed action
 *   POST /instalments/plans/:id[?locale=de]           a form: token, action, idempotency_key, fields
 *
 * The page opens with the link's token only, never with a cookie: a form on another site cannot
 * act for a logged-in shopper (no CSRF), since it cannot know the token.
 */
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { Locale } from "../domain/codes"
import { resolveLocale, t } from "../domain/texts"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type { PlanRow } from "../modules/instalments/mapping"
import type InstalmentsModuleService from "../modules/instalments/service"
import { managedHere } from "./access"
import { ACTION_BODIES, runShopperAction, scopedKey, SHOPPER_ACTIONS, type ShopperAction } from "./actions"
import { PAGE_HEADERS, renderErrorPage, renderPlanPage, type Notice } from "./page"
import { splitRefusal } from "./refusals"
import { pickLocale } from "./store-routes"

function serviceOf(req: MedusaRequest): InstalmentsModuleService {
  return req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
}

function send(res: MedusaResponse, status: number, html: string) {
  res.status(status).set(PAGE_HEADERS).send(html)
}

/** Before the plan is known: the language asked for, else the browser's. */
function requestLocale(req: MedusaRequest): Locale {
  return pickLocale([req.query.locale], req.headers["accept-language"])
}

/** Checks the token and loads the plan; on failure the error page is sent and null returned. */
async function openPlan(req: MedusaRequest, res: MedusaResponse, token: unknown): Promise<PlanRow | null> {
  const service = serviceOf(req)
  const locale = requestLocale(req)
  const check = service.checkSelfServiceToken(req.params.id, token)
  if (!check.ok) {
    if (check.reason === "expired") send(res, 401, renderErrorPage(locale, t(locale, "self.linkExpired"), t(locale, "self.linkExpiredHelp")))
    else send(res, typeof token === "string" && token !== "" ? 403 : 401, renderErrorPage(locale, t(locale, "self.linkInvalid")))
    return null
  }
  const row = await service.loadPlan(req.params.id)
  if (!row) send(res, 404, renderErrorPage(locale, t(locale, "self.error.notFound")))
  return row
}

function page(req: MedusaRequest, row: PlanRow, token: string, notice?: Notice): string {
  const service = serviceOf(req)
  const locale = pickLocale([req.query.locale], row.locale)
  return renderPlanPage({
    row,
    locale,
    ctx: service.revisionContext(),
    token,
    notice,
    testMode: service.processor.capabilities.testMode,
    managedHere: managedHere(service, row),
  })
}

export async function getPlanPage(req: MedusaRequest, res: MedusaResponse) {
  const token = req.query.token
  const row = await openPlan(req, res, token)
  if (row) send(res, 200, page(req, row, token as string))
}

export async function postPlanPage(req: MedusaRequest, res: MedusaResponse) {
  const body = (req.body ?? {}) as Record<string, unknown>
  const row = await openPlan(req, res, body.token)
  if (!row) return
  const token = body.token as string
  const service = serviceOf(req)
  const locale = pickLocale([req.query.locale], row.locale)
  const action = body.action as ShopperAction
  const input = SHOPPER_ACTIONS.includes(action) ? ACTION_BODIES[action].safeParse(body) : undefined
  if (!input?.success) return send(res, 400, page(req, row, token, { kind: "error", text: t(locale, "self.error.generic") }))
  const key = typeof body.idempotency_key === "string" && body.idempotency_key.length <= 100 ? body.idempotency_key : undefined
  try {
    const result = await runShopperAction(service, row, action, input.data, {
      actor: "shopper",
      locale,
      idempotencyKey: scopedKey(row.id, action, key && `page:${key}`),
      container: req.scope,
    })
    send(res, 200, page(req, result.plan, token, { kind: "success", text: result.message }))
  } catch (error) {
    if (!(error instanceof MedusaError)) req.scope.resolve("logger").error(`medusa-instalments: self-service ${action} on ${row.id} failed: ${(error as Error).message}`)
    const notice = { kind: "error" as const, text: shopperErrorText(error, locale, action) }
    const fresh = (await service.loadPlan(row.id)) ?? row
    send(res, error instanceof MedusaError ? 400 : 500, page(req, fresh, token, notice))
  }
}

/** The refusal's own message (already in the shopper's language), or a plain one for input errors. */
function shopperErrorText(error: unknown, locale: Locale, action: ShopperAction): string {
  if (error instanceof MedusaError && error.type === MedusaError.Types.NOT_ALLOWED) {
    return splitRefusal(error.message).message
  }
  if (error instanceof MedusaError && error.type === MedusaError.Types.INVALID_DATA && action === "change-card") {
    return t(resolveLocale(locale), "refusal.card_not_eligible")
  }
  return t(locale, "self.error.generic")
}
