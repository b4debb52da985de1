/**
 * How the demo storefront reaches the store: @medusajs/js-sdk for the catalogue and the cart, and
 * the kit's client (over the same sdk) for the quote, the payment and the order. The store's URL
 * and publishable key come from the static server (/config.json), which `npm start` fills in.
 */
import Medusa from "@medusajs/js-sdk"
import type { HttpTypes } from "@medusajs/types"
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
 * The kept cart with `fields` while it is still a cart, else null, and its id forgotten: a kept id
 * can be an order by now (placed from another tab, or by Alma's IPN while the shopper was away) or
 * a cart the store removed, and Medusa refuses to add to either. `fields` must include
 * completed_at (Medusa's default fields do).
 */
export async function keptCart(shop: Shop, fields: string): Promise<HttpTypes.StoreCart | null> {
  const id = cartStore.get()
  if (!id) return null
  const cart = await shop.sdk.store.cart.retrieve(id, { fields }).then(
    (answer) => answer.cart,
    () => null,
  )
  if (cart && !cart.completed_at) return cart
  cartStore.clear()
  return null
}

/** The shopper's cart id: the kept cart's while it is still a cart, else a new cart in the demo's region. */
export async function ensureCart(shop: Shop): Promise<string> {
  const kept = await keptCart(shop, "id,completed_at")
  if (kept) return kept.id
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
