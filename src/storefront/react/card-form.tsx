/**
 * The card form for the sandbox processor: the shopper picks one of its test cards (README
 * "Sandbox test cards") and types a mobile number; the form hands back the card's token. No card
 * number is ever typed, so nothing here touches card data. With Stripe, Stripe Elements replaces it.
 */
import { useId, useState, type FormEvent } from "react"
import { text } from "../texts.js"

/** The sandbox's tokens and what each one does (the README's table). */
export const SANDBOX_CARDS = [
  { token: "tok_visa", label: "Visa •••• 5556 (accepted)" },
  { token: "tok_mastercard", label: "Mastercard •••• 4444 (accepted)" },
  { token: "tok_cb", label: "Carte Bancaire •••• 1001 (accepted)" },
  { token: "tok_amex", label: "American Express •••• 0005 (accepted)" },
  { token: "tok_prepaid", label: "Mastercard prepaid •••• 5100 (refused: card_prepaid)" },
  { token: "tok_virtual", label: "Visa virtual •••• 1117 (refused: card_virtual)" },
  { token: "tok_non_eu", label: "Visa US •••• 4242 (refused: card_issuer_country)" },
  { token: "tok_expires_soon", label: "Visa •••• 1881 (refused: card_expires_too_soon)" },
  { token: "tok_declined", label: "Visa •••• 0002 (declined at checkout)" },
  { token: "tok_credit_refused", label: "Visa •••• 3220 (credit refused)" },
  { token: "tok_insufficient_later", label: "Visa •••• 9995 (later instalments fail)" },
] as const

export interface SandboxCardFormProps {
  locale: string
  onSubmit: (card: { cardToken: string; phone: string }) => void
  /** The submit button's text: the chosen plan's `accept_label` ("Payer en 3 fois"). */
  submitLabel?: string
  disabled?: boolean
  defaultPhone?: string
}

export function SandboxCardForm(props: SandboxCardFormProps) {
  const id = useId().replace(/:/g, "")
  const [cardToken, setCardToken] = useState<string>(SANDBOX_CARDS[0].token)
  const [phone, setPhone] = useState(props.defaultPhone ?? "")
  const submit = (event: FormEvent) => {
    event.preventDefault()
    props.onSubmit({ cardToken, phone })
  }
  return (
    <form className="mi-card-form" onSubmit={submit} lang={props.locale}>
      <label htmlFor={`${id}-card`}>{text(props.locale, "testCard")}</label>
      <select id={`${id}-card`} value={cardToken} onChange={(event) => setCardToken(event.target.value)}>
        {SANDBOX_CARDS.map((card) => (
          <option key={card.token} value={card.token}>
            {card.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-phone`}>{text(props.locale, "phone")}</label>
      <input id={`${id}-phone`} type="tel" autoComplete="tel" required value={phone} onChange={(event) => setPhone(event.target.value)} />
      <button type="submit" disabled={props.disabled}>
        {props.submitLabel ?? text(props.locale, "pay")}
      </button>
    </form>
  )
}
