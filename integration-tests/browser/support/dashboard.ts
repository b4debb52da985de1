/**
 * Headless Chromium on the demo store's admin dashboard, signed in with the demo's admin login: a
 * wide English window on Paris time, on the orders page.
 */
import { chromium, type Browser, type Page } from "playwright-core"
import type { ChromiumToLaunch } from "./chromium"
import type { DemoServer } from "./demo-server"

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
