/**
 * The page's routes:
 *   GET  /instalments/plans/:id?token=…[&locale=de]   the e-mail's link: the token is exchanged for a
 *                                                     session cookie, 303 to the page without it
 *   GET  /instalments/plans/:id[?locale=de]           the plan (cookie), one form per allowed action
 *   POST /instalments/plans/:id[?locale=de]           a form: token, action, version, fields; or the
 *                                                     "Ask for help" form (action support-request, page-support.ts)
 *
 * The token leaves the address bar (and the history, and the request log: request-log.ts) at once:
 * the cookie is HttpOnly, SameSite=Strict, scoped to this plan's page, Secure over https, and ends
 * with the browser session. It only renders the page: every action is a form that posts the token
 * in its body, which a form on another site cannot know (no CSRF).
 */
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { Locale } from "../domain/codes"
import { resolveLocale, t } from "../domain/texts"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type { PlanRow } from "../modules/instalments/mapping"
import type InstalmentsModuleService from "../modules/instalments/service"
import { openPlanWithToken } from "./access"
import { ACTION_BODIES, runShopperAction, SHOPPER_ACTIONS, type ShopperAction } from "./actions"
import { planPagePath } from "../modules/instalments/shopper-links/signing"
import { HTML_CONTENT_TYPE, pageContentSecurityPolicy, pageSecurityHeaders, renderErrorPage, renderPlanPage, showsBankPayment, type Notice, type PageInput } from "./page"
import { newScriptNonce, type BankPayment } from "./bank-payment"
import { submitSupportForm } from "./page-support"
import { SUPPORT_FORM_ACTION, type SupportFormState } from "./support-section"
import { listPlanSupportRequests } from "../modules/instalments/support"
import { pluginStatusOf } from "../http/errors"
import { splitRefusal } from "./refusals"
import { pickLocale } from "./store-routes"

/** The cookie that holds the link's token for the rest of the browser session. */
export const LINK_COOKIE = "instalments_link"

function serviceOf(req: MedusaRequest): InstalmentsModuleService {
  return req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
}

function send(res: MedusaResponse, status: number, html: string) {
  res.status(status).set("Content-Type", HTML_CONTENT_TYPE).send(html)
}

/** The page is served over https (directly, or behind a proxy that says so), or its links say it is. */
function overHttps(req: MedusaRequest): boolean {
  return req.secure || serviceOf(req).selfService.baseUrl.startsWith("https://")
}

/**
 * Every answer of the page carries its security headers, a failure included: they are set before
 * anything can fail, and an unexpected error (the database) gets the error page, not Medusa's JSON.
 */
function pageRoute(handle: (req: MedusaRequest, res: MedusaResponse) => Promise<void>) {
  return async function pageHandler(req: MedusaRequest, res: MedusaResponse) {
    res.set(pageSecurityHeaders(overHttps(req)))
    try {
      await handle(req, res)
    } catch (error) {
      req.scope.resolve("logger").error(`medusa-instalments: the self-service page of plan ${req.params.id} failed: ${(error as Error).message}`)
      if (res.headersSent) return
      const locale = requestLocale(req)
      send(res, 500, renderErrorPage(locale, t(locale, "self.error.generic")))
    }
  }
}

/** Before the plan is known: the language asked for, else the browser's. */
function requestLocale(req: MedusaRequest): Locale {
  return pickLocale([req.query.locale], req.headers["accept-language"])
}

/** `?locale=xx` when the request asked for a language (always one of ours), else nothing. */
function localeQuery(req: MedusaRequest): string {
  const asked = req.query.locale
  return typeof asked === "string" && asked.trim() !== "" ? `?locale=${resolveLocale(asked)}` : ""
}

function cookieOptions(req: MedusaRequest, planId: string) {
  return { httpOnly: true, sameSite: "strict" as const, secure: overHttps(req), path: planPagePath(planId) }
}

/**
 * Checks the token (signature, expiry, the plan's link version) and loads the plan; on failure the
 * error page is sent (a cookie that no longer opens the plan is removed) and null returned.
 */
async function openPlan(req: MedusaRequest, res: MedusaResponse, token: unknown, from: "link" | "cookie" | "form"): Promise<{ row: PlanRow; linkVersion: number } | null> {
  const opened = await openPlanWithToken(serviceOf(req), req.params.id, token)
  if (opened.ok) return opened
  if (from === "cookie" && token !== undefined) res.clearCookie(LINK_COOKIE, cookieOptions(req, req.params.id))
  const locale = requestLocale(req)
  if (opened.reason === "expired") send(res, 401, renderErrorPage(locale, t(locale, "self.linkExpired"), t(locale, "self.linkExpiredHelp")))
  else if (opened.reason === "revoked") send(res, 401, renderErrorPage(locale, t(locale, "self.linkReplaced"), t(locale, "self.linkReplacedHelp")))
  else if (opened.reason === "not_found") send(res, 404, renderErrorPage(locale, t(locale, "self.error.notFound")))
  else send(res, typeof token === "string" && token !== "" ? 403 : 401, renderErrorPage(locale, t(locale, "self.linkInvalid")))
  return null
}

/**
 * The plan's page. On a plan Stripe collects, with the store's publishable key, the pay-next form
 * runs the bank's challenge: this answer's Content-Security-Policy then allows that script (its
 * nonce) and Stripe.js, and only then.
 */
async function page(req: MedusaRequest, res: MedusaResponse, row: PlanRow, token: string, notice?: Notice, support?: SupportFormState): Promise<string> {
  const service = serviceOf(req)
  const input: PageInput = {
    requests: await listPlanSupportRequests(service.operations, row.id),
    support,
    row,
    locale: pickLocale([req.query.locale], row.locale),
    ctx: service.revisionContext(),
    token,
    notice,
    testMode: service.processor.capabilities.testMode,
    managedHere: service.managesPlan(row),
    bankPayment: bankPaymentFor(service, row),
  }
  if (input.bankPayment && showsBankPayment(input)) res.set("Content-Security-Policy", pageContentSecurityPolicy(input.bankPayment.nonce))
  return renderPlanPage(input)
}

function bankPaymentFor(service: InstalmentsModuleService, row: PlanRow): BankPayment | undefined {
  const publishableKey = service.selfService.stripePublishableKey
  if (publishableKey === null || row.processor !== "stripe" || !service.managesPlan(row)) return undefined
  return { publishableKey, nonce: newScriptNonce() }
}

export const getPlanPage = pageRoute(async (req, res) => {
  if (req.query.token !== undefined) return exchangeLinkForCookie(req, res, req.query.token)
  const token = (req.cookies as Record<string, unknown> | undefined)?.[LINK_COOKIE]
  const opened = await openPlan(req, res, token, "cookie")
  if (opened) send(res, 200, await page(req, res, opened.row, token as string))
})

/** The e-mail's link: a good token becomes the session cookie, and the browser goes to the page without it. */
async function exchangeLinkForCookie(req: MedusaRequest, res: MedusaResponse, token: unknown) {
  const opened = await openPlan(req, res, token, "link")
  if (!opened) return
  res.cookie(LINK_COOKIE, token as string, cookieOptions(req, opened.row.id))
  res.status(303).location(`${planPagePath(opened.row.id)}${localeQuery(req)}`).end()
}

export const postPlanPage = pageRoute(async (req, res) => {
  const body = (req.body ?? {}) as Record<string, unknown>
  const opened = await openPlan(req, res, body.token, "form")
  if (!opened) return
  const { row } = opened
  const token = body.token as string
  const service = serviceOf(req)
  const locale = pickLocale([req.query.locale], row.locale)
  if (body.action === SUPPORT_FORM_ACTION) {
    const answer = await submitSupportForm(service, row, body, locale)
    return send(res, answer.status, await page(req, res, row, token, undefined, answer.form))
  }
  const action = body.action as ShopperAction
  const input = SHOPPER_ACTIONS.includes(action) ? ACTION_BODIES[action].safeParse(body) : undefined
  if (!input?.success) return send(res, 400, await page(req, res, row, token, { kind: "error", text: t(locale, "self.error.generic") }))
  // The form's plan version names the action (see page.ts); a form without it acts on the plan as it is now.
  const seenVersion = typeof body.version === "string" && /^\d{1,9}$/.test(body.version) ? Number(body.version) : undefined
  try {
    const result = await runShopperAction(service, row, action, input.data, { actor: "shopper", locale, seenVersion, container: req.scope })
    send(res, 200, await page(req, res, result.plan, renewedToken(req, res, result.plan, opened.linkVersion) ?? token, { kind: "success", text: result.message }))
  } catch (error) {
    if (!(error instanceof MedusaError)) req.scope.resolve("logger").error(`medusa-instalments: self-service ${action} on ${row.id} failed: ${(error as Error).message}`)
    const notice = { kind: "error" as const, text: shopperErrorText(error, locale, action) }
    const fresh = (await service.loadPlan(row.id)) ?? row
    send(res, pluginStatusOf(error) ?? (error instanceof MedusaError ? 400 : 500), await page(req, res, fresh, token, notice))
  }
})

/**
 * The action revoked the plan's links (a card change): every other link stopped working, the
 * shopper on this page keeps going with a new token, in the page's forms and in the cookie.
 */
function renewedToken(req: MedusaRequest, res: MedusaResponse, plan: PlanRow, usedVersion: number): string | undefined {
  if (plan.link_version === usedVersion) return undefined
  const token = serviceOf(req).signLinkToken(plan)
  res.cookie(LINK_COOKIE, token, cookieOptions(req, plan.id))
  return token
}

/** The refusal's own message (already in the shopper's language), or a plain one for input errors. */
function shopperErrorText(error: unknown, locale: Locale, action: ShopperAction): string {
  if (error instanceof MedusaError && (error.type === MedusaError.Types.NOT_ALLOWED || pluginStatusOf(error) !== undefined)) {
    return splitRefusal(error.message).message
  }
  if (error instanceof MedusaError && error.type === MedusaError.Types.INVALID_DATA && action === "change-card") {
    return t(resolveLocale(locale), "refusal.card_not_eligible")
  }
  return t(locale, "self.error.generic")
}
