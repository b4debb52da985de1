/**
 * The kit's types are written by hand for storefronts (no server code in the package's
 * storefront entry); these compile-time checks (npm run typecheck) fail when a route's answer
 * stops matching them. Each server type must be assignable to the kit's.
 */
import type { scheduleView } from "../modules/instalments/quotes"
import type { PublicCheckoutData } from "../modules/instalments/checkout/session-data"
import type { AlmaSessionData as ServerAlmaSessionData } from "../providers/alma/session"
import type { ShopperPlanView } from "../self-service/shopper-view"
import type { PlanCode as ServerPlanCode, Locale } from "../domain/codes"
import type { AlmaSessionData, InstalmentsSessionData, PlanCode, ScheduleView, ShopperLocale, ShopperPlan } from "./types"

type Assignable<From, To> = [From] extends [To] ? true : false
type Same<A, B> = Assignable<A, B> extends true ? Assignable<B, A> : false

const checks: {
  schedule: Assignable<ReturnType<typeof scheduleView>, ScheduleView>
  session: Assignable<PublicCheckoutData, InstalmentsSessionData>
  alma: Assignable<ServerAlmaSessionData, AlmaSessionData>
  plan: Assignable<ShopperPlanView, ShopperPlan>
  planCodes: Same<ServerPlanCode, PlanCode>
  locales: Same<Locale, ShopperLocale>
} = { schedule: true, session: true, alma: true, plan: true, planCodes: true, locales: true }

describe("the kit's Store API types", () => {
  it("match the server's (checked by the compiler: npm run typecheck)", () => {
    expect(Object.values(checks).every(Boolean)).toBe(true)
  })
})
