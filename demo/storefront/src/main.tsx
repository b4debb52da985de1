/**
 * The demo storefront: a plain shop built on the kit, as a store owner would build theirs.
 * Pages: / (products), /products/:handle, /cart, /checkout, /checkout/alma-return, /orders/:id.
 */
import { useEffect, useMemo, useState } from "react"
import { createRoot } from "react-dom/client"
import "medusa-instalments/storefront/styles.css"
import "./styles.css"
import { Demo } from "./context"
import { LANGUAGES, initialLanguage, rememberLanguage, say, type Language } from "./i18n"
import { Link, useLocation } from "./router"
import { loadShop, type Shop } from "./shop"
import { CartPage } from "./pages/cart"
import { ProductList, ProductPage } from "./pages/catalogue"
import { CheckoutPage } from "./pages/checkout"
import { AlmaReturnPage } from "./pages/alma-return"
import { OrderPage } from "./pages/order"

function Page() {
  const { path } = useLocation()
  const [, section, id] = path.split("/")
  if (section === "products" && id) return <ProductPage handle={decodeURIComponent(id)} />
  if (section === "cart") return <CartPage />
  if (path === "/checkout/alma-return") return <AlmaReturnPage />
  if (section === "checkout") return <CheckoutPage />
  if (section === "orders" && id) return <OrderPage orderId={decodeURIComponent(id)} />
  return <ProductList />
}

function App(props: { shop: Shop }) {
  const [language, setLanguage] = useState<Language>(initialLanguage)
  const context = useMemo(() => ({ shop: props.shop, language, say: (key: Parameters<typeof say>[1], values?: Record<string, string | number>) => say(language, key, values) }), [props.shop, language])
  useEffect(() => {
    document.documentElement.lang = language
    rememberLanguage(language)
  }, [language])
  return (
    <Demo.Provider value={context}>
      <header className="demo-header">
        <Link to="/" className="demo-brand">
          {context.say("shop")}
        </Link>
        <nav>
          <Link to="/">{context.say("products")}</Link> <Link to="/cart">{context.say("cart")}</Link>
        </nav>
        <label>
          {context.say("language")}{" "}
          <select value={language} onChange={(event) => setLanguage(event.target.value as Language)} data-testid="language">
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {code.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main className="demo-main">
        <Page />
      </main>
    </Demo.Provider>
  )
}

const root = createRoot(document.getElementById("root")!)
loadShop().then(
  (shop) => root.render(<App shop={shop} />),
  (error: Error) => root.render(<p role="alert">The storefront could not reach its server: {error.message}</p>),
)
