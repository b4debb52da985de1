/**
 * The client against the Store API's answers, shaped as the routes write them (src/api/store,
 * Medusa 2.21's /store/carts/:id/complete). The store is replaced by a transport that records
 * each request and answers from a script; integration-tests/http/shoppers/storefront-kit.spec.ts runs the
 * same client against a real Medusa app.
 */
import Medusa from "@medusajs/js-sdk"
import { createInstalmentsClient } from "./client"
import { createQuoteClient } from "./quote"
import type { HttpAnswer, HttpRequest, Transport } from "./transport"
import { fetchTransport } from "./transport"
import { QUOTE, SCHEDULE } from "./__fixtures__/quote"

type Call = { path: string; request: HttpRequest }

function answer(status: number, body: unknown, headers: Record<string, string> = {}): HttpAnswer {
  return { status, body, headers: { get: (name: string) => headers[name.toLowerCase()] ?? null } }
}

/** A store that answers each request with the next scripted answer, and remembers the requests. */
function scriptedStore(...answers: HttpAnswer[]) {
  const calls: Call[] = []
  const transport: Transport = async (path, request) => {
    calls.push({ path, request })
    const next = answers.shift()
    if (!next) throw new Error(`unexpected request ${request.method} ${path}`)
    return next
  }
  return { calls, client: createInstalmentsClient({ transport }) }
}

const SESSION_DATA = {
  session_id: "payses_1",
  plan: "p3x",
  locale: "fr",
  country_code: "fr",
  currency_code: "eur",
  amount_cents: 25490,
  quoted_on: "2027-01-31",
  card: { brand: "Visa", network: "visa", last4: "5556", funding: "debit", exp_month: 1, exp_year: 2031, country: "fr" },
  schedule: SCHEDULE,
  terms_version: "2026-12",
}

const collection = (sessions: unknown[] = []) => answer(200, { payment_collection: { id: "pay_col_1", payment_sessions: sessions } })

describe("quote", () => {
  it("asks for an amount in major units with two decimals, a currency, a country and a language", async () => {
    const { calls, client } = scriptedStore(answer(200, QUOTE))
    expect(await client.quote({ amount: 249, currencyCode: "eur", countryCode: "fr", locale: "fr" })).toEqual(QUOTE)
    expect(calls).toEqual([
      { path: "/store/instalments/quote", request: { method: "GET", query: { amount: "249.00", currency_code: "eur", country_code: "fr", locale: "fr" } } },
    ])
  })

  it("asks for a cart, and throws the store's 400 with its message", async () => {
    const { calls, client } = scriptedStore(answer(400, { type: "invalid_data", message: "The cart cart_1 has no address yet: set its shipping address, or pass country_code" }))
    await expect(client.quote({ cartId: "cart_1", locale: "de" })).rejects.toMatchObject({ status: 400, code: null, message: expect.stringMatching(/no address yet/) })
    expect(calls[0].request.query).toEqual({ cart_id: "cart_1", locale: "de", provider: undefined })
  })
})

describe("createQuoteClient (a badge's only call)", () => {
  it("quotes as the whole client does, and has nothing else", async () => {
    const calls: string[] = []
    const client = createQuoteClient({ transport: async (path) => (calls.push(path), answer(200, QUOTE)) })
    expect(await client.quote({ amount: "249.90", currencyCode: "eur", countryCode: "fr" })).toEqual(QUOTE)
    expect([calls, Object.keys(client)]).toEqual([["/store/instalments/quote"], ["quote"]])
  })
})

describe("the payment session", () => {
  it("creates the cart's payment collection, then the session with the plan, card token, phone and language", async () => {
    const session = { id: "payses_1", provider_id: "pp_instalments_instalments", amount: 254.9, currency_code: "eur", status: "pending", data: SESSION_DATA }
    const { calls, client } = scriptedStore(collection(), collection([session]))
    const result = await client.startInstalmentsSession({ cartId: "cart_1", plan: "p3x", cardToken: "tok_visa", phone: "+33 6 12 34 56 78", locale: "fr" })
    expect(result).toEqual({ type: "session", paymentCollectionId: "pay_col_1", session })
    expect(calls.map((c) => [c.request.method, c.path, c.request.body])).toEqual([
      ["POST", "/store/payment-collections", { cart_id: "cart_1" }],
      [
        "POST",
        "/store/payment-collections/pay_col_1/payment-sessions",
        { provider_id: "pp_instalments_instalments", data: { plan: "p3x", card_token: "tok_visa", phone: "+33 6 12 34 56 78", locale: "fr" } },
      ],
    ])
  })

  it("answers a refused card as a refusal with the plugin's code and the shopper's text", async () => {
    const { client } = scriptedStore(collection(), answer(400, { type: "invalid_data", message: "card_prepaid: Les cartes prépayées ne sont pas acceptées." }))
    expect(await client.startInstalmentsSession({ cartId: "c", plan: "p3x", cardToken: "tok_prepaid", phone: "+33612345678" })).toEqual({
      type: "refused",
      status: 400,
      code: "card_prepaid",
      message: "Les cartes prépayées ne sont pas acceptées.",
    })
  })

  it("sends Alma's plan, language and return URL", async () => {
    const data = { session_id: "s", alma_payment_id: "payment_1", payment_url: "https://pay.sandbox.getalma.eu/p", plan: "p3x", locale: "fr", currency_code: "eur", amount_cents: 25490, deferred_trigger: false }
    const { calls, client } = scriptedStore(collection(), collection([{ id: "s", provider_id: "pp_alma_alma", amount: 254.9, currency_code: "eur", status: "pending", data }]))
    const result = await client.startAlmaSession({ cartId: "c", plan: "p3x", locale: "fr", returnUrl: "https://shop.example/alma/return" })
    expect(result.type === "session" && result.session.data.payment_url).toBe("https://pay.sandbox.getalma.eu/p")
    expect(calls[1].request.body).toEqual({ provider_id: "pp_alma_alma", data: { plan: "p3x", locale: "fr", return_url: "https://shop.example/alma/return" } })
  })

  it("throws a 5xx: nothing the shopper can fix", async () => {
    const { client } = scriptedStore(collection(), answer(500, { type: "unknown_error", message: "An unknown error occurred." }))
    await expect(client.startInstalmentsSession({ cartId: "c", plan: "p3x", cardToken: "tok_visa", phone: "+33612345678" })).rejects.toMatchObject({ status: 500 })
  })
})

describe("placing the order: every answer of POST /store/carts/:id/complete", () => {
  const openCart = (data: Record<string, unknown>) => ({ id: "cart_1", payment_collection: { payment_sessions: [{ provider_id: "pp_x", data }] } })

  it("200 order → the order", async () => {
    const { calls, client } = scriptedStore(answer(200, { type: "order", order: { id: "order_1", display_id: 7 } }))
    expect(await client.placeOrder("cart_1")).toEqual({ type: "order", order: { id: "order_1", display_id: 7 } })
    expect(calls[0]).toEqual({ path: "/store/carts/cart_1/complete", request: { method: "POST" } })
  })

  it("200 cart with a payment_authorization_error → the cart and the error, its code split off", async () => {
    const cart = openCart({})
    const error = { message: "card_declined: Votre banque a refusé le paiement.", name: "Error", type: "payment_authorization_error" }
    const { client } = scriptedStore(answer(200, { type: "cart", cart, error }))
    expect(await client.placeOrder("cart_1")).toEqual({
      type: "cart",
      cart,
      error: { code: "card_declined", message: "Votre banque a refusé le paiement.", type: "payment_authorization_error" },
    })
  })

  it("200 cart with a payment_requires_more_error → requires_more with the session's redirect", async () => {
    const cart = openCart({ redirect_url: "https://bank.example/3ds" })
    const error = { message: "Authentication required", name: "Error", type: "payment_requires_more_error" }
    const { client } = scriptedStore(answer(200, { type: "cart", cart, error }))
    expect(await client.placeOrder("cart_1")).toEqual({ type: "requires_more", url: "https://bank.example/3ds", code: null, message: "Authentication required", cart })
  })

  it("400 alma_payment_pending → requires_more with Alma's page, read from the cart's session", async () => {
    const { calls, client } = scriptedStore(
      answer(400, { type: "not_allowed", message: "alma_payment_pending: the shopper has not accepted the Alma payment yet (Alma: not_started). Redirect them to data.payment_url, then complete the cart again." }),
      answer(200, { cart: openCart({ payment_url: "https://pay.sandbox.getalma.eu/p" }) }),
    )
    expect(await client.placeOrder("cart_1")).toMatchObject({ type: "requires_more", url: "https://pay.sandbox.getalma.eu/p", code: "alma_payment_pending" })
    expect(calls[1]).toEqual({ path: "/store/carts/cart_1", request: { method: "GET", query: { fields: "*payment_collection.payment_sessions" } } })
  })

  it("400 without a reason while the session waits for 3-D Secure → requires_more with what Stripe.js needs", async () => {
    const shopperAction = { type: "authenticate", intent: "payment", client_secret: "pi_1_secret_2" }
    const cart = { id: "cart_1", payment_collection: { payment_sessions: [{ provider_id: "pp_instalments_instalments", status: "requires_more", data: { shopper_action: shopperAction } }] } }
    const { client } = scriptedStore(
      answer(400, { type: "not_allowed", message: "Session: payses_1 was not authorized with the provider." }),
      answer(200, { cart }),
      answer(400, { type: "not_allowed", message: "Session: payses_1 was not authorized with the provider." }),
      answer(200, { cart: openCart({}) }),
    )
    expect(await client.placeOrder("cart_1")).toEqual({
      type: "requires_more",
      url: null,
      code: "authentication_required",
      message: "Session: payses_1 was not authorized with the provider.",
      authentication: shopperAction,
    })
    // No session waiting: a refusal as before.
    expect(await client.placeOrder("cart_1")).toMatchObject({ type: "refused", status: 400, code: null })
  })

  it("400 with the plugin's code (card_declined, credit_refused) → refused; 409 (completing already) → refused without code", async () => {
    const { client } = scriptedStore(
      answer(400, { type: "not_allowed", message: "credit_refused: Le financement n'a pas été accordé." }),
      answer(409, { type: "conflict", message: "Cart is already being completed by another request" }),
    )
    expect(await client.placeOrder("c")).toEqual({ type: "refused", status: 400, code: "credit_refused", message: "Le financement n'a pas été accordé." })
    expect(await client.placeOrder("c")).toEqual({ type: "refused", status: 409, code: null, message: "Cart is already being completed by another request" })
  })

  it("5xx → throws", async () => {
    const { client } = scriptedStore(answer(503, {}))
    await expect(client.placeOrder("c")).rejects.toMatchObject({ name: "InstalmentsApiError", status: 503 })
  })

  it("Alma's return page: the order, pending or refused, as the route answers", async () => {
    const { calls, client } = scriptedStore(answer(200, { type: "refused", alma_state: "not_started", reasons: [{ code: "credit_refused", message: "…" }] }))
    expect((await client.almaReturn({ pid: "payment_1", cartId: "cart_1", locale: "fr" })).type).toBe("refused")
    expect(calls[0].request.query).toEqual({ pid: "payment_1", cart_id: "cart_1", locale: "fr" })
  })
})

describe("self-service", () => {
  const plan = { id: "iplan_1", actions: { change_card: true } }

  it("sends the link's token and the idempotency key as headers", async () => {
    const { calls, client } = scriptedStore(answer(200, { instalment_plan: plan }), answer(200, { instalment_plan: plan, message: "Merci." }))
    expect(await client.plan("iplan_1", { token: "v2.1.9.sig", locale: "nl" })).toEqual(plan)
    expect(await client.payEarly("iplan_1", "all", { token: "v2.1.9.sig", idempotencyKey: "k1" })).toEqual({ instalment_plan: plan, message: "Merci." })
    expect(calls).toEqual([
      { path: "/store/instalment-plans/iplan_1", request: { method: "GET", headers: { "x-instalments-token": "v2.1.9.sig" }, query: { locale: "nl" } } },
      {
        path: "/store/instalment-plans/iplan_1/pay-early",
        request: { method: "POST", body: { scope: "all" }, headers: { "x-instalments-token": "v2.1.9.sig", "idempotency-key": "k1" }, query: { locale: undefined } },
      },
    ])
  })

  it("pays with the bank's 3-D Secure: sends authenticate, answers requires_action for Stripe.js", async () => {
    const requiresAction = { type: "authenticate", intent: "payment", client_secret: "pi_1_secret_2" }
    const { calls, client } = scriptedStore(answer(200, { instalment_plan: plan, message: "Confirmez.", requires_action: requiresAction }))
    expect(await client.payEarly("iplan_1", "next", { token: "t", idempotencyKey: "k2" }, { authenticate: true })).toEqual({ instalment_plan: plan, message: "Confirmez.", requires_action: requiresAction })
    expect(calls[0].request.body).toEqual({ scope: "next", authenticate: true })
  })

  it("returns the renewed token of a card change, and the bodies of postpone, withdraw and pay-exchange", async () => {
    const ok = answer(200, { instalment_plan: plan, message: "ok" })
    const { calls, client } = scriptedStore(answer(200, { instalment_plan: plan, message: "ok" }, { "x-instalments-token": "v2.2.9.new" }), ok, ok, ok, ok)
    expect((await client.changeCard("iplan_1", "tok_cb")).token).toBe("v2.2.9.new")
    await client.postpone("iplan_1", { instalmentNumber: 2, days: 5 })
    await client.withdraw("iplan_1")
    await client.payExchange("iplan_1", undefined)
    await client.payExchange("iplan_1", "tok_visa")
    expect(calls.map((c) => [c.path.split("/").pop(), c.request.body])).toEqual([
      ["change-card", { card_token: "tok_cb" }],
      ["postpone", { instalment_number: 2, days: 5 }],
      ["withdraw", {}],
      ["pay-exchange", {}],
      ["pay-exchange", { card_token: "tok_visa" }],
    ])
  })

  it("throws a refusal with the plugin's code and the shopper's text", async () => {
    const { client } = scriptedStore(answer(400, { type: "invalid_data", message: "postponement_limit_reached: Vous avez déjà reporté une échéance." }))
    await expect(client.postpone("iplan_1", { instalmentNumber: 2, days: 3 })).rejects.toMatchObject({
      status: 400,
      code: "postponement_limit_reached",
      message: "Vous avez déjà reporté une échéance.",
    })
  })
})

describe("transports", () => {
  const realFetch = globalThis.fetch
  afterEach(() => {
    globalThis.fetch = realFetch
  })

  /** A fetch that records what it was asked and answers one JSON response. */
  function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
    const seen: { url: string; init: RequestInit }[] = []
    const fn = (async (url: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: String(url), init: init ?? {} })
      return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } })
    }) as typeof fetch
    return { seen, fn }
  }

  it("fetch: the base URL, the query, the publishable key and a JSON body", async () => {
    const { seen, fn } = fakeFetch(200, QUOTE)
    const client = createInstalmentsClient({ baseUrl: "https://api.shop.example/", publishableKey: "pk_1", fetch: fn })
    await client.quote({ amount: "19.90", currencyCode: "eur", countryCode: "be" })
    expect(seen[0].url).toBe("https://api.shop.example/store/instalments/quote?amount=19.90&currency_code=eur&country_code=be")
    expect(seen[0].init.headers).toMatchObject({ "x-publishable-api-key": "pk_1", accept: "application/json" })
    const send = fetchTransport({ baseUrl: "https://api.shop.example", publishableKey: "pk_1", fetch: fn })
    await send("/store/x", { method: "POST", body: { a: 1 } })
    expect(seen[1].init).toMatchObject({ method: "POST", body: '{"a":1}', headers: { "content-type": "application/json" } })
  })

  it("@medusajs/js-sdk: its headers, the renewed token header, and its FetchError read as the store's answer", async () => {
    const sdk = new Medusa({ baseUrl: "https://api.shop.example", publishableKey: "pk_2", auth: { type: "jwt", jwtTokenStorageMethod: "nostore" } })
    const client = createInstalmentsClient({ sdk })
    const renewed = fakeFetch(200, { instalment_plan: plan(), message: "ok" }, { "x-instalments-token": "v2.3.9.new" })
    globalThis.fetch = renewed.fn
    expect((await client.changeCard("iplan_1", "tok_cb", { token: "v2.2.9.old" })).token).toBe("v2.3.9.new")
    const headers = renewed.seen[0].init.headers as Headers
    expect([headers.get("x-publishable-api-key"), headers.get("x-instalments-token")]).toEqual(["pk_2", "v2.2.9.old"])
    expect(JSON.parse(renewed.seen[0].init.body as string)).toEqual({ card_token: "tok_cb" })

    globalThis.fetch = fakeFetch(400, { type: "invalid_data", message: "card_prepaid: Les cartes prépayées…" }).fn
    await expect(client.changeCard("iplan_1", "tok_prepaid")).rejects.toMatchObject({ status: 400, code: "card_prepaid" })
  })

  function plan() {
    return { id: "iplan_1" }
  }
})
