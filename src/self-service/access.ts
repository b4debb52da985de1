/**
 * Who may read or act on a plan without being an admin (business rules §5, project security rules):
 *  - whoever holds the plan's signed link (`token`, from the e-mails): actor `shopper`;
 *  - the customer who was logged in when they placed the order (plan.owner_customer_id): actor `customer:<id>`.
 * Anyone else is refused: 401 without credentials or with an expired link, 403 with a link that is
 * not this plan's (forged, altered, another plan's). Another customer's plan answers 404 exactly as
 * a plan that does not exist, so a customer's session cannot tell which plan ids exist.
 *
 * The owner is never the cart's customer (`plan.customer_id`): Medusa gives a guest's cart the
 * registered customer whose e-mail the guest typed.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type InstalmentsModuleService from "../modules/instalments/service"
import type { PlanRow } from "../modules/instalments/mapping"

export interface PlanAccess {
  readonly row: PlanRow
  /** Recorded in the plan's history. */
  readonly actor: string
}

/** What a request carries: Medusa's auth context (store routes) and the link's token. */
export interface Credentials {
  readonly token?: unknown
  readonly authContext?: { actor_type?: string; actor_id?: string } | null
}

export function tokenError(reason: "malformed" | "bad_signature" | "expired"): MedusaError {
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
    const check = service.checkSelfServiceToken(planId, token)
    if (!check.ok) throw tokenError(check.reason)
    return { row: await loadOr404(service, planId), actor: "shopper" }
  }
  const auth = credentials.authContext
  if (auth?.actor_type === "customer" && auth.actor_id) {
    const row = await service.loadPlan(planId)
    if (!row || row.owner_customer_id !== auth.actor_id) throw planNotFound(planId)
    return { row, actor: `customer:${auth.actor_id}` }
  }
  throw new MedusaError(
    MedusaError.Types.UNAUTHORIZED,
    "Pass the token of the plan's self-service link (`token` in the query or the body), or log in as the customer who placed the order.",
  )
}

/**
 * Whether this plugin collects the plan (its own card processor). A lender (Alma) collects the
 * plans it funds: the shopper acts on the lender's page, and the lender writes to them.
 */
export function managedHere(service: InstalmentsModuleService, row: Pick<PlanRow, "processor">): boolean {
  return row.processor === service.processor.name
}

async function loadOr404(service: InstalmentsModuleService, planId: string): Promise<PlanRow> {
  const row = await service.loadPlan(planId)
  if (!row) throw planNotFound(planId)
  return row
}

function planNotFound(planId: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Instalment plan ${planId} was not found`)
}
