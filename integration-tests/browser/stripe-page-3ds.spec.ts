/**
 * 3-D Secure from the server-rendered self-service page, in real headless Chromium: the demo store
 * with Stripe as its card processor (the stateful fake Stripe, test-support/fake-stripe, on
 * loopback) and `stripe.publishable_key`. A p3x order paid with `pm_card_authenticationRequired`
 * (3-D Secure at checkout, passed), then its second instalment declined `authentication_required`
 * off-session. The shopper opens the e-mail's link in French and clicks "Payer avec la confirmation
 * de votre banque": the page's own script (allowed by its CSP nonce) posts the payment, Stripe.js
 * shows the bank's challenge, the script sends the payment again and reloads the page, which shows
 * the instalment paid; the plan's ledger equals the fake's charges.
 *
 * No network: https://js.stripe.com/v3/ is a small stand-in served by `page.route`, whose
 * `handleNextAction` does what the real one does once the shopper passed the challenge: Stripe
 * confirms the intent (here the fake's `authenticate`, reached through a routed call to
 * https://api.stripe.com, which the page's CSP must allow). Screenshots under .screenshots/browser/.
 */
import fs from "node:fs"
import path from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"
import { startFakeStripe, type FakeStripe } from "../../test-support/fake-stripe"
import { findChromium, SHOTS } from "./support/chromium"
import { freePort } from "../../test-support/free-port"
import { startDemoServer, type DemoServer } from "./support/demo-server"
import { adminApi, placeOrder, planOfOrder } from "./support/storefront"

jest.setTimeout(600_000)

const API_KEY = "sk_test_browserPageThreeDs"
const PUBLISHABLE_KEY = "pk_test_browserPageThreeDs"

/** Stripe.js as far as the page uses it; handleNextAction passes the challenge as the shopper would. */
const FAKE_STRIPE_JS = `
window.Stripe = function (key, options) {
  return {
    handleNextAction: function (params) {
      var challenge = { client_secret: params.clientSecret, key: key, locale: options && options.locale };
      return fetch("https://api.stripe.com/v1/test_helpers/authenticate", { method: "POST", body: JSON.stringify(challenge) })
        .then(function (res) { return res.json(); })
        .then(function (intent) { return { paymentIntent: { id: intent.id, status: intent.status } }; });
    }
  };
};`

let fake: FakeStripe
let server: DemoServer
let browser: Browser
let page: Page
let admin: Awaited<ReturnType<typeof adminApi>>
let planId: string
let token: string
const violations: string[] = []
/** What each challenge was run with (the publishable key, the language, the intent). */
const challenges: { client_secret: string; key: string; locale: string }[] = []

async function shot(name: string) {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
}

/** The intent waiting for the shopper's challenge (there is one at a time here). */
function waitingIntent(): string {
  const waiting = [...fake.state.paymentIntents.values()].filter((pi) => pi.status === "requires_action")
  expect(waiting).toHaveLength(1)
  return waiting[0].id
}

beforeAll(async () => {
  const chromiumToLaunch = await findChromium()
  const port = await freePort()
  fake = await startFakeStripe({ apiKey: API_KEY, port })
  server = await startDemoServer({
    admin: false,
    env: { STRIPE_API_KEY: API_KEY, STRIPE_WEBHOOK_SECRET: "whsec_browserPageThreeDs", STRIPE_API_BASE: `http://127.0.0.1:${port}`, STRIPE_PUBLISHABLE_KEY: PUBLISHABLE_KEY },
  })
  admin = await adminApi(server)
  await admin.post("/admin/instalments/sandbox/clock?wait=true", { set: "2027-01-31T10:00:00Z" })
  const order = await placeOrder(server, {
    handle: "office-chair",
    plan: "p3x",
    cardToken: "pm_card_authenticationRequired",
    email: "lea.martin@example.com",
    authenticate: () => void fake.authenticate(waitingIntent()),
  })
  planId = (await planOfOrder(admin, order.id)).id
  // 28 days later the second instalment is charged off-session: the bank wants the shopper.
  await admin.post("/admin/instalments/sandbox/clock?wait=true", { advance_days: 28 })
  const { instalment_plan } = await admin.get(`/admin/instalment-plans/${planId}`)
  expect(instalment_plan.instalments.map((i: any) => i.status)).toEqual(["paid", "failed", "scheduled"])
  token = new URL(instalment_plan.self_service_url).searchParams.get("token") as string

  browser = await chromium.launch({ executablePath: chromiumToLaunch.executablePath, args: ["--no-sandbox"] })
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: "fr-FR", timezoneId: "Europe/Paris" })
  page = await context.newPage()
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  await page.route("https://js.stripe.com/v3/", (route) => route.fulfill({ status: 200, contentType: "application/javascript", body: FAKE_STRIPE_JS }))
  await page.route("https://api.stripe.com/v1/test_helpers/authenticate", async (route) => {
    const challenge = JSON.parse(route.request().postData() ?? "{}")
    challenges.push(challenge)
    const intent = fake.authenticate(String(challenge.client_secret).split("_secret_")[0])
    await route.fulfill({ status: 200, contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: JSON.stringify({ id: intent.id, status: intent.status }) })
  })
})

afterAll(async () => {
  await browser?.close().catch(() => {})
  await server?.stop()
  await fake?.close()
})

describe("3-D Secure from the self-service page", () => {
  it("offers to pay with the bank's confirmation, with Stripe.js loaded under the page's CSP", async () => {
    const answer = await page.goto(`${server.base}/instalments/plans/${planId}?token=${token}`)
    expect(page.url()).toBe(`${server.base}/instalments/plans/${planId}`)
    const policy = (await answer!.allHeaders())["content-security-policy"]
    const nonce = await page.locator("script[nonce]").evaluate((script) => (script as HTMLScriptElement).nonce)
    expect(policy).toContain(`script-src 'nonce-${nonce}' https://js.stripe.com`)
    await page.waitForFunction(() => typeof (window as any).Stripe === "function")
    await expect(page.getByRole("button", { name: "Payer avec la confirmation de votre banque" }).isVisible()).resolves.toBe(true)
    await shot("stripe-page-3ds-before")
  })

  it("pays it: the challenge, the same request again, the page reloaded with the instalment paid; ledger = the fake's charges", async () => {
    const reloaded = page.waitForEvent("load")
    await page.getByRole("button", { name: "Payer avec la confirmation de votre banque" }).click()
    await reloaded
    const second = page.locator("tbody tr").nth(1)
    await second.getByText("Payée").waitFor()
    expect(violations).toEqual([])
    await shot("stripe-page-3ds-paid")

    const { instalment_plan } = await admin.get(`/admin/instalment-plans/${planId}`)
    expect(instalment_plan.instalments.map((i: any) => i.status)).toEqual(["paid", "paid", "scheduled"])
    const paid = instalment_plan.instalments.filter((i: any) => i.status === "paid").map((i: any) => Math.round(i.amount * 100))
    const charged = [...fake.state.charges.values()].filter((c) => c.status === "succeeded").map((c) => c.amount)
    expect(charged).toEqual([8498, 8496])
    expect(paid).toEqual(charged)
    // One challenge, on-session, with the store's publishable key and the page's language.
    const onPage = [...fake.state.paymentIntents.values()].filter((pi) => pi.amount === 8496 && pi.status === "succeeded")
    expect(onPage.map((pi) => pi.metadata.off_session)).toEqual(["false"])
    expect(challenges).toEqual([{ client_secret: onPage[0].client_secret, key: PUBLISHABLE_KEY, locale: "fr" }])
  })
})
