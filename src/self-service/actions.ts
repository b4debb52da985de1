/**
 * The shopper's five actions (docs/business-rules.md §5), shared by the JSON routes and the page:
 *   pay-early  { scope: "next" | "all", authenticate? } the next instalment, or everything, charged now;
 *                                                 `authenticate: true`: on-session, with the bank's
 *                                                 3-D Secure if it asks (an authentication_required
 *                                                 instalment): the answer may be `shopperAction`
 *   postpone   { instalment_number, days }          one due date moved 1–15 days (per-plan limit)
 *   change-card { card_token }                       same card rules as checkout, verified first
 *   withdraw   {}                                    within 14 days of the order: the rest charged now
 *   pay-exchange { card_token? }                    a dearer exchange's difference, charged at once
 * Each goes through the module (`revise`, or `changeCard`): decided and recorded under the plan's
 * lock, money moved outside any transaction, each answer recorded by its key (see
 * src/modules/instalments/operations/run.ts). A refusal carries its reason in the error's `code`,
 * its message in the shopper's language.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import type { Locale } from "../domain/codes"
import type { ChargeMovement, RevisionOutcome } from "../domain/outcome"
import { amountDue, nextDue, unpaidInstalments } from "../domain/plan"
import type { ShopperAction as BankConfirmation } from "../processors"
import { payEarly, postpone, withdraw } from "../domain/revisions"
import { formatDate, formatMoney, refusalMessage, t } from "../domain/texts"
import { planToSnapshot, type PlanRow } from "../modules/instalments/mapping"
import type InstalmentsModuleService from "../modules/instalments/service"
import { markExchangesPaidInMedusa } from "../workflows/mark-exchange-paid"
import { forShopper } from "./refusals"

export const SHOPPER_ACTIONS = ["pay-early", "postpone", "change-card", "withdraw", "pay-exchange"] as const
export type ShopperAction = (typeof SHOPPER_ACTIONS)[number]

/** Numbers arrive as JSON numbers from a storefront and as strings from the page's forms. */
const wholeNumber = (what: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
    z.number({ error: `must be a whole number (${what})` }).int({ error: `must be a whole number (${what})` }),
  )

export const ACTION_BODIES = {
  "pay-early": z.object({
    scope: z.enum(["next", "all"], { error: 'must be "next" (the next instalment) or "all" (everything that remains)' }),
    // The page's forms send "true".
    authenticate: z
      .preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean({ error: "must be true or false: true pays with the bank's confirmation (3-D Secure) when it asks for one" }))
      .optional(),
  }),
  postpone: z.object({
    instalment_number: wholeNumber("the number of the instalment to postpone, e.g. 2").pipe(z.number().min(1, "must be 1 or more")),
    days: wholeNumber("how many days later, 1 to 15"),
  }),
  "change-card": z.object({
    card_token: z
      .string({ error: "is required: the token the card form returned (sandbox: tok_visa, tok_mastercard...)" })
      .trim()
      .min(1, "is empty: pass the token the card form returned (sandbox: tok_visa, tok_mastercard...)")
      .max(255, "is too long: a card token has at most 255 characters"),
  }),
  withdraw: z.object({}),
  "pay-exchange": z.object({
    card_token: z.string().trim().min(1, "is empty: pass the token the card form returned, or leave it out to use the plan's card").max(255).optional(),
  }),
} as const

export type ActionBody<A extends ShopperAction> = z.infer<(typeof ACTION_BODIES)[A]>

export interface ActionResult {
  readonly plan: PlanRow
  /** What happened, for the shopper ("Thank you. Your payment of 84,96 € has been received…"). */
  readonly message: string
  /** The payment waits for the shopper's bank (3-D Secure): hand this to Stripe.js, then send the same request again. */
  readonly bankConfirmation?: BankConfirmation
}

export interface ActionOptions {
  readonly actor: string
  readonly locale: Locale
  /**
   * The caller's key, scoped to the plan and the action (see `scopedKey`). Without one, the key is
   * derived from the plan version the request was made on, so a resubmitted request acts once and
   * a request that crossed another change is refused (`plan_changed`).
   */
  readonly idempotencyKey?: string
  /** The plan version the request was made on (the page's form), when it is not the plan as read now. */
  readonly seenVersion?: number
  /** Medusa's container: a paid exchange difference is also marked paid on the Medusa order (its own collection only). */
  readonly container?: MedusaContainer
}

/** A caller's key scoped to the plan and the action, so it can never match another plan's operation. */
export function scopedKey(planId: string, action: ShopperAction, key: string | undefined): string | undefined {
  return key === undefined ? undefined : `self:${planId}:${action}:${key}`
}

/** Reads an optional Idempotency-Key header (1 to 200 characters). */
export function idempotencyKeyHeader(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined
  const key = (Array.isArray(value) ? value[0] : value)?.trim()
  if (!key || key.length > 200) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The Idempotency-Key header must be 1 to 200 characters.")
  }
  return key
}

export async function runShopperAction<A extends ShopperAction>(
  service: InstalmentsModuleService,
  row: PlanRow,
  action: A,
  body: ActionBody<A>,
  options: ActionOptions,
): Promise<ActionResult> {
  const { locale } = options
  const seen = options.seenVersion ?? row.version
  const revise = {
    actor: options.actor,
    idempotencyKey: options.idempotencyKey ?? `self:${row.id}:${action}:v${seen}`,
    expectedVersion: options.idempotencyKey === undefined ? seen : undefined,
    request: { name: action, input: body },
  }
  if (!service.managesPlan(row)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `lender_managed: ${refusalMessage("lender_managed", locale)}`, "lender_managed")
  }
  try {
    switch (action) {
      case "pay-early": {
        const { scope, authenticate } = body as ActionBody<"pay-early">
        const { plan, outcome, shopperAction } = await service.revise(row.id, (s, ctx) => payEarly(s, { scope }, ctx), { ...revise, shopperPresent: authenticate === true })
        if (shopperAction) {
          return { plan, message: t(locale, "self.done.authenticate", { amount: formatMoney(dueNow(plan, scope), plan.currency_code, locale) }), bankConfirmation: shopperAction }
        }
        const amount = formatMoney(await chargedCents(service, outcome, revise.idempotencyKey), plan.currency_code, locale)
        return { plan, message: t(locale, scope === "all" ? "self.done.payAll" : "self.done.payNext", { amount }) }
      }
      case "postpone": {
        const { instalment_number: instalmentNumber, days } = body as ActionBody<"postpone">
        const { plan } = await service.revise(row.id, (s, ctx) => postpone(s, { instalmentNumber, days }, ctx), revise)
        const moved = plan.instalments?.find((i) => i.number === instalmentNumber)
        return { plan, message: t(locale, "self.done.postpone", { date: moved ? formatDate(moved.due_date, locale) : "" }) }
      }
      case "change-card": {
        const { card_token: cardToken } = body as ActionBody<"change-card">
        const plan = await service.changeCard(row.id, { cardToken, locale }, revise)
        return { plan, message: t(locale, "self.done.changeCard") }
      }
      case "pay-exchange": {
        const { card_token: cardToken } = body as ActionBody<"pay-exchange">
        const due = row.exchange_pending_cents
        try {
          const { plan } = await service.payExchangeDifference(row.id, { cardToken }, revise)
          return { plan, message: t(locale, "self.done.payNext", { amount: formatMoney(due, plan.currency_code, locale) }) }
        } finally {
          // Also after a refusal: a payment that stopped before Medusa heard of it is told now.
          if (options.container) await markExchangesPaidInMedusa(options.container, service, row)
        }
      }
      case "withdraw": {
        const { plan, outcome } = await service.revise(row.id, (s, ctx) => withdraw(s, {}, ctx), revise)
        const amount = formatMoney(await chargedCents(service, outcome, revise.idempotencyKey), plan.currency_code, locale)
        return { plan, message: t(locale, "self.done.withdraw", { amount }) }
      }
    }
  } catch (error) {
    throw forShopper(error, locale, service.engineConfig, row.status)
  }
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown action ${String(action)}: use one of ${SHOPPER_ACTIONS.join(", ")}`)
}

/** What a pay-early of `scope` charges on the plan as it is (nothing has moved yet). */
function dueNow(row: PlanRow, scope: "next" | "all"): number {
  const plan = planToSnapshot(row)
  const next = nextDue(plan)
  const instalments = scope === "all" ? unpaidInstalments(plan) : next ? [next] : []
  return instalments.reduce((sum, i) => sum + amountDue(i), 0)
}

/**
 * What the action charged. A replay (same idempotency key) charged nothing more: its first history
 * entry, recorded under the key, says what the original request charged.
 */
async function chargedCents(service: InstalmentsModuleService, outcome: RevisionOutcome | null, key: string): Promise<number> {
  if (outcome) {
    const charge = outcome.movements.find((m): m is ChargeMovement => m.kind === "charge")
    return charge ? charge.amount.cents : 0
  }
  const [first] = await service.listInstalmentPlanEvents({ idempotency_key: key }, { take: 1 })
  const data = (first?.data ?? {}) as { amount?: unknown; amountDue?: unknown }
  const cents = data.amount ?? data.amountDue
  return typeof cents === "number" ? cents : 0
}
