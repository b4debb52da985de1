import { apply, ctxOn, eur, expectErr, newPlan, statuses } from "../__tests__/support"
import { defaultEngineConfig } from "../config"
import { netPaid, orderTotal } from "../plan"
import { applyChargeFailed, applyChargeSucceeded } from "./charges"
import { cancelPlan } from "./cancel"
import { evaluateDelays } from "./delays"
import { applyLateFee } from "./late-fee"
import { applyRefund } from "./refund"

const config = defaultEngineConfig()
const withFee = { ...config, plans: { ...config.plans, p3x: { ...config.plans.p3x, fee: { basisPoints: 150, fixedCents: 0 } } } }
const ctx = ctxOn("2025-01-20")

describe("cancelPlan", () => {
  it("refunds everything paid, fees included, and cancels every unpaid instalment", () => {
    const plan = newPlan("p3x", 25490, "2025-01-15", {}, withFee) // first 84.98 + fee 3.82 paid
    const { plan: revised, movements, events } = apply(cancelPlan, plan, { reason: "out of stock" }, ctx)
    expect(revised.status).toBe("cancelled")
    expect(statuses(revised)).toEqual(["paid", "cancelled", "cancelled"])
    expect(movements).toEqual([{ kind: "refund", amount: eur(8880), purpose: "cancellation", breakdown: { principal: 8498, customerFees: 382, lateFees: 0 } }])
    expect(netPaid(revised)).toEqual(eur(0))
    expect(orderTotal(revised)).toEqual(eur(0))
    expect(events.map((e) => e.type)).toEqual(["plan.cancelled", "plan.status_changed"])
  })

  it("refunds only what was not refunded yet", () => {
    const plan = newPlan("p3x", 25490, "2025-01-15")
    const refunded = apply(applyRefund, plan, { amount: eur(20000) }, ctx).plan // 30.08 back already
    const { movements, plan: revised } = apply(cancelPlan, refunded, {}, ctx)
    expect(movements[0]).toMatchObject({ amount: eur(8498 - 3008) })
    expect(netPaid(revised)).toEqual(eur(0))
  })

  it("refunds late fees paid", () => {
    let plan = newPlan("p3x", 25490, "2025-01-15")
    plan = apply(applyChargeFailed, plan, { instalments: [2], at: "t" }, ctxOn("2025-02-15")).plan
    plan = apply(evaluateDelays, plan, {}, ctxOn("2025-03-03")).plan
    plan = apply(applyLateFee, plan, { basisPoints: 800, note: "no answer" }, ctxOn("2025-03-03")).plan
    plan = apply(applyChargeSucceeded, plan, { instalments: [2], amount: eur(8496 + 680), at: "t" }, ctxOn("2025-03-04")).plan
    const { movements, plan: revised } = apply(cancelPlan, plan, {}, ctxOn("2025-03-05"))
    expect(movements[0]).toMatchObject({ amount: eur(8498 + 8496 + 680), breakdown: { principal: 16994, customerFees: 0, lateFees: 680 } })
    expect(netPaid(revised)).toEqual(eur(0))
  })

  it("cancels a plan where nothing was paid without a refund", () => {
    const { movements, plan } = apply(cancelPlan, newPlan("d30", 25490, "2025-01-15"), {}, ctx)
    expect(movements).toEqual([])
    expect(plan.status).toBe("cancelled")
  })

  it("refuses an already cancelled plan", () => {
    const cancelled = apply(cancelPlan, newPlan("p2x", 10000), {}, ctx).plan
    expectErr(cancelPlan(cancelled, {}, ctx), "plan_not_active")
  })
})
