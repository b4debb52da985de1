/**
 * The confirmation block after the order: the plan and its dated schedule as the payment session
 * worded them, the card, and the link to the self-service page (from the confirmation e-mail, or
 * your own page built on the client's self-service calls).
 */
import { formatMoney } from "../badge-plan.js"
import { text } from "../texts.js"
import type { ScheduleView } from "../types.js"

export interface InstalmentsConfirmationProps {
  schedule: ScheduleView
  currencyCode: string
  locale: string
  card?: { brand: string; last4: string }
  /** Where the shopper manages the plan. */
  selfServiceUrl?: string
}

export function InstalmentsConfirmation(props: InstalmentsConfirmationProps) {
  const { schedule, locale } = props
  return (
    <section className="mi-confirmation" aria-labelledby="mi-confirmation-title" lang={locale}>
      <h2 id="mi-confirmation-title">{text(locale, "confirmationTitle")}</h2>
      <p className="mi-plan-label">{schedule.label}</p>
      <ol className="mi-schedule">
        {schedule.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      <p className="mi-fees">
        {text(locale, "total", { amount: formatMoney(schedule.total_with_fees, props.currencyCode, locale) })}
      </p>
      {props.card && (
        <p className="mi-card">
          {props.card.brand} •••• {props.card.last4}
        </p>
      )}
      {props.selfServiceUrl && (
        <p>
          <a className="mi-manage" href={props.selfServiceUrl}>
            {text(locale, "manage")}
          </a>
        </p>
      )}
    </section>
  )
}
