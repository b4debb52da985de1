/**
 * A store with the plugin's defaults, as a merchant deploys it (security review H2, M1, M2): no
 * sandbox test clock (the option `test_clock` is not set), and Medusa's request log on, as in
 * development and production (NODE_ENV=development here: under NODE_ENV=test Medusa logs no
 * request). Orders are placed on the real date.
 */
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { instalmentsOf, openShop, placeOrder, planOfOrder, waitFor, type Shop } from "../helpers/shop"
import { appRunner } from "../helpers/shared-app"
import { useFileEnv } from "../helpers/env"

jest.setTimeout(240_000)

// medusa-config.ts reads it when the runner loads it: this store has no test clock.
useFileEnv({ INSTALMENTS_TEST_CLOCK: undefined })

appRunner({
  env: { NODE_ENV: "development", INSTALMENTS_COLLECTION_JOB: "off" },
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    // Seeded once, before the runner's snapshot: each test starts from the seeded store (see useShop).
    beforeAll(async () => {
      shop = await openShop(api, getContainer())
    })

    const admin = (method: "get" | "post", url: string) =>
      (method === "get" ? api.get(url, { headers: shop.adminHeaders }) : api.post(url, { advance_days: 1 }, { headers: shop.adminHeaders })).catch(
        (e: any) => e.response,
      )

    it("has no test clock: its route answers exactly as an unknown route, and the module's clock never moves", async () => {
      for (const method of ["get", "post"] as const) {
        const clock = await admin(method, "/admin/instalments/sandbox/clock")
        const unknown = await admin(method, "/admin/instalments/sandbox/no-such-route")
        expect(clock.status).toBe(404)
        expect([clock.headers["content-type"], String(clock.data).replace("/clock", "/no-such-route")]).toEqual([
          unknown.headers["content-type"],
          String(unknown.data),
        ])
      }
      const instalments = instalmentsOf(getContainer())
      const before = Date.now()
      await expect(instalments.advanceSandboxClock(30)).rejects.toThrow(/^test_clock_off: /)
      await expect(instalments.setSandboxTime(new Date(before + 30 * 86_400_000))).rejects.toThrow(/^test_clock_off: /)
      expect(Math.abs(instalments.now().getTime() - Date.now())).toBeLessThan(60_000)
    })

    it("never writes a self-service token in the request log", async () => {
      const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa" })
      const plan = await planOfOrder(api, shop, order.id)
      const token = new URL(plan.self_service_url).searchParams.get("token") as string
      const signature = token.split(".").at(-1) as string

      // Medusa's own request logger (morgan, express-loader.js) at the default level, its lines captured.
      const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER) as any
      const lines: string[] = []
      const http = jest.spyOn(logger, "http").mockImplementation((message: any) => void lines.push(String(message)))
      logger.setLogLevel("http")
      const statuses: number[] = []
      try {
        const browser = { maxRedirects: 0, validateStatus: () => true }
        statuses.push((await api.get(`/instalments/plans/${plan.id}?token=${token}&locale=fr`, browser)).status)
        statuses.push((await api.get(`/instalments/plans/${plan.id}?locale=fr&token=${token.replace(/\.(.)([^.]{42})$/, (_m, first, rest) => `.${first === "A" ? "B" : "A"}${rest}`)}`, browser)).status)
        statuses.push((await api.get(`/store/instalment-plans/${plan.id}?token=${token}`, { headers: shop.storeHeaders, validateStatus: () => true })).status)
        // The line is written when the response has gone out.
        await waitFor(
          async () => lines.filter((line) => line.includes(plan.id)),
          (logged) => logged.length >= 3,
        )
      } finally {
        http.mockRestore()
        logger.unsetLogLevel()
      }
      const logged = lines.filter((line) => line.includes(plan.id))
      expect(logged).toHaveLength(3)
      expect(logged.join("\n")).not.toContain(signature)
      expect(logged.join("\n")).not.toContain(token.slice(0, 20))
      expect(logged[0]).toMatch(new RegExp(`^GET /instalments/plans/${plan.id}\\?token=redacted&locale=fr ← - \\(303\\)`))
      expect(logged[1]).toMatch(new RegExp(`^GET /instalments/plans/${plan.id}\\?locale=fr&token=redacted ← - \\(403\\)`))
      expect(logged[2]).toMatch(new RegExp(`^GET /store/instalment-plans/${plan.id}\\?token=redacted ← - \\(200\\)`))
      expect(statuses).toEqual([303, 403, 200])
    })
  },
})
