/**
 * The plan picker: every plan of the quote as a radio button (one radiogroup, arrow keys move
 * between the possible plans, as native radios do), each with its dated schedule, its fees and
 * the credit warning. Nothing is pre-selected: the shopper chooses. A refused plan stays visible,
 * disabled, with its reason, and the plans still possible are named.
 */
import { useId } from "react"
import { formatMoney } from "../badge-plan.js"
import { text } from "../texts.js"
import type { PlanCode, Quote, QuotedPlan } from "../types.js"

export interface PlanPickerProps {
  quote: Quote
  locale: string
  /** The chosen plan; null until the shopper picks one. */
  value: PlanCode | null
  onChange: (plan: PlanCode) => void
  /** A refusal from the payment session (card_prepaid…), shown above the plans. */
  refusal?: string | null
  name?: string
}

function PlanOption(props: { plan: QuotedPlan; quote: Quote; locale: string; name: string; checked: boolean; onChange: (plan: PlanCode) => void }) {
  const { plan, quote, locale } = props
  const id = `${props.name}-${plan.code}`
  const money = (amount: number) => formatMoney(amount, quote.currency_code, locale)
  const describedBy = [`${id}-schedule`, plan.eligible ? `${id}-warning` : `${id}-reasons`].join(" ")
  return (
    <div className="mi-plan" data-eligible={plan.eligible} data-checked={props.checked}>
      <input
        type="radio"
        id={id}
        name={props.name}
        value={plan.code}
        checked={props.checked}
        disabled={!plan.eligible}
        aria-describedby={describedBy}
        onChange={() => props.onChange(plan.code)}
      />
      <label htmlFor={id} className="mi-plan-label">
        {plan.label}
        {!plan.eligible && <span className="mi-plan-unavailable"> ({text(locale, "unavailable")})</span>}
      </label>
      <ul className="mi-schedule" id={`${id}-schedule`}>
        {plan.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="mi-fees">
        {plan.customer_fee_total > 0 ? text(locale, "fees", { amount: money(plan.customer_fee_total) }) : text(locale, "noFees")}
        {" · "}
        {text(locale, "total", { amount: money(plan.total_with_fees) })}
      </p>
      {plan.eligible ? (
        <p className="mi-credit-warning" id={`${id}-warning`}>
          {plan.credit_warning}
        </p>
      ) : (
        <ul className="mi-reasons" id={`${id}-reasons`}>
          {plan.reasons.map((reason) => (
            <li key={reason.code}>{reason.message}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function PlanPicker(props: PlanPickerProps) {
  const generated = useId()
  const name = props.name ?? `mi-plan-${generated.replace(/:/g, "")}`
  const legendId = `${name}-legend`
  const possible = props.quote.plans.filter((plan) => plan.eligible)
  const refused = possible.length < props.quote.plans.length
  return (
    <fieldset className="mi-picker" role="radiogroup" aria-labelledby={legendId} lang={props.locale}>
      <legend id={legendId}>{text(props.locale, "pickerLegend")}</legend>
      {props.refusal && (
        <p className="mi-refusal" role="alert">
          {props.refusal}
        </p>
      )}
      {refused && (
        <p className="mi-still-possible">
          {possible.length > 0
            ? text(props.locale, "stillPossible", { plans: possible.map((plan) => plan.label).join(", ") })
            : text(props.locale, "nothingPossible")}
        </p>
      )}
      {props.quote.plans.map((plan) => (
        <PlanOption key={plan.code} plan={plan} quote={props.quote} locale={props.locale} name={name} checked={props.value === plan.code} onChange={props.onChange} />
      ))}
    </fieldset>
  )
}
