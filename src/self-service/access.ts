/**
 * Who may read or act on a plan without being an admin (docs/business-rules.md §5, project
 * security rules):
 *  - whoever holds the plan's signed link (`token`, from the e-mails): actor `shopper`;
 *  - the customer who was logged in when they placed the order (plan.owner_customer_id): actor `customer:<id>`.
 * Anyone else is refused: 401 without credentials or with an expired or revoked link, 403 with a
 * link that is not this plan's (forged, altered, another plan's). Another customer's plan answers
 * 404 exactly as a plan that does not exist, so a customer's session cannot tell which plan ids exist.
 *
 * The owner is never the cart's customer (`plan.customer_id`): Medusa gives a guest's cart the
 * registered customer whose e-mail the guest typed.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type InstalmentsModuleService from "../modules/instalments/service"
import type { PlanRow } from "../modules/instalments/mapping"
import { checkLinkVersion, type LinkFailure } from "../modules/instalments/shopper-links/signing"

export interface PlanAccess {
  readonly row: PlanRow
  /** Recorded in the plan's history. */
  readonly actor: string
  /** The link version of the token that opened the plan (absent for a customer's session). */
  readonly linkVersion?: number
}

/** The header a storefront passes the link's token in (never in a URL: URLs end up in logs). */
export const TOKEN_HEADER = "x-instalments-token"

export type TokenOpening = { readonly ok: true; readonly row: PlanRow; readonly linkVersion: number } | { readonly ok: false; readonly reason: LinkFailure | "not_found" }

/**
 * Opens a plan with a link's token: the signature and expiry first (no database read for a bad
 * token, so no plan enumeration), then the plan, whose link version the token must carry.
 */
export async function openPlanWithToken(service: InstalmentsModuleService, planId: string, token: unknown): Promise<TokenOpening> {
  const check = service.checkSelfServiceToken(planId, token)
  if (!check.ok) return check
  const row = await service.loadPlan(planId)
  if (!row) return { ok: false, reason: "not_found" }
  const current = checkLinkVersion(check, row)
  return current.ok ? { ok: true, row, linkVersion: current.linkVersion } : current
}

/** What a request carries: Medusa's auth context (store routes) and the link's token. */
export interface Credentials {
  readonly token?: unknown
  readonly authContext?: { actor_type?: string; actor_id?: string } | null
}

export function tokenError(reason: LinkFailure): MedusaError {
  if (reason === "revoked") {
    return new MedusaError(
      MedusaError.Types.UNAUTHORIZED,
      "link_revoked: this self-service link was replaced by a newer one (a new link was sent, or the card was changed). Use the link of the most recent e-mail, or ask the store to send a new one.",
    )
  }
  if (reason === "expired") {
    return new MedusaError(
      MedusaError.Types.UNAUTHORIZED,
      "link_expired: this self-service link has expired. Use the link of the most recent e-mail, or ask the store to send a new one.",
    )
  }
  return new MedusaError(MedusaError.Types.FORBIDDEN, "link_invalid: this token does not open this plan. Use the link exactly as the e-mail gives it.")
}

export async function authorisePlanAccess(service: InstalmentsModuleService, planId: string, credentials: Credentials): Promise<PlanAccess> {
  const token = typeof credentials.token === "string" && credentials.token !== "" ? credentials.token : undefined
  if (token !== undefined) {
    const opened = await openPlanWithToken(service, planId, token)
    if (opened.ok) return { row: opened.row, actor: "shopper", linkVersion: opened.linkVersion }
    if (opened.reason === "not_found") throw notFound(planId)
    throw tokenError(opened.reason)
  }
  const auth = credentials.authContext
  if (auth?.actor_type === "customer" && auth.actor_id) {
    const row = await service.loadPlan(planId)
    if (!row || row.owner_customer_id !== auth.actor_id) throw notFound(planId)
    return { row, actor: `customer:${auth.actor_id}` }
  }
  throw new MedusaError(
    MedusaError.Types.UNAUTHORIZED,
    `Pass the token of the plan's self-service link in the ${TOKEN_HEADER} header (or \`token\` in the body), or log in as the customer who placed the order.`,
  )
}

async function loadOr404(service: InstalmentsModuleService, planId: string): Promise<PlanRow> {
  const row = await service.loadPlan(planId)
  if (!row) throw notFound(planId)
  return row
}

function notFound(planId: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Instalment plan ${planId} was not found`)
}
