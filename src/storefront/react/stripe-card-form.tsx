/**
 * The card form with Stripe (the store's plugin runs `processor: "stripe"`): Stripe's Card Element
 * for the number, expiry and CVC, mounted in the form, and the shopper's mobile number. On submit it
 * makes the PaymentMethod and hands back its id as the card token; Stripe's own message (in the
 * locale Stripe.js was loaded with) shows when the card cannot be read. The card number stays in
 * Stripe's iframe: this component never sees it.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from "react"
import { stripeCardToken, type StripeCardElementLike, type StripeJsLike } from "../stripe-card.js"
import { text } from "../texts.js"

export interface StripeCardFormProps {
  /** The store's Stripe.js instance (`await loadStripe("pk_…", { locale })`). */
  stripe: StripeJsLike
  locale: string
  onSubmit: (card: { cardToken: string; phone: string }) => void
  /** The submit button's text: the chosen plan's `accept_label` ("Payer en 3 fois"). */
  submitLabel?: string
  disabled?: boolean
  defaultPhone?: string
  /** The cardholder's name and e-mail for Stripe's records (billing details), when the checkout has them. */
  billing?: { name?: string; email?: string }
}

export function StripeCardForm(props: StripeCardFormProps) {
  const id = useId().replace(/:/g, "")
  const field = useRef<HTMLDivElement>(null)
  const card = useRef<StripeCardElementLike | null>(null)
  const [phone, setPhone] = useState(props.defaultPhone ?? "")
  const [complete, setComplete] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!field.current) return
    const element = props.stripe.elements({ locale: props.locale }).create("card", { hidePostalCode: true })
    element.mount(field.current)
    element.on("change", (event) => {
      setComplete(event.complete)
      setError(event.error?.message ?? null)
    })
    card.current = element
    return () => {
      card.current = null
      element.destroy()
    }
  }, [props.stripe, props.locale])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!card.current) return
    setBusy(true)
    const result = await stripeCardToken(props.stripe, card.current, { ...props.billing, phone })
    setBusy(false)
    if (!result.ok) return setError(result.message ?? text(props.locale, "cardUnreadable"))
    setError(null)
    props.onSubmit({ cardToken: result.value, phone })
  }

  return (
    <form className="mi-card-form mi-card-form-stripe" onSubmit={submit} lang={props.locale} aria-busy={busy}>
      <label id={`${id}-card-label`}>{text(props.locale, "cardDetails")}</label>
      <div ref={field} className="mi-card-field" role="group" aria-labelledby={`${id}-card-label`} aria-describedby={`${id}-card-error`} />
      <p id={`${id}-card-error`} className="mi-card-error" role="alert">
        {error ?? ""}
      </p>
      <label htmlFor={`${id}-phone`}>{text(props.locale, "phone")}</label>
      <input id={`${id}-phone`} type="tel" autoComplete="tel" required value={phone} onChange={(event) => setPhone(event.target.value)} />
      <button type="submit" disabled={props.disabled || busy || !complete}>
        {props.submitLabel ?? text(props.locale, "pay")}
      </button>
    </form>
  )
}
