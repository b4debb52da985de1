/**
 * The quote from Alma (GET /store/instalments/quote?…&provider=alma): one call to Alma's
 * eligibility endpoint for every plan the Alma provider offers, answered in the engine quote's
 * shape (labels, schedule lines, credit warning in the shopper's language), so a storefront shows
 * either the same way. Alma decides eligibility, bounds and fees; its refusals become our reason
 * codes. Alma unreachable → 502/504 with a message (the engine's own quote still works).
 *
 * Anyone with the publishable key can call it, so Alma is asked at most once per (amount,
 * country, plans, day) every few minutes (a bounded cache), and once per request: no retries on
 * behalf of an anonymous caller. The route only asks for a cart's amount and country.
 */
import type { MedusaResponse } from "@medusajs/framework/http"
import { toMajor, type Money } from "../../../domain/money"
import { describeReasons } from "../../../domain/texts"
import type { EligibilityItem } from "../../../lenders/alma/schemas"
import { EligibilityCache, eligibilityKey } from "../../../lenders/alma/eligibility-cache"
import { AlmaApiError, gatewayStatus } from "../../../lenders/alma/errors"
import { quoteFromEligibility } from "../../../lenders/alma/mirror"
import { almaPlanKey } from "../../../lenders/alma/plans"
import { requireAlma } from "../../../lenders/alma/registry"
import type InstalmentsModuleService from "../../../modules/instalments/service"
import { scheduleView } from "../../../modules/instalments/quotes"

/** The `provider` query values that ask for Alma's quote. */
export const ALMA_QUOTE_PROVIDERS = ["alma", "pp_alma_alma"] as const

/** One per process: Alma's answers for the quotes of the last few minutes. */
const eligibilityCache = new EligibilityCache<EligibilityItem[]>()

export async function sendAlmaQuote(
  res: MedusaResponse,
  input: { amount: Money; country: string; locale?: string; instalments: InstalmentsModuleService },
): Promise<void> {
  const alma = requireAlma()
  const plans = alma.config.plans
  const today = input.instalments.today()
  const key = eligibilityKey({ amountCents: input.amount.cents, country: input.country, plans, day: today })
  let items
  try {
    items = await eligibilityCache.get(key, input.instalments.now(), () =>
      alma.client.eligibility(
        {
          purchase_amount: input.amount.cents,
          queries: plans.map((plan) => ({ ...almaPlanKey(plan) })),
          billing_address: { country: input.country.toUpperCase() },
          shipping_address: { country: input.country.toUpperCase() },
          origin: "online",
        },
        { retry: false },
      ),
    )
  } catch (error) {
    if (!(error instanceof AlmaApiError)) throw error
    res.status(gatewayStatus(error)).json({ type: "alma_unavailable", message: `${error.message}. Offer the other payment methods meanwhile.` })
    return
  }
  const timeZone = input.instalments.engineConfig.timeZone
  res.json({
    currency_code: input.amount.currency,
    total: toMajor(input.amount),
    country_code: input.country,
    provider: "alma",
    plans: plans.map((plan, index) => {
      const item = items[index]
      const quote = quoteFromEligibility({ plan, item, amountCents: input.amount.cents, currency: input.amount.currency, today, timeZone })
      const bounds = item.constraints?.purchase_amount
      return {
        code: plan,
        eligible: quote.eligibility.eligible,
        reasons: quote.eligibility.eligible
          ? []
          : describeReasons(quote.eligibility.reasons, input.locale, { min: bounds?.minimum, max: bounds?.maximum, currency: input.amount.currency }),
        ...scheduleView(quote, input.locale ?? "en"),
      }
    }),
  })
}
