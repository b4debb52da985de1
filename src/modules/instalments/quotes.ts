/**
 * Quotes: every plan offered for an amount and a country, each with its schedule as the
 * storefront shows it (in the shopper's language, amounts in major units). Checkout keeps the
 * same view in the payment session.
 */
import type { LocalDate } from "../../domain/calendar"
import type { EngineConfig } from "../../domain/config"
import { toMajor, type Money } from "../../domain/money"
import { quoteAll, type Quote } from "../../domain/quote"
import { acceptance, creditWarning, planLabel, resolveLocale, scheduleLines } from "../../domain/texts"

/** Every offered plan for an amount and a shopper country, with the schedule in their language. */
export function quoteWithViews(config: EngineConfig, input: { amount: Money; country: string; locale?: string }, today: LocalDate) {
  const locale = resolveLocale(input.locale)
  const quotes = quoteAll({ config, amount: input.amount, country: input.country, today })
  return quotes.map((quote) => ({ quote, view: scheduleView(quote, locale) }))
}

/** The schedule as the storefront shows it, in the shopper's language; amounts in major units. */
export function scheduleView(quote: Quote, locale: string) {
  const lang = resolveLocale(locale)
  return {
    label: planLabel(quote.plan, lang),
    accept_label: acceptance(quote.plan, lang).button,
    total: toMajor(quote.total),
    customer_fee_total: toMajor(quote.customerFeeTotal),
    total_with_fees: toMajor(quote.totalWithFees),
    credit: toMajor(quote.credit),
    instalments: quote.instalments.map((i) => ({
      number: i.number,
      due_date: i.dueDate,
      amount: toMajor(i.amount),
      customer_fee: toMajor(i.customerFee),
    })),
    lines: scheduleLines(
      quote.instalments.map((i) => ({
        number: i.number,
        dueDate: i.dueDate,
        amount: i.amount.cents,
        customerFee: i.customerFee.cents,
      })),
      quote.currency,
      lang,
      quote.quotedOn,
    ),
    credit_warning: creditWarning(lang, quote.quotedOn),
  }
}
