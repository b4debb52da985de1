/**
 * The checkout: the e-mail and the address (the shipping option is chosen for the shopper: the
 * demo has one), then the payment: a card in instalments or Alma.
 */
import { useState, type FormEvent } from "react"
import { formatMoney } from "medusa-instalments/storefront"
import { useDemo } from "../context"
import { Link } from "../router"
import { useCart } from "./cart"
import { Payment } from "./payment"

const COUNTRIES = ["fr", "be", "es", "de", "it", "nl"]

/** A demo shopper, so that clicking through takes a few seconds; every field can be changed. */
const SHOPPER = { email: "lea.martin@example.com", first_name: "Léa", last_name: "Martin", address_1: "1 rue de la Paix", postal_code: "75002", city: "Paris", country_code: "fr" }

function AddressForm(props: { cartId: string; onDone: () => void }) {
  const { shop, say } = useDemo()
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setBusy(true)
    const fields = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>
    const { email, ...address } = fields
    await shop.sdk.store.cart.update(props.cartId, { email, shipping_address: address, billing_address: address })
    // The cheapest option, chosen for the shopper (the demo store has one: Standard, 5.90 €).
    const { shipping_options } = await shop.sdk.store.fulfillment.listCartOptions({ cart_id: props.cartId })
    const option = [...shipping_options].sort((a, b) => (a.amount ?? 0) - (b.amount ?? 0))[0]
    await shop.sdk.store.cart.addShippingMethod(props.cartId, { option_id: option.id })
    setBusy(false)
    props.onDone()
  }
  const field = (name: keyof typeof SHOPPER, label: Parameters<typeof say>[0], type = "text", wide = false) => (
    <label className={wide ? "demo-wide" : undefined}>
      {say(label)}
      <input name={name} type={type} required defaultValue={SHOPPER[name]} />
    </label>
  )
  return (
    <form className="demo-form" onSubmit={submit}>
      {field("email", "email", "email", true)}
      {field("first_name", "firstName")}
      {field("last_name", "lastName")}
      {field("address_1", "address", "text", true)}
      {field("postal_code", "postalCode")}
      {field("city", "city")}
      <label className="demo-wide">
        {say("country")}
        <select name="country_code" defaultValue={SHOPPER.country_code}>
          {COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {code.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <button className="demo-button" disabled={busy}>
        {say("toPayment")}
      </button>
    </form>
  )
}

export function CheckoutPage() {
  const { language, say } = useDemo()
  const [cart, reload] = useCart()
  // null: not decided by the shopper; a cart with an address and a shipping method goes to the payment.
  const [editing, setEditing] = useState<boolean | null>(null)
  if (cart === undefined) return <p>{say("loading")}</p>
  if (!cart || !cart.items?.length) return <p>{say("emptyCart")}</p>
  const shipping = cart.shipping_methods?.[0]
  const ready = !(editing ?? !cart.email) && shipping
  return (
    <section className="demo-card">
      <h1>{say("checkout")}</h1>
      {ready ? (
        <>
          <p>
            {cart.email} · {cart.shipping_address?.first_name} {cart.shipping_address?.last_name}, {cart.shipping_address?.city} ({cart.shipping_address?.country_code?.toUpperCase()}){" "}
            <button type="button" className="demo-link" onClick={() => setEditing(true)}>
              {say("change")}
            </button>
          </p>
          <p>{say("shipping", { name: shipping.name, amount: formatMoney(shipping.amount, cart.currency_code, language) })}</p>
          <p className="demo-price">{say("total", { amount: formatMoney(cart.total, cart.currency_code, language) })}</p>
          {/* A new key per cart total: a changed address or cart quotes again. */}
          <Payment key={`${cart.total}-${cart.shipping_address?.country_code}`} cartId={cart.id} currencyCode={cart.currency_code} />
        </>
      ) : (
        <AddressForm cartId={cart.id} onDone={() => void reload().then(() => setEditing(false))} />
      )}
      <Link to="/cart">{say("cart")}</Link>
    </section>
  )
}
