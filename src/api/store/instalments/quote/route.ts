/**
 * GET /store/instalments/quote — which plans a shopper can use, and their schedules.
 *   ?cart_id=…&locale=fr                                  (checkout: the cart's total and country)
 *   ?amount=249.00&currency_code=eur&country_code=fr&locale=fr   (a product page has no cart)
 *   ?cart_id=…&provider=alma                              (Alma's answer: a cart only, see ../../alma/quote.ts)
 * Amounts in major units, texts in the shopper's language.
 */
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { fromMajor, toMajor, type Money } from "../../../../domain/money"
import { describeReasons } from "../../../../domain/texts"
import { reasonParams } from "../../../../modules/instalments/errors"
import { INSTALMENTS_MODULE } from "../../../../modules/instalments"
import type InstalmentsModuleService from "../../../../modules/instalments/service"
import { parseOr400 } from "../../../../http/validation"
import { ALMA_QUOTE_PROVIDERS, sendAlmaQuote } from "../../alma/quote"

const QuoteQuery = z
  .object({
    cart_id: z.string().min(1, "must be a cart id").max(200, "must be a cart id (at most 200 characters)").optional(),
    amount: z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal amount in major units, e.g. 249.00").optional(),
    currency_code: z.string().regex(/^[a-zA-Z]{3}$/, "must be a 3-letter ISO 4217 code, e.g. eur").optional(),
    country_code: z.string().regex(/^[a-zA-Z]{2}$/, "must be a 2-letter ISO 3166 code, e.g. fr").optional(),
    locale: z.string().max(100).optional(),
    // provider=alma: the quote comes from Alma's eligibility endpoint (see ../../alma/quote.ts).
    provider: z.enum(ALMA_QUOTE_PROVIDERS, { error: `must be ${ALMA_QUOTE_PROVIDERS.join(" or ")} (leave it out for the plugin's own plans)` }).optional(),
  })
  .refine((q) => q.cart_id || (q.amount && q.currency_code && q.country_code), {
    message: "pass either cart_id, or amount with currency_code and country_code (a product page has no cart)",
  })
  .refine((q) => !q.provider || q.cart_id, {
    message: 'query parameter "cart_id" is required with provider=alma: Alma is asked about a cart (its total and country), not about any amount',
    path: ["cart_id"],
  })

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = parseOr400(QuoteQuery, req.query, "query")
  const { amount, country } = query.cart_id ? await fromCart(req, query.cart_id, query.country_code) : fromParams(query)
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  // Medusa moves `?locale=` (and the x-medusa-locale header) to req.locale before routes run.
  const locale = query.locale ?? (req as MedusaRequest & { locale?: string }).locale ?? (req.headers["accept-language"] as string | undefined)
  if (query.provider) return sendAlmaQuote(res, { amount, country, locale, instalments })
  const quotes = instalments.quote({ amount, country, locale })
  res.json({
    currency_code: amount.currency,
    total: toMajor(amount),
    country_code: country,
    plans: quotes.map(({ quote, view }) => ({
      code: quote.plan,
      eligible: quote.eligibility.eligible,
      reasons: quote.eligibility.eligible
        ? []
        : describeReasons(quote.eligibility.reasons, locale, reasonParams(instalments.engineConfig, quote.plan)),
      ...view,
    })),
  })
}

function fromParams(query: z.infer<typeof QuoteQuery>): { amount: Money; country: string } {
  const currency = (query.currency_code as string).toLowerCase()
  const text = query.amount as string
  const parsed = fromMajor(text, currency, { exact: true })
  if (!parsed.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, `query parameter "amount": ${parsed.error.message}`)
  if (parsed.value.cents <= 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `query parameter "amount": must be greater than 0 (got ${text})`)
  }
  return { amount: parsed.value, country: (query.country_code as string).toLowerCase() }
}

async function fromCart(req: MedusaRequest, cartId: string, countryOverride?: string): Promise<{ amount: Money; country: string }> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "total", "currency_code", "shipping_address.country_code", "billing_address.country_code"],
    filters: { id: cartId },
  })
  const cart = data[0]
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `query parameter "cart_id": no cart ${cartId}`)
  const country = cart.shipping_address?.country_code ?? cart.billing_address?.country_code ?? countryOverride
  if (!country) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The cart ${cartId} has no address yet: set its shipping address, or pass country_code`)
  }
  const parsed = fromMajor(String(cart.total), cart.currency_code)
  if (!parsed.ok) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Cart total unreadable: ${parsed.error.message}`)
  return { amount: parsed.value, country: country.toLowerCase() }
}
