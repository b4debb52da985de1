/**
 * The instalments badge for product and cart pages: "or 3 × 83.30 €". It follows the price and
 * the quantity (a new quote when either changes) and renders nothing when no plan is possible
 * (below the minimum, above the maximum, a country the store does not serve) or while loading.
 */
import { badgeText } from "../badge-plan.js"
import type { PlanCode, Quote } from "../types.js"
import { useQuote, type QuoteSource } from "./use-quote.js"

export interface InstalmentsBadgeProps {
  /** `createQuoteClient(...)` (small) or the whole `createInstalmentsClient(...)`, created once (not at each render: a new client asks again). */
  client: QuoteSource
  /** The unit price, in major units (249.9). */
  amount: number
  quantity?: number
  currencyCode: string
  countryCode: string
  locale: string
  /** The plan to show when it is possible (else the one in most instalments). */
  plan?: PlanCode
  className?: string
}

/** Price × quantity in major units, computed in cents so 3 × 0.1 stays 0.30. */
export function lineTotal(amount: number, quantity: number): string {
  return ((Math.round(amount * 100) * quantity) / 100).toFixed(2)
}

/** The badge for a quote already fetched (server rendering, or a quote shared by several badges). */
export function InstalmentsBadgeView(props: { quote: Quote; locale: string; plan?: PlanCode; className?: string }) {
  const sentence = badgeText(props.quote, props.locale, props.plan)
  if (!sentence) return null
  return (
    <p className={["mi-badge", props.className].filter(Boolean).join(" ")} lang={props.locale} aria-live="polite">
      {sentence}
    </p>
  )
}

export function InstalmentsBadge(props: InstalmentsBadgeProps) {
  const total = lineTotal(props.amount, props.quantity ?? 1)
  const state = useQuote(props.client, {
    amount: total,
    currencyCode: props.currencyCode,
    countryCode: props.countryCode,
    locale: props.locale,
  })
  if (state.status !== "ready") return null
  return <InstalmentsBadgeView quote={state.quote} locale={props.locale} plan={props.plan} className={props.className} />
}
