/**
 * The page's "Ask for help" form, posted (page-routes.ts): the checks, then either the page's own
 * action offered first (a category the page solves, while it can), or the request opened through
 * the module (src/modules/instalments/support), as the Store route does. What the page then shows:
 *
 *   bad input (no category, an unknown one, an empty or too long message)  400, the form kept, nothing written
 *   a category the page solves (postpone, change card, pay) the first time 200, its action offered, nothing written
 *   otherwise                                                             200, the request opened, the reply clock said
 *
 * The form's key is the number of requests the page showed: the same form sent twice (reload,
 * double click) opens one request; a different text sent with the same number (two tabs) is
 * refused with "look again", nothing written.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { Locale } from "../domain/codes"
import type { RevisionContext } from "../domain/outcome"
import { checkSupportCategory, checkSupportMessage, MAX_SUPPORT_MESSAGE_LENGTH, supportRoute, type PageRemedy } from "../domain/support-request"
import { t } from "../domain/texts"
import { planToSnapshot, type PlanRow } from "../modules/instalments/mapping"
import type InstalmentsModuleService from "../modules/instalments/service"
import { openSupportRequest } from "../modules/instalments/support"
import { availableActions } from "./shopper-view"
import type { SupportFormState } from "./support-section"

export interface SupportFormAnswer {
  readonly status: number
  readonly form: SupportFormState
}

/** True when the page offers the remedy's action on this plan now (a lender's plan: never). */
function pageOffers(remedy: PageRemedy, row: PlanRow, ctx: RevisionContext, managedHere: boolean): boolean {
  const actions = availableActions(planToSnapshot(row), ctx, managedHere)
  if (remedy === "postpone") return actions.postpone !== null
  if (remedy === "change_card") return actions.changeCard
  return actions.payNext !== null
}

export async function submitSupportForm(service: InstalmentsModuleService, row: PlanRow, body: Record<string, unknown>, locale: Locale): Promise<SupportFormAnswer> {
  const typed = typeof body.message === "string" ? body.message : ""
  const kept = { category: typeof body.category === "string" ? body.category : undefined, message: typed }
  const error = (text: string): SupportFormAnswer => ({ status: 400, form: { ...kept, notice: { kind: "error", text } } })

  const category = checkSupportCategory(body.category)
  if (!category.ok) return error(t(locale, "self.support.error.category"))
  const message = checkSupportMessage(typed)
  if (!message.ok) {
    return error(message.error.code === "support_message_too_long" ? t(locale, "self.support.error.messageTooLong", { max: MAX_SUPPORT_MESSAGE_LENGTH }) : t(locale, "self.support.error.messageRequired"))
  }

  const route = supportRoute(category.value)
  if (route.kind === "page" && body.send_anyway !== "1" && pageOffers(route.remedy, row, service.revisionContext(), service.managesPlan(row))) {
    return { status: 200, form: { ...kept, remedy: route.remedy } }
  }

  const seen = typeof body.requests_seen === "string" && /^\d{1,6}$/.test(body.requests_seen) ? body.requests_seen : undefined
  try {
    await openSupportRequest(service.operations, row.id, { category: category.value, message: message.value }, {
      actor: "shopper",
      idempotencyKey: seen === undefined ? undefined : `self:${row.id}:support-request:page-${seen}`,
    })
  } catch (failure) {
    if (failure instanceof MedusaError && failure.code === "idempotency_key_reused") {
      return { status: 409, form: { ...kept, notice: { kind: "error", text: t(locale, "self.support.error.changed") } } }
    }
    throw failure
  }
  const sent = category.value === "formal_complaint" ? "self.support.sentComplaint" : route.kind === "merchant" ? "self.support.sentToMerchant" : "self.support.sent"
  return { status: 200, form: { notice: { kind: "success", text: t(locale, sent) } } }
}
