/**
 * The fake Alma's HTTP face: msw handlers for the API (Alma-Auth checked), the hosted payment
 * page (accept / refuse), and the switches a test flips (`state.down`).
 */
import { http, HttpResponse, type HttpHandler } from "msw"
import { FakeAlmaError, type FakeAlmaState, type FakePayment } from "./state"

type Handler = (args: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => unknown | Promise<unknown>

/** Wraps an API resolver: availability switch, authentication, Alma-shaped errors. */
function api(state: FakeAlmaState, resolver: Handler) {
  return async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
    const call = { method: request.method, path: new URL(request.url).pathname }
    state.requests.push(call)
    await state.beforeAnswer?.(call)
    if (state.down === "network") return HttpResponse.error()
    if (state.down === "http") return HttpResponse.json({ message: "Service Unavailable" }, { status: 503 })
    if (request.headers.get("authorization") !== `Alma-Auth ${state.apiKey}`) {
      return HttpResponse.json({ error_code: "unauthorized" }, { status: 401 })
    }
    try {
      const result = await resolver({ request, params })
      return result instanceof Response ? result : HttpResponse.json(result as Record<string, unknown>)
    } catch (error) {
      if (error instanceof FakeAlmaError) return HttpResponse.json(error.body, { status: error.status })
      throw error
    }
  }
}

async function jsonBody(request: Request): Promise<Record<string, any>> {
  const text = await request.text()
  if (!text) return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new FakeAlmaError(400, { error_code: "validation_error", errors: [{ error_code: "invalid_type", field: "body", message: "the body is not JSON" }] })
  }
}

const param = (value: string | readonly string[] | undefined) => String(Array.isArray(value) ? value[0] : value)

function withPid(url: string, pid: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}pid=${encodeURIComponent(pid)}`
}

export function fakeAlmaHandlers(state: FakeAlmaState): HttpHandler[] {
  const root = state.apiRoot
  return [
    http.post(`${root}/v2/payments/eligibility`, api(state, async ({ request }) => state.eligibility(await jsonBody(request)))),
    http.post(`${root}/v1/payments`, api(state, async ({ request }) => state.createPayment(await jsonBody(request)))),
    http.get(`${root}/v1/payments/:id`, api(state, ({ params }) => state.payment(param(params.id)))),
    http.post(`${root}/v1/payments/:id/refund`, api(state, async ({ request, params }) => state.refund(param(params.id), await jsonBody(request)))),
    http.put(`${root}/v1/payments/:id/cancel`, api(state, ({ params }) => (state.cancel(param(params.id)), new HttpResponse(null, { status: 204 })))),
    http.post(`${root}/v1/payments/:id/trigger`, api(state, ({ params }) => state.trigger(param(params.id)))),
    http.post(
      `${root}/v1/payments/:id/potential-fraud`,
      api(state, async ({ request, params }) => {
        state.flagPotentialFraud(param(params.id), String((await jsonBody(request)).reason ?? ""))
        return new HttpResponse(null, { status: 204 })
      }),
    ),
    http.post(
      `${root}/v1/payments/:id/orders/:reference/status`,
      api(state, async ({ request, params }) => {
        state.orderStatus(param(params.id), param(params.reference), await jsonBody(request))
        return new HttpResponse(null, { status: 204 })
      }),
    ),
    // The hosted payment page (no API key: the shopper's browser).
    http.get(`${root}/pay/:id`, ({ params }) => hostedPage(state, param(params.id))),
    http.post(`${root}/pay/:id/:decision`, async ({ params }) => {
      const paymentId = param(params.id)
      try {
        const payment = params.decision === "accept" ? state.accept(paymentId) : state.refuse(paymentId)
        if (payment.state === "in_progress" && payment.ipn_callback_url) {
          // Alma sends the IPN shortly after acceptance; the shopper is redirected meanwhile.
          setTimeout(() => void state.deliverIpn(paymentId).catch(() => undefined), 200)
        }
        const back = payment.state === "in_progress" ? payment.return_url : payment.failure_return_url ?? payment.customer_cancel_url ?? payment.return_url
        return back ? HttpResponse.redirect(withPid(back, paymentId), 303) : HttpResponse.text(`Payment ${payment.state}`)
      } catch (error) {
        if (error instanceof FakeAlmaError) return HttpResponse.json(error.body, { status: error.status })
        throw error
      }
    }),
  ]
}

function euros(cents: number): string {
  return `${(cents / 100).toFixed(2)} €`
}

function hostedPage(state: FakeAlmaState, paymentId: string) {
  let payment: FakePayment
  try {
    payment = state.payment(paymentId)
  } catch {
    return HttpResponse.text("Unknown payment", { status: 404 })
  }
  const rows = payment.payment_plan
    .map((i) => `<tr><td>${new Date(i.due_date * 1000).toISOString().slice(0, 10)}</td><td>${euros(i.purchase_amount + i.customer_fee)}</td><td>${i.state}</td></tr>`)
    .join("")
  const actions =
    payment.state === "not_started"
      ? `<form method="post" action="/pay/${payment.id}/accept"><button>Accept and pay</button></form>
         <form method="post" action="/pay/${payment.id}/refuse"><button>Refuse (simulate a refused scoring)</button></form>`
      : `<p>This payment is <b>${payment.state}</b>.</p>`
  return HttpResponse.html(`<!doctype html><meta charset="utf-8"><title>Fake Alma</title>
<h1>Fake Alma — ${euros(payment.purchase_amount)} in ${payment.installments_count === 1 ? `1 (+${payment.deferred_days} days)` : payment.installments_count}</h1>
<table border="1" cellpadding="4"><tr><th>due</th><th>amount</th><th>state</th></tr>${rows}</table>${actions}`)
}
