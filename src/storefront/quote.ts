/**
 * GET /store/instalments/quote: which plans an amount or a cart can use. Apart from the rest of
 * the checkout so that a product page's badge loads only this call (`createQuoteClient`).
 */
import { InstalmentsApiError } from "./errors.js"
import { transportOf, type ClientOptions } from "./transport.js"
import type { Quote } from "./types.js"
import type { Transport } from "./transport.js"

/** A product page has no cart: it asks for an amount (major units), a currency and a country. */
export type QuoteInput =
  | { cartId: string; locale?: string; provider?: "alma" }
  | { amount: number | string; currencyCode: string; countryCode: string; locale?: string }

/** An amount as the quote route wants it: a decimal in major units with the currency's digits. */
export function amountParam(amount: number | string): string {
  return typeof amount === "number" ? amount.toFixed(2) : amount
}

export function quoteCall(send: Transport) {
  /** Which plans the amount or the cart can use, with their dated schedules, fees and refusals. */
  return async function quote(input: QuoteInput): Promise<Quote> {
    const query =
      "cartId" in input
        ? { cart_id: input.cartId, locale: input.locale, provider: input.provider }
        : { amount: amountParam(input.amount), currency_code: input.currencyCode, country_code: input.countryCode, locale: input.locale }
    const answer = await send("/store/instalments/quote", { method: "GET", query })
    if (answer.status >= 400) throw new InstalmentsApiError(answer.status, answer.body)
    return answer.body as Quote
  }
}

/** Only the quote: what a badge on a product page needs. */
export function createQuoteClient(options: ClientOptions) {
  return { quote: quoteCall(transportOf(options)) }
}
