/**
 * How the demo storefront reaches the store: @medusajs/js-sdk for the catalogue and the cart, and
 * the kit's client (over the same sdk) for the quote, the payment and the order. The store's URL
 * and publishable key come from the static server (/config.json), which `npm start` fills in.
 */
import Medusa from "@medusajs/js-sdk"
import { createInstalmentsClient, createQuoteClient, type InstalmentsClient } from "medusa-instalments/storefront"

export interface DemoConfig {
  storeUrl: string
  publishableKey: string
  regionId: string
}

export interface Shop {
  config: DemoConfig
  sdk: Medusa
  client: InstalmentsClient
  /** The badge's client: only the quote call. */
  quotes: ReturnType<typeof createQuoteClient>
}

export async function loadShop(): Promise<Shop> {
  const response = await fetch("/config.json")
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`)
  const config = (await response.json()) as DemoConfig
  const sdk = new Medusa({ baseUrl: config.storeUrl, publishableKey: config.publishableKey })
  return { config, sdk, client: createInstalmentsClient({ sdk }), quotes: createQuoteClient({ sdk }) }
}

const CART_KEY = "demo-store:cart"

/** The shopper's cart id, kept in the browser (Alma's return page needs it too). */
export const cartStore = {
  get: (): string | null => window.localStorage.getItem(CART_KEY),
  set: (id: string) => window.localStorage.setItem(CART_KEY, id),
  clear: () => window.localStorage.removeItem(CART_KEY),
}

/**
 * The shopper's cart id: the kept one while it is still a cart, else a new cart in the demo's
 * region. A kept id can be an order by now (placed from another tab, or by Alma's IPN while the
 * shopper was away) or a cart the store removed: Medusa refuses to add to either.
 */
export async function ensureCart(shop: Shop): Promise<string> {
  const existing = cartStore.get()
  if (existing) {
    const stillACart = await shop.sdk.store.cart.retrieve(existing, { fields: "id,completed_at" }).then(
      ({ cart }) => !cart.completed_at,
      () => false,
    )
    if (stillACart) return existing
    cartStore.clear()
  }
  const { cart } = await shop.sdk.store.cart.create({ region_id: shop.config.regionId })
  cartStore.set(cart.id)
  return cart.id
}

/** Kept across a page load (Alma's page in between): what the confirmation shows. */
export interface Confirmation {
  orderId: string
  displayId?: number
  currencyCode: string
  schedule: import("medusa-instalments/storefront").ScheduleView
  card?: { brand: string; last4: string }
}

export const confirmations = {
  save: (confirmation: Confirmation) => window.sessionStorage.setItem(`demo-store:order:${confirmation.orderId}`, JSON.stringify(confirmation)),
  get: (orderId: string): Confirmation | null => JSON.parse(window.sessionStorage.getItem(`demo-store:order:${orderId}`) ?? "null"),
}

/** The plan chosen before leaving for Alma's page, for the confirmation after the return. */
type AlmaChoice = Pick<Confirmation, "schedule" | "currencyCode">

export const almaChoice = {
  save: (choice: AlmaChoice) => window.sessionStorage.setItem("demo-store:alma-plan", JSON.stringify(choice)),
  get: (): AlmaChoice | null => JSON.parse(window.sessionStorage.getItem("demo-store:alma-plan") ?? "null"),
}
