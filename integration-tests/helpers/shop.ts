/**
 * A storefront and an admin for integration tests: the demo store seeded, a cart through the
 * Store API (address in France, standard shipping), an instalments payment session, the order
 * placed, and the admin's view of its plan. Only the public HTTP APIs are used, as a real
 * storefront and the admin dashboard would.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import seedDemoStore from "../../demo/seed"
import { fromMajor } from "../../src/domain/money"
import type InstalmentsModuleService from "../../src/modules/instalments/service"
import type { SandboxProcessor } from "../../src/processors"
import { useFileEnv } from "./env"
import { settleSubscribersAfterEach } from "./subscribers"
import { waitFor } from "./wait"

export const INSTALMENTS_PROVIDER = "pp_instalments_instalments"
export const SHOPPER = { phone: "+33 6 12 34 56 78", locale: "fr" }

export type Api = {
  get: (url: string, config?: any) => Promise<any>
  post: (url: string, body?: any, config?: any) => Promise<any>
  delete: (url: string, config?: any) => Promise<any>
}

export interface Shop {
  storeHeaders: Record<string, string>
  adminHeaders: Record<string, string>
  regionId: string
  /** What cartWith looked up once per spec file: variant ids by product handle, shipping option ids by country. */
  known: { variants: Record<string, string>; shippingOptions: Record<string, string> }
  /** The app's ready carts (`openShop`), and how many of each the running test (before the tests: the file's hooks) took. */
  carts: { ready: Record<string, string[]>; taken: Record<string, number>; takenBeforeTests?: Record<string, number> }
}

/** The shopper's e-mail on a cart unless a test gives another. */
export const SHOPPER_EMAIL = "lea.martin@example.com"

/**
 * How many carts of each product (by handle) an app makes ready when it seeds its store: in France,
 * with the standard shipping and SHOPPER_EMAIL, as `cartWith` makes them.
 */
export type ReadyCarts = Record<string, number>

type OpenedShop = Omit<Shop, "known" | "carts"> & { readyCarts: Record<string, string[]> }

/** The store each app was seeded with, its admin's token and its ready carts, by the app's container. */
const openedShops = new WeakMap<MedusaContainer, Promise<OpenedShop>>()

/**
 * Seeds the demo store (idempotent), logs the admin in and makes `readyCarts`, once per app: a
 * folder's entry does it before the database template its files start from (helpers/shared-app.ts),
 * so each file finds the same store, the same admin (a signed token, whose user is in that
 * template) and the same carts, as made. The app's first call decides the ready carts.
 *
 * Why ready carts: a cart with a product and its shipping method costs Medusa about 0.5 s (two
 * workflows that price, tax and refresh the cart), most of a checkout's time, and nearly every HTTP
 * test pays with a new cart. The tests start from a copy of the database made after these carts, so
 * each test finds them unpaid, and `cartWith` hands them out before it makes new ones. Medusa keeps
 * a cart's completion only in the database (the cart's order link, which each copy undoes), not in
 * the app's memory: its workflow runs under a new id each time. So the same cart completed again in
 * the next test's copy is a new checkout. The ready carts' guest
 * customer (SHOPPER_EMAIL) is then in every test's store from its start: a test in which a customer
 * registers before a guest checkout with the same e-mail types another one.
 */
export async function openShop(api: Api, container: MedusaContainer, readyCarts: ReadyCarts = {}): Promise<Shop> {
  let opened = openedShops.get(container)
  if (!opened) {
    opened = seedAndLogIn(api, container, readyCarts)
    openedShops.set(container, opened)
    opened.catch(() => openedShops.delete(container))
  }
  const { readyCarts: ready, ...shop } = await opened
  return { ...shop, known: { variants: {}, shippingOptions: {} }, carts: { ready, taken: {} } }
}

async function seedAndLogIn(api: Api, container: MedusaContainer, readyCarts: ReadyCarts): Promise<OpenedShop> {
  const store = await seedDemoStore({ container, args: [] } as any)
  const { data } = await api.post("/auth/user/emailpass", { email: store.admin_email, password: store.admin_password })
  const opened: OpenedShop = {
    storeHeaders: { "x-publishable-api-key": store.publishable_key },
    adminHeaders: { authorization: `Bearer ${data.token}` },
    regionId: store.region_id,
    readyCarts: {},
  }
  const maker: Shop = { ...opened, known: { variants: {}, shippingOptions: {} }, carts: { ready: {}, taken: {} } }
  for (const [handle, count] of Object.entries(readyCarts)) {
    opened.readyCarts[handle] = []
    for (let made = 0; made < count; made++) opened.readyCarts[handle].push(await cartWith(api, maker, handle))
  }
  return opened
}

/**
 * The next ready cart of `handle` this test has not taken. None for a signed-in customer: the ready
 * carts are guests', and Medusa gives a cart the customer signed in when it is made.
 */
function takeReadyCart(shop: Shop, handle: string): string | undefined {
  if (shop.storeHeaders.authorization) return undefined
  const taken = shop.carts.taken[handle] ?? 0
  const ready = shop.carts.ready[handle]?.[taken]
  if (ready) shop.carts.taken[handle] = taken + 1
  return ready
}

/**
 * Each test may take the ready carts again (its database is a copy made before it), except those
 * the spec file's `beforeAll` hooks took (what they made with them is in that copy).
 */
function giveBackReadyCarts(shop: Shop) {
  shop.carts.takenBeforeTests ??= { ...shop.carts.taken }
  shop.carts.taken = { ...shop.carts.takenBeforeTests }
}

/**
 * Turns the sandbox test clock on for this spec file's store (the module option `test_clock`, which
 * medusa-config.ts reads from INSTALMENTS_TEST_CLOCK). The runner loads medusa-config.ts before it
 * applies its own `env` option, so the variable is set here, when the suite is declared, and put
 * back after it.
 */
export function useTestClock() {
  useFileEnv({ INSTALMENTS_TEST_CLOCK: "true" })
}

/**
 * The demo shop for a suite, on the sandbox test clock (`useTestClock`): the store is seeded and the
 * admin logged in once, before the runner snapshots the database, and the clock is set to `day`
 * before each test (directly: the admin route only moves it forward).
 *
 * medusaIntegrationTestRunner snapshots the database at the first test, after the suite's
 * `beforeAll` hooks, and restores it from that snapshot before every later test: so each test
 * starts from the seeded store, as it was before the first test ran, without seeding it again. The
 * admin's token stays valid (a signed JWT; its user and auth identity are in the snapshot). The
 * sandbox processor's records and the store's test clock are in the same database (restored with
 * it); the clock is still set before each test, directly on the app's copy (it may move back), and
 * written to the database at the app's next request (src/modules/instalments/store-clock.ts). Each
 * test ends once the subscribers it started are done (helpers/subscribers.ts), so none of them meets
 * the next test's reset database.
 */
export function useShop(api: Api, getContainer: () => MedusaContainer, day: Date): Shop {
  useTestClock()
  settleSubscribersAfterEach(getContainer)
  const shop = {} as Shop
  beforeAll(async () => {
    Object.assign(shop, await openShop(api, getContainer()))
  })
  beforeEach(() => {
    giveBackReadyCarts(shop)
    instalmentsOf(getContainer()).clock.set(day)
  })
  return shop
}

export function instalmentsOf(container: MedusaContainer): InstalmentsModuleService {
  return container.resolve("instalments")
}

/**
 * A cart with one product, a shipping address in `country` (France by default), the standard
 * shipping method and the shopper's `email`: one of the app's ready carts (`openShop`) while the
 * test has not taken them all, else a new one. The product's variant and the shipping option are
 * looked up once per spec file (they are the seed's, the same in every test): a new cart is then
 * three requests instead of five.
 */
export async function cartWith(api: Api, shop: Shop, handle: string, country = "fr", email = SHOPPER_EMAIL): Promise<string> {
  const ready = country === "fr" && email === SHOPPER_EMAIL ? takeReadyCart(shop, handle) : undefined
  if (ready) return ready
  const headers = shop.storeHeaders
  const { known } = shop
  known.variants[handle] ??= await api
    .get(`/store/products?handle=${handle}&fields=*variants`, { headers })
    .then(({ data }: any) => data.products[0].variants[0].id)
  const { data } = await api.post(
    "/store/carts",
    {
      region_id: shop.regionId,
      email,
      items: [{ variant_id: known.variants[handle], quantity: 1 }],
      shipping_address: { country_code: country, first_name: "Léa", last_name: "Martin", address_1: "1 rue de la Paix", city: "Paris", postal_code: "75002" },
    },
    { headers },
  )
  const cartId = data.cart.id
  known.shippingOptions[country] ??= await api
    .get(`/store/shipping-options?cart_id=${cartId}`, { headers })
    .then(({ data }: any) => data.shipping_options[0].id)
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: known.shippingOptions[country] }, { headers })
  return cartId
}

/** The cart's payment collection and a session with `provider` (the instalments one by default). */
export async function startSession(api: Api, shop: Shop, cartId: string, data: Record<string, unknown>, provider = INSTALMENTS_PROVIDER) {
  const headers = shop.storeHeaders
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
  return api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: provider, data }, { headers })
}

/** Cart (with the shopper's `email`) → session with the plan and card → complete; the placed order. */
export async function placeOrder(api: Api, shop: Shop, handle: string, data: Record<string, unknown>, email = SHOPPER_EMAIL) {
  const cartId = await cartWith(api, shop, handle, "fr", email)
  await startSession(api, shop, cartId, { ...SHOPPER, ...data })
  const res = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: shop.storeHeaders })
  if (res.data.type !== "order") throw new Error(`cart ${cartId} did not complete: ${JSON.stringify(res.data)}`)
  return { cartId, order: res.data.order }
}

/**
 * What several tests of a spec file start with (an order, its plan), made once, in the file's
 * `beforeAll`, instead of at the start of each test. It is then in the database snapshot every test
 * starts from (the runner restores it before each test), so each test finds it exactly as if it
 * had made it, and the file spares a cart, a session and a checkout per test (about 1.5 s).
 * `make` runs a minute before `day` on the test clock (the tests' clock starts at `day`), so what a
 * test does comes after it, as when the test made it; the snapshot waits for the subscribers it
 * started (settledSnapshot, helpers/shared-app.ts). It is in every test's database, those that do
 * not use it included: make only what the file's tests all start with. The answer is a function
 * for the tests: each call gives its own copy of what `make` answered. Must be called in the suite
 * after `useShop`, whose `beforeAll` seeds the shop `make` uses.
 */
export function madeBeforeAll<T>(getContainer: () => MedusaContainer, day: Date, make: () => Promise<T>): () => Promise<T> {
  let made: { value: T } | null = null
  beforeAll(async () => {
    instalmentsOf(getContainer()).clock.set(new Date(day.getTime() - 60_000))
    made = { value: await make() }
  })
  return async () => {
    if (!made) throw new Error("madeBeforeAll: the file's beforeAll did not run or failed")
    return structuredClone(made.value)
  }
}

/** The admin's view of an order's plan, once the order.placed subscriber has attached it. */
export async function planOfOrder(api: Api, shop: Shop, orderId: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const { data } = await api.get(`/admin/instalment-plans?order_id=${orderId}`, { headers: shop.adminHeaders })
    if (data.instalment_plans.length === 1) return planById(api, shop, data.instalment_plans[0].id)
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`no plan attached to order ${orderId}`)
}

export async function planById(api: Api, shop: Shop, planId: string) {
  const { data } = await api.get(`/admin/instalment-plans/${planId}`, { headers: shop.adminHeaders })
  return data.instalment_plan
}

/** Medusa's own record of the order's money: its summary and its one payment. */
export async function medusaOrder(api: Api, shop: Shop, orderId: string) {
  const fields = "id,status,summary,*payment_collections,*payment_collections.payments,*payment_collections.payments.refunds,*payment_collections.payments.captures"
  const { data } = await api.get(`/admin/orders/${orderId}?fields=${encodeURIComponent(fields)}`, { headers: shop.adminHeaders })
  return data.order
}

/** What the sandbox processor recorded (as a processor's dashboard lists charges and refunds). */
export async function sandboxRecords(container: MedusaContainer, prefix: "charge:" | "refund:"): Promise<any[]> {
  const store = (instalmentsOf(container).processor as SandboxProcessor).store
  return (await store.list<any>(prefix)).map(([, record]) => record)
}

/** Succeeded sandbox charges of a plan after its checkout (instalments 2 and on), in cents. */
export async function laterCharges(container: MedusaContainer, planId: string): Promise<number[]> {
  return (await sandboxRecords(container, "charge:"))
    .filter((c) => c.metadata?.plan_id === planId && c.status === "succeeded")
    .map((c) => c.amount.cents)
}

export function paymentModuleOf(container: MedusaContainer) {
  return container.resolve(Modules.PAYMENT)
}

/** Cents from Medusa's major-unit amounts (exact decimal parsing, no floating point). */
export function cents(major: number | string, currency = "eur"): number {
  const parsed = fromMajor(String(major), currency)
  if (!parsed.ok) throw new Error(`not an amount: ${major}`)
  return parsed.value.cents
}

export { waitFor } from "./wait"

type Email = { template: string; status: string; data: Record<string, any> }

/**
 * The plan's e-mails, oldest first, once `done` holds and none is still pending (subscribers send
 * them after the response; an e-mail is `pending` until the provider took it).
 */
export async function planEmails(container: MedusaContainer, planId: string, done: (emails: Email[]) => boolean): Promise<Email[]> {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const list = () => notifications.listNotifications({ resource_id: planId }, { order: { created_at: "ASC" } }) as Promise<Email[]>
  return waitFor(list, (emails) => done(emails) && emails.every((e) => e.status !== "pending"))
}

/**
 * The plan's e-mails with `template`, once one is sent. A test whose last step triggers an e-mail
 * waits for it here, so that the app is not shut down while it is being sent (a spec's shutdown
 * in the middle of one is the suspect of Medusa's runner hanging 240 s in clean-clone runs).
 */
export async function emailsSent(container: MedusaContainer, planId: string, template: string): Promise<Email[]> {
  const emails = await planEmails(container, planId, (all) => all.some((e) => e.template === template))
  return emails.filter((e) => e.template === template)
}

/**
 * What a payment session shows to anyone holding the cart id must not hold: the shopper's phone
 * and e-mail, their addresses, the processor's card reference, a card token. Answers what it
 * found (an empty list when nothing), so a failing assertion says what leaked.
 */
export function privateLeaks(data: unknown): string[] {
  const text = JSON.stringify(data ?? null)
  const checks: [string, RegExp][] = [
    ["phone", /"phone"|6 ?12 ?34 ?56 ?78|6 ?98 ?76 ?54 ?32/],
    ["e-mail", /"email"|@example\.com/],
    ["address", /"(shipping|billing)_address"|rue de la Paix/],
    ["card reference", /"(card_)?reference"|card_[a-z2-9]{20}/],
    ["card token", /"card_token"|tok_[a-z_]+/],
    ["customer", /"customer_id"|cus_[0-9A-Z]+/],
  ]
  return checks.flatMap(([name, pattern]) => {
    const found = text.match(pattern)
    return found ? [`${name}: ${found[0]}`] : []
  })
}

/** A payment session's `data` as Postgres stores it (what every reader of the session gets). */
export async function storedSessionData(container: MedusaContainer, sessionId: string): Promise<Record<string, any> | undefined> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const { rows } = await knex.raw("select data from payment_session where id = ?", [sessionId])
  return rows[0]?.data
}

/** The `data` of the payment Medusa made from a session once authorised. */
export async function storedPaymentData(container: MedusaContainer, sessionId: string): Promise<Record<string, any> | undefined> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const { rows } = await knex.raw("select data from payment where payment_session_id = ?", [sessionId])
  return rows[0]?.data
}

/** The cart as the Store API shows it to anyone holding its id, with its payment sessions' data. */
export async function cartPaymentSessions(api: Api, shop: Shop, cartId: string): Promise<any[]> {
  const fields = "id,*payment_collection,*payment_collection.payment_sessions"
  const { data } = await api.get(`/store/carts/${cartId}?fields=${encodeURIComponent(fields)}`, { headers: shop.storeHeaders })
  return data.cart.payment_collection?.payment_sessions ?? []
}
