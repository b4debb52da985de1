/** The cart: its lines with their quantities, the subtotal and its badge, the way to the checkout. */
import { useCallback, useEffect, useState } from "react"
import type { HttpTypes } from "@medusajs/types"
import { formatMoney } from "medusa-instalments/storefront"
import { InstalmentsBadge } from "medusa-instalments/storefront/react"
import { useDemo } from "../context"
import { Link } from "../router"
import { keptCart } from "../shop"

export function useCart(): [HttpTypes.StoreCart | null | undefined, () => Promise<void>] {
  const { shop } = useDemo()
  const [cart, setCart] = useState<HttpTypes.StoreCart | null | undefined>(undefined)
  // The checkout shows the shipping option's name, which Medusa's default fields leave out. A cart
  // that became an order, or was removed, is none: the shopper starts again.
  const reload = useCallback(async () => setCart(await keptCart(shop, "+shipping_methods.name")), [shop])
  useEffect(() => void reload(), [reload])
  return [cart, reload]
}

export function CartPage() {
  const { shop, language, say } = useDemo()
  const [cart, reload] = useCart()
  if (cart === undefined) return <p>{say("loading")}</p>
  if (!cart || !cart.items?.length) return <p>{say("emptyCart")}</p>
  const setQuantity = async (lineId: string, quantity: number) => {
    await shop.sdk.store.cart.updateLineItem(cart.id, lineId, { quantity })
    await reload()
  }
  const money = (amount: number) => formatMoney(amount, cart.currency_code, language)
  return (
    <section className="demo-card">
      <h1>{say("cart")}</h1>
      <ul className="demo-lines">
        {cart.items.map((item) => (
          <li key={item.id}>
            <span>{item.product_title}</span>
            <input
              className="demo-quantity"
              type="number"
              min={1}
              aria-label={`${say("quantity")}: ${item.product_title}`}
              defaultValue={item.quantity}
              onChange={(event) => {
                const quantity = Math.floor(Number(event.target.value))
                if (quantity >= 1) void setQuantity(item.id, quantity)
              }}
            />
            <span>{money(item.total ?? 0)}</span>
          </li>
        ))}
      </ul>
      <p className="demo-price">
        {say("subtotal")}: {money(cart.item_total ?? 0)}
      </p>
      <InstalmentsBadge client={shop.quotes} amount={cart.item_total ?? 0} currencyCode={cart.currency_code} countryCode={cart.shipping_address?.country_code ?? "fr"} locale={language} />
      <Link to="/checkout" className="demo-button">
        {say("checkout")}
      </Link>
    </section>
  )
}
