/**
 * The shopper's self-service calls (README "Shopper self-service and e-mails"): the plan, pay
 * early, postpone, change card, withdraw, pay an exchange's difference. Each takes the link's
 * token (the `?token=` of the e-mailed link), or none for the logged-in customer's own plan. A
 * refusal throws an InstalmentsApiError whose `code` is the plugin's (postponement_limit_reached…)
 * and whose `message` is the text for the shopper.
 */
import { InstalmentsApiError } from "./errors.js"
import type { HttpAnswer, Transport } from "./transport.js"
import type { CustomerPlans, ShopperActionResult, ShopperPlan } from "./types.js"

export const TOKEN_HEADER = "x-instalments-token"

export interface PlanAccess {
  /** The self-service link's token; leave it out for a logged-in customer's own plan. */
  token?: string
  locale?: string
  /** Makes a retry of the same action a no-op. */
  idempotencyKey?: string
}

function headersOf(access: PlanAccess): Record<string, string> {
  return {
    ...(access.token ? { [TOKEN_HEADER]: access.token } : {}),
    ...(access.idempotencyKey ? { "idempotency-key": access.idempotencyKey } : {}),
  }
}

function actionResult(answer: HttpAnswer): ShopperActionResult {
  if (answer.status >= 400) throw new InstalmentsApiError(answer.status, answer.body)
  const result = answer.body as ShopperActionResult
  const token = answer.headers.get(TOKEN_HEADER)
  return token ? { ...result, token } : result
}

export function selfServiceCalls(send: Transport) {
  const path = (planId: string, action?: string) => `/store/instalment-plans/${encodeURIComponent(planId)}${action ? `/${action}` : ""}`

  function act(planId: string, action: string, body: Record<string, unknown>, access: PlanAccess) {
    return send(path(planId, action), { method: "POST", body, headers: headersOf(access), query: { locale: access.locale } }).then(actionResult)
  }

  return {
    /** The plan as its shopper sees it: schedule, labels, and the actions possible now. */
    async plan(planId: string, access: PlanAccess = {}): Promise<ShopperPlan> {
      const answer = await send(path(planId), { method: "GET", headers: headersOf(access), query: { locale: access.locale } })
      if (answer.status >= 400) throw new InstalmentsApiError(answer.status, answer.body)
      return (answer.body as { instalment_plan: ShopperPlan }).instalment_plan
    },
    /**
     * Pays the next instalment, or everything that remains, now (irreversible). `authenticate`: with
     * the bank's 3-D Secure if it asks (an instalment declined authentication_required): the answer
     * may carry `requires_action`; then send the same call again, same `access.idempotencyKey`.
     */
    payEarly: (planId: string, scope: "next" | "all", access: PlanAccess = {}, options: { authenticate?: boolean } = {}) =>
      act(planId, "pay-early", { scope, ...(options.authenticate ? { authenticate: true } : {}) }, access),
    /** Moves one due date 1 to `actions.postpone.max_days` days later. */
    postpone: (planId: string, input: { instalmentNumber: number; days: number }, access: PlanAccess = {}) =>
      act(planId, "postpone", { instalment_number: input.instalmentNumber, days: input.days }, access),
    /** Future instalments go to this card; the answer's `token` replaces the caller's (older links stop working). */
    changeCard: (planId: string, cardToken: string, access: PlanAccess = {}) => act(planId, "change-card", { card_token: cardToken }, access),
    /** Within the withdrawal period: what remains is charged now, fees paid are refunded. */
    withdraw: (planId: string, access: PlanAccess = {}) => act(planId, "withdraw", {}, access),
    /** Pays what a dearer exchange added (the plan's card without `cardToken`). */
    payExchange: (planId: string, cardToken: string | undefined, access: PlanAccess = {}) =>
      act(planId, "pay-exchange", cardToken ? { card_token: cardToken } : {}, access),
    /** The logged-in customer's plans (needs the sdk's customer auth). */
    async customerPlans(page: { limit?: number; offset?: number; locale?: string } = {}): Promise<CustomerPlans> {
      const answer = await send("/store/customers/me/instalment-plans", { method: "GET", query: page })
      if (answer.status >= 400) throw new InstalmentsApiError(answer.status, answer.body)
      return answer.body as CustomerPlans
    },
  }
}
