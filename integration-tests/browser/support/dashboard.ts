/**
 * Headless Chromium on the demo store's admin dashboard, signed in with the demo's admin login: a
 * wide English window on Paris time, on the orders page. The dashboard spec's parts share one
 * (`useDashboard`): the store's boot and the dashboard's first compile (Vite) are paid once.
 */
import fs from "node:fs"
import path from "node:path"
import { chromium, type Browser, type Locator, type Page } from "playwright-core"
import { findChromium, SHOTS, type ChromiumToLaunch } from "./chromium"
import { startDemoServer, type DemoServer } from "./demo-server"
import { adminApi } from "./storefront"

export async function signedInDashboard(server: DemoServer, chromiumToLaunch: ChromiumToLaunch): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: chromiumToLaunch.executablePath, args: ["--no-sandbox"] })
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: "en-US", timezoneId: "Europe/Paris" })
  const page = await context.newPage()
  // The first visit compiles the dashboard (Vite): give it time once.
  await page.goto(`${server.base}/app/login`, { timeout: 300_000 })
  await page.locator("input[name=email]").fill(server.store.admin_email)
  await page.locator("input[name=password]").fill(server.store.admin_password)
  await page.getByRole("button", { name: "Continue with Email" }).click()
  await page.waitForURL(/\/app\/orders/, { timeout: 300_000 })
  return { browser, page }
}

export interface Dashboard {
  server: DemoServer
  browser: Browser
  /** The admin's signed-in page. */
  page: Page
  /** The Admin API with the demo admin's token. */
  admin: Awaited<ReturnType<typeof adminApi>>
  /** Saves a screenshot of `target` (the whole page by default) under .screenshots/browser/ (git-ignored). */
  shot(name: string, target?: Page | Locator): Promise<void>
}

/**
 * The demo store with its admin, its test clock set to `day`, and the admin signed in, for the
 * spec's tests: filled in by a `beforeAll`, stopped by an `afterAll`.
 */
export function useDashboard(day: string): Dashboard {
  const dashboard = {} as Dashboard
  beforeAll(async () => {
    const chromiumToLaunch = await findChromium()
    const server = await startDemoServer()
    dashboard.server = server
    dashboard.admin = await adminApi(server)
    await dashboard.admin.post("/admin/instalments/sandbox/clock", { set: day })
    const { browser, page } = await signedInDashboard(server, chromiumToLaunch)
    Object.assign(dashboard, { browser, page })
    dashboard.shot = async (name, target = page) => {
      fs.mkdirSync(SHOTS, { recursive: true })
      // A menu that opens or closes fades: wait for every running animation, or the picture shows it half-drawn.
      await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))))
      await target.screenshot({ path: path.join(SHOTS, `${name}.png`) })
    }
  })
  afterAll(async () => {
    await dashboard.browser?.close().catch(() => {})
    await dashboard.server?.stop()
  })
  return dashboard
}
