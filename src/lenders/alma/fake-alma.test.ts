/**
 * The client against the fake Alma served over real HTTP (what `npm run fake-alma` runs for the
 * demo): the fake answers in Alma's shapes, so the client's schemas read them; and its payment
 * page, refunds and signatures behave as the integration tests expect.
 */
import { freePort } from "../../../test-support/free-port"
import { startFakeAlmaServer } from "../../../test-support/fake-alma/server"
import { AlmaClient } from "./client"
import { isValidIpnSignature } from "./signature"

const KEY = "sk_test_fake_server"

describe("fake Alma over HTTP", () => {
  let fake: Awaited<ReturnType<typeof startFakeAlmaServer>>
  let client: AlmaClient

  beforeAll(async () => {
    fake = await startFakeAlmaServer({ port: await freePort(), apiKey: KEY })
    fake.state.now = () => new Date("2027-01-31T10:00:00Z")
    client = new AlmaClient({ apiKey: KEY, apiRoot: fake.apiRoot, timeoutMs: 2000, retries: 0 })
  })
  afterAll(() => fake.close())

  it("answers eligibility for every plan with the engine's rules (254.90 € in 3: 84.98 + 84.96 + 84.96; 10x not offered)", async () => {
    const [p3x, credit] = await client.eligibility({
      purchase_amount: 25490,
      queries: [
        { installments_count: 3, deferred_days: 0, deferred_months: 0 },
        { installments_count: 10, deferred_days: 0, deferred_months: 0 },
      ],
    })
    expect(p3x.eligible).toBe(true)
    expect(p3x.payment_plan!.map((i) => i.purchase_amount)).toEqual([8498, 8496, 8496])
    expect(credit).toMatchObject({ eligible: false, reasons: { installments_count: "not_allowed" } })
    const [tooSmall] = await client.eligibility({ purchase_amount: 3900, queries: [{ installments_count: 3, deferred_days: 0, deferred_months: 0 }] })
    expect(tooSmall).toMatchObject({ eligible: false, constraints: { purchase_amount: { minimum: 5000, maximum: 400000 } } })
  })

  it("runs a payment: created, accepted on its page (redirect with pid), refunded in part then in full", async () => {
    const created = await client.createPayment({
      payment: { purchase_amount: 25490, installments_count: 3, return_url: "https://shop.example/back", ipn_callback_url: "https://api.shop.example/hooks/alma/ipn" },
    })
    expect(created).toMatchObject({ state: "not_started", url: `${fake.apiRoot}/pay/${created.id}` })
    const page = await fetch(created.url!)
    expect(await page.text()).toContain("Accept and pay")
    const accepted = await fetch(`${fake.apiRoot}/pay/${created.id}/accept`, { method: "POST", redirect: "manual" })
    expect(accepted.status).toBe(303)
    expect(accepted.headers.get("location")).toBe(`https://shop.example/back?pid=${created.id}`)

    const running = await client.getPayment(created.id)
    expect(running.state).toBe("in_progress")
    expect(running.payment_plan.map((i) => i.state)).toEqual(["paid", "pending", "pending"])

    // 100.00 €: the two unpaid instalments (169.92 €) absorb it, spread evenly: 34.96 each.
    const partial = await client.refund(created.id, { amount: 10000, merchant_reference: "ref_1" })
    expect(partial.refunds[0]).toMatchObject({ amount: 10000, rebate_amount: 10000, payment_refund_amount: 0 })
    expect(partial.payment_plan.map((i) => i.purchase_amount)).toEqual([8498, 3496, 3496])
    // The rest (154.90 €): 69.92 € written off, 84.98 € back to the shopper.
    const full = await client.refund(created.id, { amount: 15490, merchant_reference: "ref_2" })
    expect(full.refunds[1]).toMatchObject({ amount: 15490, rebate_amount: 6992, payment_refund_amount: 8498 })
    expect(full.state).toBe("paid")
    await expect(client.refund(created.id, { amount: 1, merchant_reference: "ref_3" })).rejects.toMatchObject({ kind: "validation", status: 400 })

    const { headers } = fake.state.ipnRequest(created.id)
    expect(isValidIpnSignature(created.id, KEY, headers["X-Alma-Signature"])).toBe(true)
  })

  it("refuses a wrong key as Alma does", async () => {
    const stranger = new AlmaClient({ apiKey: "sk_test_other", apiRoot: fake.apiRoot, timeoutMs: 2000, retries: 0 })
    await expect(stranger.getPayment("payment_x")).rejects.toMatchObject({ kind: "unauthorized", status: 401 })
  })
})
