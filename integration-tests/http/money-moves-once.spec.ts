/**
 * Money moves once (issue "Money moves once, outside transactions"): each finding of the review,
 * through the store's public HTTP APIs on a real Medusa and a real Postgres. Failures are real
 * ones: the sandbox processor's own records for declines, and Postgres errors on command
 * (test-support/db-faults.ts) for a write that fails after the processor acted.
 *
 * The office chair and its shipping, 254.90 € in 3 with a 10 % customer fee, paid with the first
 * instalment: 110.47 today (84.98 + 25.49), then 84.96 twice.
 */
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { failNextWrites, installWriteFaults, stopWriteFaults } from "../../test-support/db-faults"
import { planSuite } from "../helpers/plans"
import { cents, medusaOrder, sandboxRecords } from "../helpers/shop"
import { useFileEnv } from "../helpers/env"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

// The store offers p3x with a 10 % customer fee (medusa-config.ts reads INSTALMENTS_PLANS when the
// runner loads it, which is when this file is declared).
useFileEnv({ INSTALMENTS_PLANS: JSON.stringify({ p3x: { fee_percent: 10 }, p2x: true, d30: true }) })

planSuite(CHECKOUT_DAY, (h, { api, getContainer }) => {
  const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const admin = () => ({ adminHeaders: h.adminHeaders }) as Parameters<typeof medusaOrder>[1]

  /** POST a shopper action with the link's token in the body, as a storefront does; any answer. */
  async function shopper(planId: string, action: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    const plan = await h.getPlan(planId)
    const token = new URL(plan.self_service_url).searchParams.get("token")
    return api
      .post(`/store/instalment-plans/${planId}/${action}`, { ...body, token }, { headers: { ...h.storeHeaders, ...headers } })
      .catch((e) => e.response)
  }

  /** The refunds the sandbox made on a plan's card, in cents. */
  async function refundsOnCard(planId: string): Promise<number[]> {
    const row = await h.instalments().loadPlan(planId, { withInstalments: false })
    const charges = (await sandboxRecords(getContainer(), "charge:")).filter((c) => c.cardRef === row?.card_reference).map((c) => c.chargeId)
    return (await sandboxRecords(getContainer(), "refund:")).filter((r) => charges.includes(r.chargeId)).map((r) => r.amount.cents)
  }

  it("refunds no fee for a withdrawal whose charge is declined, however often the shopper tries", async () => {
    const { plan } = await h.placeOrder("office-chair", "p3x", "tok_insufficient_later")
    expect(cents(plan.instalments[0].amount) + cents(plan.instalments[0].customer_fee)).toBe(11047)
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await shopper(plan.id, "withdraw", {})
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/^insufficient_funds: /)
    }
    expect(await refundsOnCard(plan.id)).toEqual([])
    const after = await h.getPlan(plan.id)
    expect([after.status, cents(after.refunded_total), cents(after.paid_total)]).toEqual(["active", 0, 11047])
    // Each declined attempt is in the history, as proof.
    expect(after.events.filter((e: any) => e.type === "plan.charge_declined")).toHaveLength(3)
  })

  it("charges one instalment for an early payment sent twice at once without a key", async () => {
    const { plan } = await h.placeOrder("office-chair", "p3x", "tok_visa")
    const answers = await Promise.all([shopper(plan.id, "pay-early", { scope: "next" }), shopper(plan.id, "pay-early", { scope: "next" })])
    expect(answers.map((a) => a.status).sort()).toContain(200)
    for (const answer of answers) expect([200, 409]).toContain(answer.status)
    expect(await h.sandboxCharges(plan.id)).toEqual([
      [11047, "ok"],
      [8496, "ok"],
    ])
    const after = await h.getPlan(plan.id)
    expect(after.instalments.map((i: any) => i.status)).toEqual(["paid", "paid", "scheduled"])
  })

  it("refuses the same Idempotency-Key with another request, saying so", async () => {
    const { plan } = await h.placeOrder("office-chair", "p3x", "tok_visa")
    const first = await shopper(plan.id, "postpone", { instalment_number: 2, days: 3 }, { "idempotency-key": "postpone-1" })
    expect(first.status).toBe(200)
    const again = await shopper(plan.id, "postpone", { instalment_number: 2, days: 3 }, { "idempotency-key": "postpone-1" })
    expect(again.status).toBe(200)
    const other = await shopper(plan.id, "postpone", { instalment_number: 2, days: 10 }, { "idempotency-key": "postpone-1" })
    expect(other.status).toBe(422)
    expect(other.data).toMatchObject({ code: "idempotency_key_reused" })
    expect(other.data.message).toMatch(/already used for a different request/)
    const after = await h.getPlan(plan.id)
    expect(after.instalments[1].due_date).toBe("2027-03-03")
  })

  it("charges an early payment once when its record fails after the charge, whatever the shopper does next", async () => {
    const { plan } = await h.placeOrder("office-chair", "p3x", "tok_visa")
    await installWriteFaults(pg())
    await failNextWrites(pg(), "instalment_plan_event", 1)
    const failed = await shopper(plan.id, "pay-early", { scope: "next" })
    await stopWriteFaults(pg())
    expect(failed.status).toBeGreaterThanOrEqual(500)
    expect(await h.sandboxCharges(plan.id)).toEqual([
      [11047, "ok"],
      [8496, "ok"],
    ])
    // The shopper sends it again: the charge is recorded, not made a second time.
    const retried = await shopper(plan.id, "pay-early", { scope: "next" })
    expect(retried.status).toBe(200)
    expect(await h.sandboxCharges(plan.id)).toEqual([
      [11047, "ok"],
      [8496, "ok"],
    ])
    const after = await h.getPlan(plan.id)
    expect(after.instalments.map((i: any) => i.status)).toEqual(["paid", "paid", "scheduled"])
    expect(cents(after.paid_total)).toBe(11047 + 8496)
  })

  it("completes a Medusa refund whose second card refund failed, without refunding the first one twice", async () => {
    const { order, plan } = await h.placeOrder("office-chair", "p3x", "tok_visa")
    expect((await shopper(plan.id, "pay-early", { scope: "next" })).status).toBe(200)
    // The whole order back: 84.96 comes off the last instalment, 195.43 (two instalments and the
    // fee) goes back to the card in two legs, one per charge. The second leg's write fails.
    await installWriteFaults(pg())
    await failNextWrites(pg(), "instalment_sandbox_record", 1, '%"key": "refund:%', 1)
    const paymentId = (await medusaOrder(api, admin(), order.id)).payment_collections[0].payments[0].id
    const refund = () => api.post(`/admin/payments/${paymentId}/refund`, { amount: 254.9 }, { headers: h.adminHeaders }).catch((e) => e.response)
    const first = await refund()
    await stopWriteFaults(pg())
    // A merchant whose refund failed sends it again.
    if (first.status !== 200) await refund()
    const reconcile = (h.instalments() as unknown as { reconcile?: (o: { olderThanMs: number }) => Promise<unknown> }).reconcile
    if (reconcile) {
      // The refund is decided and recorded: Medusa was told so, one leg went out, the other waits.
      expect(first.status).toBe(200)
      expect(await refundsOnCard(plan.id)).toHaveLength(1)
      // The admin settles it now instead of waiting for the five-minute job.
      const bad = await api.post("/admin/instalments/reconcile", { older_than_minutes: -1 }, { headers: h.adminHeaders }).catch((e) => e.response)
      expect([bad.status, bad.data.message]).toEqual([400, 'body parameter "older_than_minutes": must be a whole number of minutes from 0 to 10080 (a week)'])
      const settled = await api.post("/admin/instalments/reconcile", { older_than_minutes: 0 }, { headers: h.adminHeaders })
      expect(settled.data).toEqual({ examined: 1, settled: 1, waiting: 0 })
    }

    expect((await refundsOnCard(plan.id)).reduce((a, b) => a + b, 0)).toBe(11047 + 8496)
    const after = await h.getPlan(plan.id)
    expect([after.status, cents(after.refunded_total)]).toEqual(["cancelled", 11047 + 8496])
    const medusa = await medusaOrder(api, admin(), order.id)
    expect(cents(medusa.payment_collections[0].payments[0].refunds.reduce((s: number, r: any) => s + Number(r.amount), 0))).toBe(25490)
  })
})
