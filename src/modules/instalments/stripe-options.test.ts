import { parseStripeOptions, stripeAdapters } from "./stripe-options"

const dev = { NODE_ENV: "development" }
const prod = { NODE_ENV: "production" }
const ok = { api_key: "sk_test_abc123", webhook_secret: "whsec_abc123" }

describe("the stripe options", () => {
  it("reads a secret key and a webhook secret; test mode from the key", () => {
    expect(parseStripeOptions(ok, dev)).toEqual({ apiKey: "sk_test_abc123", webhookSecret: "whsec_abc123", testMode: true, apiBase: null, publishableKey: null })
    expect(parseStripeOptions({ ...ok, api_key: "sk_live_abc" }, prod).testMode).toBe(false)
    expect(parseStripeOptions({ ...ok, api_key: "rk_live_abc" }, prod).testMode).toBe(false)
    expect(parseStripeOptions({ ...ok, api_key: "rk_test_abc" }, prod).testMode).toBe(true)
  })

  it("stops the boot with a message naming what is missing or malformed", () => {
    expect(() => parseStripeOptions(undefined, dev)).toThrow('option "stripe" is required with processor "stripe"')
    expect(() => parseStripeOptions({ webhook_secret: "whsec_a" }, dev)).toThrow('option "stripe.api_key" must be a Stripe secret key, sk_test_… or sk_live_… (or a restricted key rk_…): it is missing')
    expect(() => parseStripeOptions({ ...ok, api_key: "pk_test_abc" }, dev)).toThrow('option "stripe.api_key" must be a Stripe secret key')
    expect(() => parseStripeOptions({ ...ok, api_key: "sk_test_" }, dev)).toThrow('"stripe.api_key"')
    expect(() => parseStripeOptions({ api_key: ok.api_key }, dev)).toThrow('option "stripe.webhook_secret" must be the signing secret (whsec_…)')
    expect(() => parseStripeOptions({ ...ok, webhook_secret: "secret" }, dev)).toThrow('"stripe.webhook_secret"')
    expect(() => parseStripeOptions({ ...ok, apiKey: "x" }, dev)).toThrow('option "stripe.apiKey" is not known')
  })

  it("never prints the key it refuses", () => {
    expect(() => parseStripeOptions({ ...ok, api_key: "sk_tset_SECRETVALUE" }, dev)).toThrow(expect.objectContaining({ message: expect.not.stringContaining("SECRETVALUE") }))
  })

  it("reads a publishable key of the secret key's mode, for Stripe.js on the self-service page", () => {
    expect(parseStripeOptions({ ...ok, publishable_key: "pk_test_abc" }, dev).publishableKey).toBe("pk_test_abc")
    expect(parseStripeOptions({ ...ok, api_key: "sk_live_abc", publishable_key: "pk_live_abc" }, prod).publishableKey).toBe("pk_live_abc")
    expect(parseStripeOptions({ ...ok, api_key: "rk_live_abc", publishable_key: "pk_live_abc" }, prod).publishableKey).toBe("pk_live_abc")
  })

  it("refuses a malformed publishable key, a secret one in its place, and mixed modes, saying how to fix it", () => {
    expect(() => parseStripeOptions({ ...ok, publishable_key: "pk_abc" }, dev)).toThrow('option "stripe.publishable_key" must be a Stripe publishable key, pk_test_… or pk_live_…')
    expect(() => parseStripeOptions({ ...ok, publishable_key: 42 }, dev)).toThrow('"stripe.publishable_key" must be')
    expect(() => parseStripeOptions({ ...ok, publishable_key: "sk_test_SECRETVALUE" }, dev)).toThrow(expect.objectContaining({ message: expect.stringContaining("looks like a secret key") }))
    expect(() => parseStripeOptions({ ...ok, publishable_key: "sk_test_SECRETVALUE" }, dev)).toThrow(expect.objectContaining({ message: expect.not.stringContaining("SECRETVALUE") }))
    expect(() => parseStripeOptions({ ...ok, publishable_key: "pk_live_abc" }, dev)).toThrow(
      'option "stripe.publishable_key" is a live key (pk_live_…) but "stripe.api_key" is a test one (sk_test_…): use the two keys of the same mode',
    )
    expect(() => parseStripeOptions({ ...ok, api_key: "sk_live_abc", publishable_key: "pk_test_abc" }, prod)).toThrow(
      'option "stripe.publishable_key" is a test key (pk_test_…) but "stripe.api_key" is a live one (sk_live_…)',
    )
  })

  it("points the client elsewhere only outside production", () => {
    expect(parseStripeOptions({ ...ok, api_base: "http://127.0.0.1:12111" }, dev).apiBase?.port).toBe("12111")
    expect(() => parseStripeOptions({ ...ok, api_base: "http://127.0.0.1:12111" }, prod)).toThrow('"stripe.api_base" is for tests only')
    expect(() => parseStripeOptions({ ...ok, api_base: "ftp://x" }, dev)).toThrow('"stripe.api_base" must be a URL')
  })

  it("builds the processor without calling Stripe", () => {
    const { processor, webhooks } = stripeAdapters(parseStripeOptions({ ...ok, api_base: "http://127.0.0.1:1" }, dev))
    expect(webhooks.verify("{}", "t=1,v1=00")).toMatchObject({ ok: false })
    expect(processor.name).toBe("stripe")
    expect(processor.capabilities.testMode).toBe(true)
  })
})
