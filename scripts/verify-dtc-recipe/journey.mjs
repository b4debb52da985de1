/**
 * A shopper's p3x checkout in the dtc-starter with the recipe applied, in Chromium (playwright-core
 * drives Debian's /usr/bin/chromium, or CHROMIUM_PATH): the badge on the product and cart pages,
 * the plan picker, the sandbox card tok_visa, the review's button worded by the plan, and the
 * confirmation whose schedule must match the admin's plan to the cent; then, with Alma, the plan
 * picker, Alma's page (the local fake), and the way back to the order. Screenshots into `shots`.
 */
import assert from "node:assert/strict"
import path from "node:path"
import { chromium } from "playwright-core"

const PRODUCT = "office-chair" // 249.00 € in the demo store: inside the plans' bounds
const COUNTRY = "fr"

/** The amount each schedule line starts with ("€83.00 today", "83,00 € le 5 mars 2027"), in cents. */
async function scheduleCents(list) {
  return (await list.locator("li").allTextContents()).map((line) => {
    const match = /€\s*(\d[\d.,\s\u202f\u00a0]*\d)|(\d[\d.,\s\u202f\u00a0]*\d)\s*€/.exec(line)
    assert.ok(match, `no amount in the schedule line "${line}"`)
    const digits = (match[1] ?? match[2]).replace(/[\s\u202f\u00a0]/g, "")
    const [whole, fraction] = [digits.slice(0, -3), digits.slice(-2)]
    return Number(whole.replace(/[.,]/g, "")) * 100 + Number(fraction)
  })
}

async function adminPlan(medusa, orderId) {
  if (!medusa.admin) return null
  const login = await fetch(`${medusa.url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: medusa.admin.admin_email, password: medusa.admin.admin_password }),
  }).then((r) => r.json())
  const answer = await fetch(`${medusa.url}/admin/instalment-plans?order_id=${orderId}`, {
    headers: { authorization: `Bearer ${login.token}` },
  }).then((r) => r.json())
  const found = answer.instalment_plans?.[0]
  if (!found) return null
  return fetch(`${medusa.url}/admin/instalment-plans/${found.id}`, { headers: { authorization: `Bearer ${login.token}` } })
    .then((r) => r.json())
    .then((body) => body.instalment_plan)
}

async function fillAddress(page) {
  const fields = {
    "shipping-first-name-input": "Camille",
    "shipping-last-name-input": "Martin",
    "shipping-address-input": "12 rue de la Paix",
    "shipping-postal-code-input": "75002",
    "shipping-city-input": "Paris",
    "shipping-email-input": "camille.martin@example.com",
    "shipping-phone-input": "+33 6 12 34 56 78",
  }
  for (const [testId, value] of Object.entries(fields)) await page.getByTestId(testId).fill(value)
  await page.getByTestId("shipping-country-select").selectOption(COUNTRY)
  await page.getByTestId("submit-address-button").click()
  await page.waitForURL(/step=delivery/)
}

async function launch() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] })
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  // What Next.js's dev overlay counts as issues, in the log too.
  page.on("pageerror", (error) => process.stdout.write(`[browser] page error on ${page.url()}: ${error.message.split("\n")[0]}\n`))
  page.on("console", (message) => message.type() === "error" && process.stdout.write(`[browser] console error: ${message.text()} (${message.location().url})\n`))
  // `next dev` compiles each page on its first visit: minutes on a busy 2-core machine.
  page.setDefaultTimeout(300_000)
  page.setDefaultNavigationTimeout(300_000)
  return { browser, page }
}

/** From the product page to the payment step, with a new cart. */
async function toPayment(page, storefront) {
  await page.goto(`${storefront}/${COUNTRY}/products/${PRODUCT}`)
  await page.locator(".mi-badge").first().waitFor()
  await page.getByTestId("add-product-button").click()
  await page.getByTestId("nav-cart-link").filter({ hasText: "(1)" }).waitFor()
  await page.goto(`${storefront}/${COUNTRY}/checkout?step=address`)
  await fillAddress(page)
  await page.getByTestId("delivery-option-radio").first().click()
  await page.getByTestId("submit-delivery-option-button").click()
  await page.waitForURL(/step=payment/)
}

export async function checkout({ storefront, medusa, shots, log }) {
  const { browser, page } = await launch()
  const shot = (name) => page.screenshot({ path: path.join(shots, name), fullPage: true })
  try {
    await page.goto(`${storefront}/${COUNTRY}/products/${PRODUCT}`)
    const badge = page.locator(".mi-badge").first()
    await badge.waitFor()
    log(`product page badge: ${await badge.textContent()}`)
    assert.match(await badge.textContent(), /^or [2-4] × /)
    await shot("1-product-badge.png")

    await page.getByTestId("add-product-button").click()
    await page.getByTestId("nav-cart-link").filter({ hasText: "(1)" }).waitFor()
    await page.goto(`${storefront}/${COUNTRY}/cart`)
    await page.locator(".mi-badge").first().waitFor()
    log(`cart page badge: ${await page.locator(".mi-badge").first().textContent()}`)
    await shot("2-cart-badge.png")

    await page.goto(`${storefront}/${COUNTRY}/checkout?step=address`)
    await fillAddress(page)
    await page.getByTestId("delivery-option-radio").first().click()
    await page.getByTestId("submit-delivery-option-button").click()
    await page.waitForURL(/step=payment/)

    await page.getByRole("radio", { name: "Pay in instalments", exact: true }).click()
    const picker = page.getByTestId("instalments-payment")
    await picker.locator("input[type=radio][value=p3x]").check()
    await shot("3-plan-picker.png")
    const quoted = await scheduleCents(picker.locator(".mi-plan[data-checked=true] .mi-schedule"))
    await picker.locator(".mi-card-form select").selectOption("tok_visa")
    await picker.locator(".mi-card-form input[type=tel]").fill("+33 6 12 34 56 78")
    await picker.locator(".mi-card-form button[type=submit]").click()
    await page.waitForURL(/step=review/)

    const placeOrder = page.getByTestId("submit-order-button")
    log(`review button: ${await placeOrder.textContent()}`)
    await shot("4-review.png")
    assert.match(await placeOrder.textContent(), /3/)
    await placeOrder.click()
    await page.waitForURL(/\/order\/[^/]+\/confirmed/)
    const confirmation = page.locator(".mi-confirmation")
    await confirmation.waitFor()
    await shot("5-confirmation.png")

    const shown = await scheduleCents(confirmation.locator(".mi-schedule"))
    log(`confirmation schedule (cents): ${shown.join(", ")}`)
    assert.deepEqual(shown, quoted, "the confirmation shows the schedule the shopper picked")
    const orderId = /\/order\/([^/]+)\/confirmed/.exec(page.url())[1]
    const plan = await adminPlan(medusa, orderId)
    if (plan) {
      const planned = plan.instalments.map((i) => Math.round((i.amount + (i.customer_fee ?? 0)) * 100))
      log(`admin plan ${plan.id} (${plan.plan_code}): ${planned.join(", ")}`)
      assert.deepEqual(shown, planned, "the confirmation's schedule is the admin's plan, to the cent")
    } else log("no admin credentials for this store: the plan was not compared with the admin's")
  } finally {
    await browser.close()
  }
}

/** Alma: the plan picker, the review, Alma's page (the fake: accept), back to the order. */
export async function almaCheckout({ storefront, shots, log }) {
  const { browser, page } = await launch()
  const shot = (name) => page.screenshot({ path: path.join(shots, name), fullPage: true })
  try {
    await toPayment(page, storefront)
    await page.getByRole("radio", { name: "Pay in instalments with Alma", exact: true }).click()
    const picker = page.getByTestId("instalments-payment")
    await picker.locator("input[type=radio][value=p3x]").check()
    await shot("6-alma-plan-picker.png")
    await picker.getByRole("button", { name: "Continue to review" }).click()
    await page.waitForURL(/step=review/)
    await page.getByTestId("submit-order-button").click()
    await page.waitForURL(/\/pay\//)
    log(`Alma's page: ${page.url()}`)
    await shot("7-alma-page.png")
    await page.getByRole("button", { name: "Accept and pay" }).click()
    await page.waitForURL(/\/order\/[^/]+\/confirmed/)
    await page.getByTestId("payment-method").waitFor()
    log(`back from Alma: ${page.url()}, paid with "${await page.getByTestId("payment-method").textContent()}"`)
    assert.equal(await page.getByTestId("payment-method").textContent(), "Pay in instalments with Alma")
    await shot("8-alma-confirmation.png")
  } finally {
    await browser.close()
  }
}
