/** The product list and a product page, each price with the instalments badge. */
import { useEffect, useState } from "react"
import { formatMoney } from "medusa-instalments/storefront"
import { InstalmentsBadge } from "medusa-instalments/storefront/react"
import { useDemo } from "../context"
import { Link, navigate } from "../router"
import { ensureCart } from "../shop"

interface Product {
  id: string
  title: string
  handle: string
  variantId: string
  price: number
  currencyCode: string
}

/** The badge on product pages quotes for France, the shop's home country (no address is known yet). */
const BADGE_COUNTRY = "fr"

function useProducts(handle?: string): Product[] | null {
  const { shop } = useDemo()
  const [products, setProducts] = useState<Product[] | null>(null)
  useEffect(() => {
    shop.sdk.store.product
      .list({ region_id: shop.config.regionId, fields: "id,title,handle,*variants.calculated_price", ...(handle ? { handle } : {}) })
      .then(({ products }) =>
        setProducts(
          products.map((p) => {
            const variant = p.variants![0]
            return {
              id: p.id,
              title: p.title,
              handle: p.handle!,
              variantId: variant.id,
              price: Number(variant.calculated_price?.calculated_amount ?? 0),
              currencyCode: variant.calculated_price?.currency_code ?? "eur",
            }
          }),
        ),
      )
  }, [shop, handle])
  return products
}

function Price(props: { product: Product; quantity: number }) {
  const { shop, language } = useDemo()
  return (
    <>
      <p className="demo-price">{formatMoney(props.product.price, props.product.currencyCode, language)}</p>
      <InstalmentsBadge
        client={shop.quotes}
        amount={props.product.price}
        quantity={props.quantity}
        currencyCode={props.product.currencyCode}
        countryCode={BADGE_COUNTRY}
        locale={language}
      />
    </>
  )
}

export function ProductList() {
  const { say } = useDemo()
  const products = useProducts()
  if (!products) return <p>{say("loading")}</p>
  return (
    <>
      <h1>{say("products")}</h1>
      <ul className="demo-products">
        {products.map((product) => (
          <li key={product.id} className="demo-card" data-testid={`product-${product.handle}`}>
            <Link to={`/products/${product.handle}`}>{product.title}</Link>
            <Price product={product} quantity={1} />
          </li>
        ))}
      </ul>
    </>
  )
}

export function ProductPage(props: { handle: string }) {
  const { shop, say } = useDemo()
  const product = useProducts(props.handle)?.[0]
  const [quantity, setQuantity] = useState(1)
  const [adding, setAdding] = useState(false)
  const [refused, setRefused] = useState(false)
  if (!product) return <p>{say("loading")}</p>
  const addToCart = async () => {
    setAdding(true)
    setRefused(false)
    try {
      const cartId = await ensureCart(shop)
      await shop.sdk.store.cart.createLineItem(cartId, { variant_id: product.variantId, quantity })
      navigate("/cart")
    } catch (error) {
      // Medusa says why in English (not enough stock, the store unreachable...): the shopper gets
      // a sentence in their language, and the console keeps Medusa's words.
      console.error("The cart refused the product:", error)
      setRefused(true)
      setAdding(false)
    }
  }
  return (
    <article className="demo-card">
      <h1>{product.title}</h1>
      <Price product={product} quantity={quantity} />
      <label>
        {say("quantity")}{" "}
        <input
          className="demo-quantity"
          type="number"
          min={1}
          value={quantity}
          onChange={(event) => setQuantity(Math.max(1, Math.floor(Number(event.target.value) || 1)))}
        />
      </label>
      <button className="demo-button" onClick={addToCart} disabled={adding}>
        {say("addToCart")}
      </button>
      {refused && (
        <p className="demo-error" role="alert">
          {say("notAdded")}
        </p>
      )}
    </article>
  )
}
