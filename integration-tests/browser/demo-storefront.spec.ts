/**
 * The demo storefront (demo/storefront, what `npm start` serves) in real headless Chromium, driven
 * by playwright-core: the demo store on Postgres without its admin dashboard, the storefront built
 * and served by the same code as `npm start` (demo/storefront/build.ts, serve.ts), and Alma's fake
 * (test-support/fake-alma) on HTTP, as `npm run fake-alma` serves it. A shopper clicks through the
 * shop in French (German for the refusal); the plans are then read through the Admin API.
 * Each test saves a screenshot under .screenshots/browser/ (git-ignored).
 */
import fs from "node:fs"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"
import { buildStorefront } from "../../demo/storefront/build"
import { startStorefrontServer, type StorefrontServer } from "../../demo/storefront/serve"
import { badgeText, formatMoney } from "../../src/storefront/badge-plan"
import { startFakeAlmaServer } from "../../test-support/fake-alma/server"
import { findChromium, SHOTS } from "./support/chromium"
import { freePort } from "../../test-support/free-port"
import { startDemoServer, type DemoServer } from "./support/demo-server"
import { adminApi, planOfOrder, storeApi } from "./support/storefront"

jest.setTimeout(600_000)

const ALMA_KEY = "sk_test_browser_fake_alma"

let server: DemoServer
let shop: StorefrontServer
let alma: Awaited<ReturnType<typeof startFakeAlmaServer>>
let browser: Browser
let admin: Awaited<ReturnType<typeof adminApi>>
let buildDir: string
let page: Page
/** What the page wrote to its console as errors, in the running test. */
let consoleErrors: string[] = []

/** The same text whatever spaces Intl put in it (Node's and Chromium's may differ). */
const plain = (text: string | null) => (text ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim()

async function shot(name: string) {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
}

/** The plan of the order on the page's address, with its instalments, from the Admin API. */
async function planOfPage() {
  const orderId = decodeURIComponent(new URL(page.url()).pathname.split("/")[2])
  const { id } = await planOfOrder(admin, orderId)
  return (await admin.get(`/admin/instalment-plans/${id}`)).instalment_plan
}

/** "Ajouter au panier" on a product page, then the cart page. */
async function addToCart() {
  await page.getByRole("button", { name: "Ajouter au panier" }).click()
  // Once seen to time out in a full run (not alone): say what the page and the store said meanwhile.
  await page.waitForURL(`${shop.url}/cart`).catch((error) => {
    throw new Error(`${error.message}\nthe page's console errors:\n${consoleErrors.join("\n")}\nthe store's output, last lines:\n${server.log().slice(-3000)}`)
  })
}

/** Product page → cart → checkout with the demo shopper's address: the payment step. */
async function toPayment(handle: string, quantity = 1) {
  await page.goto(`${shop.url}/products/${handle}`)
  if (quantity !== 1) await page.getByLabel("Quantité").fill(String(quantity))
  await addToCart()
  await page.getByRole("link", { name: "Commander" }).click()
  await page.getByRole("button", { name: "Continuer vers le paiement" }).click()
  await page.locator(".mi-picker").waitFor()
}

async function pay(plan: string, card: string) {
  await page.getByRole("radio", { name: new RegExp(plan) }).check()
  await page.locator(".mi-card-form select").selectOption(card)
  await page.locator(".mi-card-form button[type=submit]").click()
}

beforeAll(async () => {
  const chromiumToLaunch = await findChromium()
  const [storefrontPort, almaPort] = await Promise.all([freePort(), freePort()])
  const storefrontUrl = `http://localhost:${storefrontPort}`
  alma = await startFakeAlmaServer({ port: almaPort, apiKey: ALMA_KEY })
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "demo-storefront-"))
  const [demo] = await Promise.all([
    startDemoServer({
      admin: false,
      env: {
        // What scripts/demo.mjs sets for the storefront, on this test's ports.
        STORE_CORS: storefrontUrl,
        ALMA_RETURN_URL: `${storefrontUrl}/checkout/alma-return`,
        ALMA_API_KEY: ALMA_KEY,
        ALMA_API_ROOT: alma.apiRoot,
      },
    }),
    buildStorefront(buildDir, { force: true }),
  ])
  server = demo
  admin = await adminApi(server)
  shop = await startStorefrontServer({
    dir: buildDir,
    port: storefrontPort,
    config: { storeUrl: server.base, publishableKey: server.store.publishable_key, regionId: server.store.region_id },
    admin: { email: server.store.admin_email, password: server.store.admin_password },
  })
  browser = await chromium.launch({ executablePath: chromiumToLaunch.executablePath, args: ["--no-sandbox"] })
})

beforeEach(async () => {
  // A new shopper each time: no cart, no language kept from another test.
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 }, locale: "fr-FR", timezoneId: "Europe/Paris" })
  page = await context.newPage()
  consoleErrors = []
  page.on("console", (message) => void (message.type() === "error" && consoleErrors.push(message.text())))
})

afterEach(async () => {
  await page?.context().close()
})

afterAll(async () => {
  await browser?.close()
  await shop?.close()
  await server?.stop()
  await alma?.close()
  if (buildDir) fs.rmSync(buildDir, { recursive: true, force: true })
})

it("the static server gives the page its store, its files, index.html for a page, and nothing outside its folder", async () => {
  const get = (route: string) => fetch(`${shop.url}${route}`)
  expect(await (await get("/config.json")).json()).toEqual({
    storeUrl: server.base,
    publishableKey: server.store.publishable_key,
    regionId: server.store.region_id,
  })
  const html = await get("/checkout/alma-return?pid=x")
  expect(html.headers.get("content-type")).toContain("text/html")
  expect(await html.text()).toContain('<script type="module" src="/main.js">')
  expect((await get("/main.js")).headers.get("content-type")).toContain("text/javascript")
  expect((await get("/missing.js")).status).toBe(404)
  // fetch would tidy the dots away: a raw request sends them as they are.
  const outside = await new Promise<number>((resolve, reject) =>
    http.get({ host: "127.0.0.1", port: shop.port, path: "/../../package.json" }, (res) => resolve(res.statusCode ?? 0)).on("error", reject),
  )
  expect(outside).toBe(404)
  expect((await fetch(`${shop.url}/config.json`, { method: "POST" })).status).toBe(405)
  expect((await get("/demo/self-service-link")).status).toBe(400)
})

/** Waits until the badge reads `text` (it asks the store again after each change). */
async function badgeReads(text: string) {
  const normalise = (wanted: string) => (document.querySelector(".mi-badge")?.textContent ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim() === wanted
  await page.waitForFunction(normalise, text, { timeout: 30_000 }).catch(() => undefined)
  expect(plain(await page.locator(".mi-badge").textContent({ timeout: 1000 }).catch(() => null))).toBe(text)
}

it("the badge follows the quantity on the product page and disappears above the maximum", async () => {
  const expected = async (amount: string) => {
    const res = await fetch(`${server.base}/store/instalments/quote?amount=${amount}&currency_code=eur&country_code=fr&locale=fr`, {
      headers: { "x-publishable-api-key": server.store.publishable_key },
    })
    return plain(badgeText(await res.json(), "fr"))
  }
  await page.goto(`${shop.url}/products/office-chair`)
  await badgeReads(await expected("249.00"))
  await page.getByLabel("Quantité").fill("2")
  await badgeReads(await expected("498.00"))
  await shot("storefront-badge-2")
  // 17 × 249 € = 4,233 € is above the default 4,000 € maximum: no plan, no badge.
  await page.getByLabel("Quantité").fill("17")
  await page.locator(".mi-badge").waitFor({ state: "detached" })
  await shot("storefront-badge-17")
  await page.getByLabel("Quantité").fill("3")
  await badgeReads(await expected("747.00"))
})

it("p3x with a test card ends on a confirmation whose schedule is the admin's plan to the cent", async () => {
  await toPayment("office-chair")
  // Nothing is pre-selected.
  expect(await page.locator(".mi-picker input:checked").count()).toBe(0)
  await shot("storefront-checkout")
  await pay("Payer en 3 fois", "tok_visa")
  await page.waitForURL(/\/orders\//)
  await page.locator(".mi-confirmation").waitFor()
  const plan = await planOfPage()
  expect(plan.plan_code).toBe("p3x")
  const lines = (await page.locator(".mi-confirmation .mi-schedule li").allTextContents()).map(plain)
  expect(lines).toHaveLength(3)
  plan.instalments.forEach((instalment: { amount: number; customer_fee: number }, i: number) => {
    expect(lines[i]).toContain(plain(formatMoney(instalment.amount + instalment.customer_fee, "eur", "fr")))
  })
  expect(plain(await page.locator(".mi-confirmation .mi-fees").textContent())).toContain(plain(formatMoney(plan.total, "eur", "fr")))
  // The self-service link opens the plan's page.
  const manage = page.locator("a.mi-manage")
  await manage.waitFor()
  expect(await manage.getAttribute("href")).toContain(`/instalments/plans/${plan.id}?token=`)
  await shot("storefront-confirmation-p3x")
  await manage.click()
  await page.waitForURL(new RegExp(`/instalments/plans/${plan.id}`))
  await shot("storefront-self-service")
})

it("a prepaid card is refused with the reason in the shopper's language, and the cart stays payable", async () => {
  await page.goto(shop.url)
  await page.getByTestId("language").selectOption("de")
  await page.goto(`${shop.url}/products/office-chair`)
  await page.getByRole("button", { name: "In den Warenkorb" }).click()
  await page.waitForURL(`${shop.url}/cart`)
  await page.getByRole("link", { name: "Zur Kasse" }).click()
  await page.getByRole("button", { name: "Weiter zur Zahlung" }).click()
  await page.locator(".mi-picker").waitFor()
  await page.locator(".mi-plan").first().locator("input").check()
  await page.locator(".mi-card-form select").selectOption("tok_prepaid")
  await page.locator(".mi-card-form button[type=submit]").click()
  const refusal = page.locator(".mi-refusal")
  await refusal.waitFor()
  expect(plain(await refusal.textContent())).toBe(
    "Prepaid-Karten werden für Ratenzahlungen nicht akzeptiert. Bitte verwenden Sie eine andere Bankkarte oder wählen Sie eine andere Zahlungsart.",
  )
  await page.getByText("Sie können oben eine andere Karte wählen oder mit Alma bezahlen.").waitFor()
  await shot("storefront-refused-prepaid")
  // Still payable: another card places the order.
  await page.locator(".mi-card-form select").selectOption("tok_visa")
  await page.locator(".mi-card-form button[type=submit]").click()
  await page.waitForURL(/\/orders\//)
  await page.locator(".mi-confirmation").waitFor()
  expect((await planOfPage()).status).toBeTruthy()
})

it("pays 30 days later (d30)", async () => {
  await toPayment("office-chair")
  await pay("30 jours", "tok_mastercard")
  await page.waitForURL(/\/orders\//)
  await page.locator(".mi-confirmation").waitFor()
  const plan = await planOfPage()
  expect(plan.plan_code).toBe("d30")
  expect(plan.instalments).toHaveLength(1)
  const lines = (await page.locator(".mi-confirmation .mi-schedule li").allTextContents()).map(plain)
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain(plain(formatMoney(plan.instalments[0].amount, "eur", "fr")))
  await shot("storefront-confirmation-d30")
})

it("goes to Alma's page and comes back to an order", async () => {
  await toPayment("office-chair")
  await page.getByRole("radio", { name: "Alma", exact: true }).check()
  await page.getByRole("radio", { name: /Payer en 3 fois/ }).check()
  await shot("storefront-alma-picker")
  await page.getByRole("button", { name: "Continuer sur la page d'Alma" }).click()
  await page.waitForURL(`${alma.apiRoot}/pay/**`)
  await page.getByRole("button", { name: "Accept and pay" }).click()
  await page.waitForURL(/\/orders\//, { timeout: 60_000 })
  await page.locator(".mi-confirmation").waitFor()
  const plan = await planOfPage()
  expect(plan.processor).toBe("alma")
  await shot("storefront-confirmation-alma")
})

it("Alma's refusal brings the shopper back to say so, with the way back to the checkout", async () => {
  await toPayment("office-chair")
  await page.getByRole("radio", { name: "Alma", exact: true }).check()
  await page.getByRole("radio", { name: /Payer en 4 fois/ }).check()
  await page.getByRole("button", { name: "Continuer sur la page d'Alma" }).click()
  await page.waitForURL(`${alma.apiRoot}/pay/**`)
  await page.getByRole("button", { name: /Refuse/ }).click()
  await page.getByText("Alma n'a pas accepté le paiement.").waitFor()
  await shot("storefront-alma-refused")
  await page.getByRole("link", { name: "Retour au paiement" }).click()
  await page.locator(".mi-picker").waitFor()
})

it("an address outside the instalment countries shows every plan's reason", async () => {
  await page.goto(`${shop.url}/products/office-chair`)
  await addToCart()
  await page.getByRole("link", { name: "Commander" }).click()
  await page.getByLabel("Pays").selectOption("nl")
  await page.getByRole("button", { name: "Continuer vers le paiement" }).click()
  await page.locator(".mi-picker").waitFor()
  expect(await page.locator(".mi-picker input:enabled").count()).toBe(0)
  expect(await page.locator(".mi-reasons li").first().textContent()).toContain("Le paiement en plusieurs fois est réservé")
  await page.locator(".mi-still-possible").waitFor()
  await shot("storefront-country-nl")
})

it("completes the plan picker with the keyboard only", async () => {
  await toPayment("office-chair")
  // Tab into the picker: nothing is checked, so the first possible plan takes the focus.
  let focused: { name: string; value: string } | null = null
  for (let presses = 0; presses < 30 && !focused?.name.startsWith("mi-plan"); presses++) {
    await page.keyboard.press("Tab")
    focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null
      return el ? { name: el.name ?? "", value: el.value ?? "" } : null
    })
  }
  expect(focused?.name).toMatch(/^mi-plan/)
  expect(await page.locator(".mi-picker input:checked").count()).toBe(0)
  // Space chooses it; an arrow key moves to the next plan and chooses it.
  await page.keyboard.press("Space")
  await page.keyboard.press("ArrowDown")
  const chosen = await page.locator(".mi-picker input:checked").getAttribute("value")
  expect(chosen).toBe("p3x")
  await shot("storefront-keyboard")
  // On to the card form (card, phone, button) and Enter.
  await page.keyboard.press("Tab")
  await page.keyboard.press("Tab")
  await page.keyboard.press("Tab")
  expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("submit")
  await page.keyboard.press("Enter")
  await page.waitForURL(/\/orders\//)
  expect((await planOfPage()).plan_code).toBe("p3x")
})

it("says so when the cart refuses the product, and starts a new cart when the kept one became an order", async () => {
  // More than the 1,000 chairs in stock: Medusa refuses the line.
  await page.goto(`${shop.url}/products/office-chair`)
  await page.getByLabel("Quantité").fill("5000")
  await page.getByRole("button", { name: "Ajouter au panier" }).click()
  const alert = page.getByRole("alert")
  await alert.waitFor()
  expect(plain(await alert.textContent())).toBe("Ce produit n'a pas pu être ajouté au panier. Veuillez réessayer, ou choisir une quantité plus petite.")
  expect(consoleErrors.join("\n")).toContain("The cart refused the product")
  expect(page.url()).toBe(`${shop.url}/products/office-chair`)
  await shot("storefront-not-added")
  // The button works again, on the cart the first try made.
  await page.getByLabel("Quantité").fill("1")
  await addToCart()
  const kept = await page.evaluate(() => window.localStorage.getItem("demo-store:cart"))
  // That cart becomes an order elsewhere (another tab, Alma's IPN): the next product goes in a new cart.
  await completeThroughTheStoreApi(kept as string)
  await page.goto(`${shop.url}/products/desk-lamp`)
  await addToCart()
  const fresh = await page.evaluate(() => window.localStorage.getItem("demo-store:cart"))
  expect(fresh).not.toBe(kept)
  const { cart } = await storeApi(server).get(`/store/carts/${fresh}`)
  expect(cart.items.map((item: any) => [item.product_handle, item.quantity])).toEqual([["desk-lamp", 1]])
})

/** What a second tab does with the shopper's cart: the address, the shipping, a p3x session with a test card, the order. */
async function completeThroughTheStoreApi(cartId: string) {
  const store = storeApi(server)
  await store.post(`/store/carts/${cartId}`, {
    email: "lea.martin@example.com",
    shipping_address: { country_code: "fr", first_name: "Léa", last_name: "Martin", address_1: "1 rue de la Paix", city: "Paris", postal_code: "75002" },
  })
  const { shipping_options } = await store.get(`/store/shipping-options?cart_id=${cartId}`)
  await store.post(`/store/carts/${cartId}/shipping-methods`, { option_id: shipping_options[0].id })
  const { payment_collection } = await store.post("/store/payment-collections", { cart_id: cartId })
  await store.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    provider_id: "pp_instalments_instalments",
    data: { plan: "p3x", card_token: "tok_visa", phone: "+33 6 12 34 56 78", locale: "fr" },
  })
  expect((await store.post(`/store/carts/${cartId}/complete`)).type).toBe("order")
}
