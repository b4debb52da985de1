/**
 * The admin actions on a plan (POST /admin/instalment-plans/:id/<action>): what each does to the
 * plan and its money, what each refuses, with which message. Checkout on 31 January 2027: an
 * office chair, 254.90 € in 3 = 84.98 today + 84.96 on 28 February + 84.96 on 31 March.
 */
import { planSuite, schedule } from "../../helpers/plans"
import { madeBeforeAll } from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

planSuite(CHECKOUT_DAY, (h, { api, getContainer }) => {
  /** The office chair in 3, the plan every action test acts on. */
  const chairInThree = madeBeforeAll(getContainer, CHECKOUT_DAY, () => h.placeOrder("office-chair", "p3x", "tok_visa"))

  it("postpones on the shopper's behalf: 16 days refused, 15 accepted, a second one refused at the limit of 1", async () => {
    const { plan } = await chairInThree()
    const tooLong = await h.action(plan.id, "postpone", { instalment_number: 2, days: 16 })
    expect(tooLong.status).toBe(400)
    expect(tooLong.data.message).toMatch(/^postpone_days_out_of_range: .*1 to 15 days/)

    const moved = await h.action(plan.id, "postpone", { instalment_number: 2, days: 15 })
    expect(moved.status).toBe(200)
    expect(schedule(moved.data.instalment_plan)).toEqual([
      [1, "2027-01-31", 84.98, "paid"],
      [2, "2027-03-15", 84.96, "scheduled"],
      [3, "2027-03-31", 84.96, "scheduled"],
    ])
    expect(moved.data.instalment_plan.postponements_used).toBe(1)
    expect(moved.data.instalment_plan.events.find((e: any) => e.type === "plan.postponed")).toMatchObject({
      actor: expect.stringMatching(/^admin:user_/),
      data: { instalment: 2, from: "2027-02-28", to: "2027-03-15", days: 15 },
    })

    const second = await h.action(plan.id, "postpone", { instalment_number: 3, days: 1 })
    expect(second.status).toBe(400)
    expect(second.data.message).toContain("postponement_limit_reached")

    // The postponed instalment is collected on its new day, not before.
    const clock = await h.advance(43) // to 15 March
    expect(h.activity(clock)).toEqual([["2027-03-15", { charged: 84.96, declined: 0, serious_delays: 0, unfrozen: 0 }]])
  })

  it("flags fraud (freezes for 180 days), unfreezes, and refuses what the plan's state does not allow", async () => {
    const { plan } = await chairInThree()
    const lateFee = await h.action(plan.id, "late-fee", { percent: 5, note: "no answer" })
    expect(lateFee.status).toBe(400)
    expect(lateFee.data.message).toMatch(/^late_fee_not_allowed: .*serious delay/)

    const flagged = await h.action(plan.id, "flag-fraud", { reason: "card reported stolen" })
    expect(flagged.status).toBe(200)
    expect(flagged.data.instalment_plan).toMatchObject({ status: "frozen", fraud_flagged: true, frozen_until: "2027-07-30" })

    const postpone = await h.action(plan.id, "postpone", { instalment_number: 2, days: 5 })
    expect(postpone.status).toBe(400)
    expect(postpone.data.message).toContain("plan_frozen")

    const unfrozen = await h.action(plan.id, "unfreeze", {})
    expect(unfrozen.status).toBe(200)
    expect(unfrozen.data.instalment_plan).toMatchObject({ status: "active", fraud_flagged: true, frozen_until: null })
    const again = await h.action(plan.id, "unfreeze", {})
    expect(again.status).toBe(400)
    expect(again.data.message).toContain("plan_not_frozen")
  })

  it("terminates a plan: the 169.92 € remaining are charged at once", async () => {
    const { plan } = await chairInThree()
    const res = await h.action(plan.id, "terminate", {})
    expect(res.status).toBe(200)
    expect(res.data.instalment_plan).toMatchObject({ status: "terminated", paid_total: 254.9, outstanding_total: 0 })
    expect(res.data.instalment_plan.events.find((e: any) => e.type === "plan.terminated").data).toMatchObject({
      reason: "non-payment",
      amountDue: 16992,
    })
    expect(await h.sandboxCharges(plan.id)).toEqual([
      [8498, "ok"],
      [16992, "ok"],
    ])
  })

  it("refuses an action posted as a form (what another site could forge with the admin's cookie): nothing is charged", async () => {
    const { plan } = await chairInThree()
    const forged = await api
      .post(`/admin/instalment-plans/${plan.id}/terminate`, "reason=x", { headers: { ...h.adminHeaders, "content-type": "application/x-www-form-urlencoded" } })
      .catch((e: any) => e.response)
    expect([forged.status, forged.data.code]).toEqual([415, "json_required"])
    expect((await h.getPlan(plan.id)).status).toBe("active")
    expect(await h.sandboxCharges(plan.id)).toEqual([[8498, "ok"]])
  })

  it("makes a retried request with the same Idempotency-Key a no-op", async () => {
    const { plan } = await chairInThree()
    const key = { "idempotency-key": "freeze-2027-01-31-a" }
    const first = await h.action(plan.id, "freeze", { days: 10, reason: "investigation" }, key)
    const replay = await h.action(plan.id, "freeze", { days: 10, reason: "investigation" }, key)
    expect([first.status, replay.status]).toEqual([200, 200])
    expect(replay.data.instalment_plan).toMatchObject({ status: "frozen", frozen_until: "2027-02-10" })
    expect(replay.data.instalment_plan.events.filter((e: any) => e.type === "plan.frozen")).toHaveLength(1)
    const withoutKey = await h.action(plan.id, "freeze", { days: 10, reason: "investigation" })
    expect(withoutKey.status).toBe(400)
    expect(withoutKey.data.message).toContain("plan_already_frozen")
  })

  it("answers 400 naming what is wrong, 404 for an unknown plan, 401 without an admin", async () => {
    const { plan } = await chairInThree()
    for (const [name, body, expected] of [
      ["freeze", { days: 181, reason: "x" }, "days"],
      ["freeze", { days: 10 }, "reason"],
      ["freeze", { days: 2.5, reason: "x" }, "days"],
      ["late-fee", { percent: "abc", note: "x" }, "percent"],
      ["late-fee", { percent: 2.555, note: "x" }, "at most 2 decimals"],
      ["late-fee", { percent: 5 }, "note"],
      ["flag-fraud", { reason: "  " }, "reason"],
      ["postpone", { instalment_number: 0, days: 5 }, "instalment_number"],
      ["postpone", { instalment_number: 2, days: 5, when: "now" }, "when"],
    ] as const) {
      const res = await h.action(plan.id, name, body as Record<string, unknown>)
      expect([name, res.status]).toEqual([name, 400])
      expect(res.data.message).toContain(expected)
    }
    const missing = await h.action("iplan_missing", "freeze", { days: 10, reason: "x" })
    expect(missing.status).toBe(404)
    const anonymous = await api.post(`/admin/instalment-plans/${plan.id}/freeze`, { days: 10, reason: "x" }).catch((e) => e.response)
    expect(anonymous.status).toBe(401)
    // Nothing above changed the plan.
    expect((await h.getPlan(plan.id)).status).toBe("active")
  })

  it("answers the clock's state and refuses a malformed clock request", async () => {
    const { data } = await api.get("/admin/instalments/sandbox/clock", { headers: h.adminHeaders })
    expect(data.clock.today).toBe("2027-01-31")
    for (const body of [{}, { advance_days: 0 }, { advance_days: 1, set: "2027-02-01" }, { set: "31/01/2027" }]) {
      const res = await api.post("/admin/instalments/sandbox/clock", body, { headers: h.adminHeaders }).catch((e) => e.response)
      expect(res.status).toBe(400)
    }
    const set = await api.post("/admin/instalments/sandbox/clock?wait=true", { set: "2027-02-28" }, { headers: h.adminHeaders })
    expect(set.data.clock.today).toBe("2027-02-28")
    expect(set.data.runs).toHaveLength(1)
  })

  it("moves the clock forward only, at most 125 days per call and 5 years past the real time", async () => {
    const post = (body: Record<string, unknown>) => api.post("/admin/instalments/sandbox/clock", body, { headers: h.adminHeaders }).catch((e) => e.response)
    const back = await post({ set: "2027-01-30" })
    expect(back.status).toBe(400)
    // The test clock flows from 31 January 10:00 on, as real time does.
    expect(back.data.message).toMatch(/^set must be later than the test clock's time, 2027-01-31T10:\d\d:\d\d\.\d{3}Z: the test clock only moves forward$/)
    const farAway = await post({ set: "9999-12-31T23:30:00Z" })
    expect(farAway.status).toBe(400)
    expect(farAway.data.message).toMatch(/^set must be at most 5 years after the real time, so no later than \d{4}-/)
    const tooMany = await post({ advance_days: 126 })
    expect(tooMany.status).toBe(400)
    expect(tooMany.data.message).toContain("must be a whole number of days from 1 to 125")
    // Nothing above moved it.
    const { data } = await api.get("/admin/instalments/sandbox/clock", { headers: h.adminHeaders })
    expect(data.clock.today).toBe("2027-01-31")
  })
})
