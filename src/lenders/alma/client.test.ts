/**
 * The Alma client against Alma's own payloads (test-support/alma-fixtures), served by msw: the
 * schemas accept them, errors become AlmaApiErrors of the right kind, timeouts are enforced and
 * only safe calls are retried.
 */
import fs from "node:fs"
import path from "node:path"
import { http, HttpResponse } from "msw"
import { setupServer } from "msw/node"
import * as fixtures from "../../../test-support/alma-fixtures/payments"
import { AlmaClient } from "./client"
import { AlmaApiError, toMedusaError } from "./errors"

const ROOT = "https://api.alma.test"
const FIXTURES = path.join(__dirname, "../../../test-support/alma-fixtures")
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8"))

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: "error" }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const client = (overrides: Partial<ConstructorParameters<typeof AlmaClient>[0]> = {}) =>
  new AlmaClient({ apiKey: "sk_test_key", apiRoot: ROOT, timeoutMs: 500, retries: 2, retryDelayMs: 1, ...overrides })

const query = (installments_count: number, deferred_days = 0, deferred_months = 0) => ({ installments_count, deferred_days, deferred_months })

async function failure(promise: Promise<unknown>): Promise<AlmaApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AlmaApiError)
  return error as AlmaApiError
}

describe("AlmaClient", () => {
  it.each([
    ["eligibility-v2-all-eligible-1x-1x-d1m-2x-3x-4x-10x.widgets.json", 6],
    ["eligibility-v2-eligible-2x-3x-4x.widgets.json", 3],
    ["eligibility-v2-eligible-2x-3x-4x-10x-credit.widgets.json", 4],
    ["eligibility-v2-ineligible-amount-2x-3x-4x.widgets.json", 3],
    ["eligibility-v2-mixed-1x-d30-and-2x-eligible-4x-10x-ineligible.widgets.json", 4],
  ])("reads Alma's eligibility answer %s", async (file, count) => {
    const body = fixture(file)
    expect(body).toHaveLength(count)
    let seen: { auth: string | null; body: unknown } | undefined
    server.use(
      http.post(`${ROOT}/v2/payments/eligibility`, async ({ request }) => {
        seen = { auth: request.headers.get("authorization"), body: await request.json() }
        return HttpResponse.json(body)
      }),
    )
    const queries = body.map((item: { installments_count: number; deferred_days: number; deferred_months: number }) =>
      query(item.installments_count, item.deferred_days, item.deferred_months),
    )
    const items = await client().eligibility({ purchase_amount: 45000, queries })
    expect(seen).toEqual({ auth: "Alma-Auth sk_test_key", body: { purchase_amount: 45000, queries } })
    expect(items.map((i) => i.installments_count)).toEqual(body.map((i: { installments_count: number }) => i.installments_count))
    for (const item of items.filter((i) => i.eligible)) {
      // Alma's instalments add up to the basket (45000 cents) in every eligible plan.
      expect(item.payment_plan!.reduce((sum, i) => sum + i.purchase_amount, 0)).toBe(45000)
    }
    const ineligible = items.find((i) => !i.eligible)
    if (ineligible) expect(ineligible.reasons).toEqual({ purchase_amount: "invalid_value" })
  })

  it("refuses an eligibility answer that does not answer every plan", async () => {
    server.use(http.post(`${ROOT}/v2/payments/eligibility`, () => HttpResponse.json(fixture("eligibility-v2-eligible-2x-3x-4x.widgets.json"))))
    const error = await failure(client().eligibility({ purchase_amount: 45000, queries: [query(3)] }))
    expect(error.kind).toBe("bad_response")
  })

  it("reads the documented payment shapes: not started, paid, and the answer of a full refund", async () => {
    server.use(
      http.get(`${ROOT}/v1/payments/:id`, ({ params }) =>
        HttpResponse.json(params.id === fixtures.paidPayment.id ? fixtures.paidPayment : fixtures.notStartedPayment),
      ),
      http.post(`${ROOT}/v1/payments/:id/refund`, () => HttpResponse.json(fixtures.fullRefundAnswer)),
    )
    const notStarted = await client().getPayment(fixtures.notStartedPayment.id)
    expect(notStarted).toMatchObject({ state: "not_started", purchase_amount: 47487, installments_count: 3, refunds: [] })
    expect(notStarted.payment_plan.map((i) => [i.purchase_amount, i.customer_fee, i.state])).toEqual([
      [15829, 816, "pending"],
      [15829, 0, "pending"],
      [15829, 0, "pending"],
    ])
    const paid = await client().getPayment(fixtures.paidPayment.id)
    expect(paid).toMatchObject({ state: "paid", amount_already_refunded: 1200, orders: [{ merchant_reference: "1001" }] })

    const refunded = await client().refund("payment_full_refund", { amount: 35299, merchant_reference: "ref_1" })
    expect(refunded.refunds).toEqual([
      expect.objectContaining({ amount: 35299, payment_refund_amount: 11833, rebate_amount: 23466, merchant_reference: null }),
    ])
    expect(refunded.payment_plan.map((i) => [i.purchase_amount, i.original_purchase_amount, i.state, i.date_paid])).toEqual([
      [11733, 11733, "paid", 1649672472],
      [0, 11733, "paid", null],
      [0, 11733, "paid", null],
    ])
  })

  it("turns Alma's error answers into errors that say what happened", async () => {
    server.use(
      http.post(`${ROOT}/v1/payments/:id/refund`, () => HttpResponse.json(fixtures.refundTooLarge, { status: 400 })),
      http.get(`${ROOT}/v1/payments/:id`, () => HttpResponse.json(fixtures.paymentNotFound, { status: 404 })),
      http.post(`${ROOT}/v2/payments/eligibility`, () => HttpResponse.json(fixture("error-401-unauthorized.widgets.json"), { status: 401 })),
    )
    const tooLarge = await failure(client().refund("payment_1", { amount: 100000000, merchant_reference: "ref_1" }))
    expect(tooLarge).toMatchObject({ kind: "validation", status: 400 })
    expect(tooLarge.detail).toBe("HTTP 400: amount: Impossible de rembourser plus que le montant de l'achat (invalid_value)")
    expect(toMedusaError(tooLarge).message).toContain("alma_refused")

    const missing = await failure(client().getPayment("payment_11ujT8U2zSX9OUlFbRVUBcHuTU2191NrYQ123"))
    expect(missing).toMatchObject({ kind: "not_found", detail: "HTTP 404: Payment payment_11ujT8U2zSX9OUlFbRVUBcHuTU2191NrYQ123 not found" })

    const unauthorized = await failure(client().eligibility({ purchase_amount: 45000, queries: [query(3)] }))
    expect(unauthorized.kind).toBe("unauthorized")
    expect(toMedusaError(unauthorized).message).toContain("api_key")
  })

  it("retries a read after a 5xx, and gives up with a clear error after the last attempt", async () => {
    let calls = 0
    server.use(
      http.get(`${ROOT}/v1/payments/:id`, () => {
        calls++
        return calls < 3 ? new HttpResponse("upstream down", { status: 503 }) : HttpResponse.json(fixtures.paidPayment)
      }),
    )
    await expect(client().getPayment("payment_xxxxxx")).resolves.toMatchObject({ state: "paid" })
    expect(calls).toBe(3)

    calls = 0
    server.use(http.get(`${ROOT}/v1/payments/:id`, () => (calls++, new HttpResponse(null, { status: 502 }))))
    const down = await failure(client().getPayment("payment_xxxxxx"))
    expect(down).toMatchObject({ kind: "server", status: 502 })
    expect(calls).toBe(3)
    expect(toMedusaError(down).message).toMatch(/^alma_unavailable: Alma could not fetch payment payment_xxxxxx: Alma is unreachable/)
  })

  it("asks once when the caller says not to retry (a request an anonymous shopper triggered)", async () => {
    let calls = 0
    server.use(http.post(`${ROOT}/v2/payments/eligibility`, () => (calls++, new HttpResponse(null, { status: 503 }))))
    expect((await failure(client().eligibility({ purchase_amount: 45000, queries: [query(3)] }, { retry: false }))).kind).toBe("server")
    expect(calls).toBe(1)
    calls = 0
    server.use(http.get(`${ROOT}/v1/payments/:id`, () => (calls++, new HttpResponse(null, { status: 503 }))))
    expect((await failure(client().getPayment("payment_1", { retry: false }))).kind).toBe("server")
    expect(calls).toBe(1)
  })

  it("never retries a call that changes something (a refund that failed may have happened)", async () => {
    let calls = 0
    server.use(http.post(`${ROOT}/v1/payments/:id/refund`, () => (calls++, new HttpResponse(null, { status: 500 }))))
    expect((await failure(client().refund("payment_1", { amount: 100, merchant_reference: "ref_1" }))).kind).toBe("server")
    expect(calls).toBe(1)
  })

  it("times out a call Alma does not answer, and retries it only if it is safe", async () => {
    let calls = 0
    server.use(
      http.get(`${ROOT}/v1/payments/:id`, async () => {
        calls++
        await new Promise((resolve) => setTimeout(resolve, 300))
        return HttpResponse.json(fixtures.paidPayment)
      }),
    )
    const error = await failure(client({ timeoutMs: 50, retries: 1 }).getPayment("payment_xxxxxx"))
    expect(error).toMatchObject({ kind: "timeout", detail: "no answer within 50 ms" })
    expect(calls).toBe(2)
    expect(toMedusaError(error).message).toContain("did not answer in time")
  })

  it("reports a network failure, and an answer it cannot read", async () => {
    server.use(
      http.get(`${ROOT}/v1/payments/:id`, () => HttpResponse.error()),
      http.post(`${ROOT}/v1/payments`, () => HttpResponse.json({ id: "payment_1", state: "not_started" })),
    )
    expect((await failure(client({ retries: 0 }).getPayment("payment_1"))).kind).toBe("network")
    const unreadable = await failure(client().createPayment({ payment: { purchase_amount: 100, installments_count: 3 } }))
    expect(unreadable.kind).toBe("bad_response")
    expect(unreadable.detail).toContain("purchase_amount")
  })

  it("refuses amounts that are not whole cents before calling Alma", async () => {
    expect((await failure(client().createPayment({ payment: { purchase_amount: 254.9, installments_count: 3 } }))).kind).toBe("validation")
    expect((await failure(client().refund("payment_1", { amount: 0, merchant_reference: "r" }))).kind).toBe("validation")
  })
})
