/**
 * Linked plans (business rules §8): plans sharing a card, an e-mail or a phone; freezing the plans
 * linked to one flagged for fraud, with the link as evidence in each history; collecting a plan in
 * serious delay from a linked card of the same shopper, once. Checkout on 31 January 2027: an
 * office chair, 254.90 € in 3 = 84.98 today + 84.96 on 28 February + 84.96 on 31 March.
 */
import { planSuite } from "../../helpers/plans"
import { placeOrder, planOfOrder, sandboxRecords, SHOPPER_EMAIL } from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

type Shopper = { email: string; phone: string }
// The carts' e-mail by default: her carts are the app's ready ones (helpers/shop.ts).
const LEA: Shopper = { email: SHOPPER_EMAIL, phone: "+33 6 12 34 56 78" }
const MAX: Shopper = { email: "max.dupont@example.com", phone: "+33 7 98 76 54 32" }
const ZOE: Shopper = { email: "zoe.bernard@example.com", phone: "+32 470 12 34 56" }

planSuite(CHECKOUT_DAY, (h, { api, getContainer }) => {
  const shop = h.shop

  /** An order paid in 3 by `who` (the cart's e-mail, the session's phone) with `cardToken`; its plan (admin view). */
  async function orderBy(who: Shopper, cardToken: string) {
    const { order } = await placeOrder(api, shop, "office-chair", { phone: who.phone, plan: "p3x", card_token: cardToken }, who.email)
    return planOfOrder(api, shop, order.id)
  }

  async function linkedTo(planId: string) {
    const res = await api.get(`/admin/instalment-plans/${planId}/linked`, { headers: h.adminHeaders }).catch((e) => e.response)
    expect(res.status).toBe(200)
    return res.data.linked
  }

  const eventsOf = async (planId: string, type: string) => (await h.getPlan(planId)).events.filter((e: any) => e.type === type)

  it("links two orders paid with the same card, and only those", async () => {
    const first = await orderBy(LEA, "tok_visa")
    const sameCard = await orderBy(MAX, "tok_visa")
    const other = await orderBy(ZOE, "tok_mastercard")
    expect(await linkedTo(first.id)).toEqual([{ plan_id: sameCard.id, order_id: sameCard.order_id, reasons: ["card"] }])
    expect(await linkedTo(sameCard.id)).toEqual([{ plan_id: first.id, order_id: first.order_id, reasons: ["card"] }])
    expect(await linkedTo(other.id)).toEqual([])
  })

  it("links by e-mail whatever its case, with different cards and phones", async () => {
    const first = await orderBy(LEA, "tok_visa")
    const sameEmail = await orderBy({ email: "Lea.Martin@Example.com", phone: MAX.phone }, "tok_mastercard")
    const samePhone = await orderBy({ email: ZOE.email, phone: "0033 6 12 34 56 78" }, "tok_amex")
    expect(await linkedTo(first.id)).toEqual([
      { plan_id: sameEmail.id, order_id: sameEmail.order_id, reasons: ["email"] },
      { plan_id: samePhone.id, order_id: samePhone.order_id, reasons: ["phone"] },
    ])
    expect((await linkedTo(sameEmail.id)).map((l: any) => [l.plan_id, l.reasons])).toEqual([[first.id, ["email"]]])
  })

  it("keeps linking a plan by its former card after the shopper changed it, and by the new one", async () => {
    const changing = await orderBy(LEA, "tok_visa")
    const formerCard = await orderBy(MAX, "tok_visa")
    const newCard = await orderBy(ZOE, "tok_mastercard")
    expect((await linkedTo(changing.id)).map((l: any) => l.plan_id)).toEqual([formerCard.id])

    const token = new URL(changing.self_service_url).searchParams.get("token")
    const changed = await api.post(`/store/instalment-plans/${changing.id}/change-card`, { card_token: "tok_mastercard", token }, { headers: shop.storeHeaders }).catch((e) => e.response)
    expect(changed.status).toBe(200)
    expect(await linkedTo(changing.id)).toEqual([
      { plan_id: formerCard.id, order_id: formerCard.order_id, reasons: ["card"] },
      { plan_id: newCard.id, order_id: newCard.order_id, reasons: ["card"] },
    ])
    const [event] = await eventsOf(changing.id, "plan.card_changed")
    expect(event.data.from.fingerprint).toMatch(/^fp_[a-z]{20}$/)
    expect(event.data.to.fingerprint).toMatch(/^fp_[a-z]{20}$/)
    expect(event.data.to.fingerprint).not.toBe(event.data.from.fingerprint)
  })

  it("freezes the plans linked to a flagged plan, with the link as evidence in each history; refuses before the flag and bad input", async () => {
    const flagged = await orderBy(LEA, "tok_visa")
    const byCard = await orderBy(MAX, "tok_visa")
    const byEmail = await orderBy({ email: LEA.email, phone: ZOE.phone }, "tok_mastercard")
    const alreadyFrozen = await orderBy({ email: ZOE.email, phone: LEA.phone }, "tok_amex")
    expect((await h.action(alreadyFrozen.id, "freeze", { days: 10, reason: "earlier check" })).status).toBe(200)

    const notFlagged = await h.action(flagged.id, "freeze-linked", { days: 30, reason: "ring of stolen cards" })
    expect([notFlagged.status, notFlagged.data.code]).toEqual([400, "plan_not_flagged"])
    expect(notFlagged.data.message).toMatch(/flag this plan first/)

    expect((await h.action(flagged.id, "flag-fraud", { reason: "card reported stolen" })).status).toBe(200)
    for (const [body, says] of [
      [{ days: 0, reason: "x" }, "days"],
      [{ days: 181, reason: "x" }, "at most 180 days"],
      [{ days: 30, reason: "   " }, "reason"],
      [{ days: 30 }, "reason"],
    ] as const) {
      const bad = await h.action(flagged.id, "freeze-linked", body)
      expect([JSON.stringify(body), bad.status]).toEqual([JSON.stringify(body), 400])
      expect(bad.data.message).toContain(says)
    }
    expect((await h.getPlan(byCard.id)).status).toBe("active") // nothing half written

    const key = { "idempotency-key": "freeze-linked-1" }
    const res = await h.action(flagged.id, "freeze-linked", { days: 30, reason: "ring of stolen cards" }, key)
    expect(res.status).toBe(200)
    expect(res.data.frozen).toEqual([
      { plan_id: byCard.id, order_id: byCard.order_id, reasons: ["card"], frozen_until: "2027-03-02" },
      { plan_id: byEmail.id, order_id: byEmail.order_id, reasons: ["email"], frozen_until: "2027-03-02" },
    ])
    expect(res.data.skipped).toEqual([
      { plan_id: alreadyFrozen.id, order_id: alreadyFrozen.order_id, reasons: ["phone"], code: "plan_already_frozen", message: expect.stringMatching(/already frozen until 2027-02-10/) },
    ])
    for (const [plan, reasons] of [[byCard, ["card"]], [byEmail, ["email"]]] as const) {
      expect(await eventsOf(plan.id, "plan.linked_plan_measure")).toEqual([
        expect.objectContaining({
          actor: expect.stringMatching(/^admin:user_/),
          data: expect.objectContaining({ measure: "freeze", linkedPlanId: flagged.id, linkedOrderId: flagged.order_id, reasons, reason: "ring of stolen cards" }),
        }),
      ])
    }
    expect((await eventsOf(flagged.id, "plan.linked_plans_frozen")).map((e: any) => e.data)).toEqual([
      expect.objectContaining({
        frozen: [
          { planId: byCard.id, orderId: byCard.order_id, reasons: ["card"] },
          { planId: byEmail.id, orderId: byEmail.order_id, reasons: ["email"] },
        ],
        skipped: [{ planId: alreadyFrozen.id, orderId: alreadyFrozen.order_id, reasons: ["phone"], code: "plan_already_frozen" }],
      }),
    ])

    // The same request again freezes nothing twice and records nothing twice.
    const replay = await h.action(flagged.id, "freeze-linked", { days: 30, reason: "ring of stolen cards" }, key)
    expect([replay.status, replay.data.frozen.length]).toEqual([200, 2])
    expect(await eventsOf(byCard.id, "plan.frozen")).toHaveLength(1)
    expect(await eventsOf(flagged.id, "plan.linked_plans_frozen")).toHaveLength(1)
  })

  it("collects an overdue instalment from a linked card of the same shopper, once", async () => {
    const late = await orderBy(LEA, "tok_insufficient_later")
    const sameShopper = await orderBy({ email: LEA.email, phone: MAX.phone }, "tok_mastercard")
    const sameCardOnly = await orderBy(ZOE, "tok_insufficient_later")
    const early = await h.action(late.id, "collect-from-linked", { linked_plan_id: sameShopper.id })
    expect([early.status, early.data.code]).toEqual([400, "plan_not_active"]) // not in serious delay yet

    await h.advance(44) // to 16 March: instalment 2 (28 February) declined four times, 16 days late
    expect((await h.getPlan(late.id)).status).toBe("serious_delay")

    const cardOnly = await h.action(late.id, "collect-from-linked", { linked_plan_id: sameCardOnly.id })
    expect([cardOnly.status, cardOnly.data.code]).toEqual([400, "link_not_same_shopper"])
    const notOverdue = await h.action(late.id, "collect-from-linked", { linked_plan_id: sameShopper.id, instalment_number: 3 })
    expect([notOverdue.status, notOverdue.data.code]).toEqual([400, "instalment_not_overdue"])
    const unknown = await h.action(late.id, "collect-from-linked", { linked_plan_id: "iplan_nobody" })
    expect([unknown.status, unknown.data.code]).toEqual([400, "not_linked"])

    const key = { "idempotency-key": "collect-linked-1" }
    const res = await h.action(late.id, "collect-from-linked", { linked_plan_id: sameShopper.id }, key)
    expect(res.status).toBe(200)
    expect(res.data.instalment_plan.status).toBe("active")
    expect(res.data.instalment_plan.instalments[1]).toMatchObject({ number: 2, status: "paid" })
    const replay = await h.action(late.id, "collect-from-linked", { linked_plan_id: sameShopper.id }, key)
    expect(replay.status).toBe(200)

    // The sandbox's own records: one charge for the late plan, on the linked plan's card.
    const linkedCard = (await h.instalments().loadPlan(sameShopper.id, { withInstalments: false }))!.card_reference
    const forLatePlan = (await sandboxRecords(getContainer(), "charge:")).filter((c) => c.metadata.plan_id === late.id && c.metadata.purpose === "linked_card")
    expect(forLatePlan.map((c) => [c.cardRef, c.amount.cents, c.status])).toEqual([[linkedCard, 8496, "succeeded"]])

    expect((await eventsOf(late.id, "plan.linked_plan_measure")).map((e: any) => e.data)).toEqual([
      expect.objectContaining({ measure: "collect_from_linked_card", linkedPlanId: sameShopper.id, reasons: ["email"], instalments: [2], amount: 8496 }),
    ])
    expect((await eventsOf(sameShopper.id, "plan.card_charged_for_linked_plan")).map((e: any) => e.data)).toEqual([
      expect.objectContaining({ linkedPlanId: late.id, reasons: ["email"], instalments: [2], amount: 8496 }),
    ])
  })
})
