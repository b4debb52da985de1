/**
 * The Stripe steps against a fake of Stripe.js that answers as Stripe documents it: a Card Element
 * that is complete or not, `createPaymentMethod` → `{ paymentMethod }` or `{ error }` (never a
 * throw), `handleNextAction` → the intent once the challenge is passed, `{ error }` with
 * `payment_intent_authentication_failure` when the shopper fails it.
 */
import { confirmWithBank, stripeCardToken, type StripeCardElementLike, type StripeJsLike } from "./stripe-card"

function fakeCard(complete: boolean): StripeCardElementLike & { complete: boolean } {
  return { complete, mount: () => undefined, destroy: () => undefined, on: () => undefined }
}

function fakeStripe(challenge: "passed" | "failed" | "setup" = "passed") {
  const calls: { method: string; params: unknown }[] = []
  const stripe: StripeJsLike = {
    elements: () => ({ create: () => fakeCard(false) }),
    async createPaymentMethod(params) {
      calls.push({ method: "createPaymentMethod", params })
      if (!(params.card as ReturnType<typeof fakeCard>).complete) {
        return { error: { type: "validation_error", code: "incomplete_number", message: "Your card number is incomplete." } }
      }
      return { paymentMethod: { id: "pm_1Qfake" } }
    },
    async handleNextAction(params) {
      calls.push({ method: "handleNextAction", params })
      if (challenge === "failed") {
        return {
          error: {
            type: "invalid_request_error",
            code: "payment_intent_authentication_failure",
            message: "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
          },
        }
      }
      if (challenge === "setup") return { setupIntent: { id: "seti_1", status: "succeeded" } }
      return { paymentIntent: { id: "pi_1", status: "succeeded" } }
    },
  }
  return { stripe, calls }
}

describe("stripeCardToken", () => {
  it("answers the PaymentMethod's id, and gives Stripe the shopper's billing details", async () => {
    const { stripe, calls } = fakeStripe()
    const card = fakeCard(true)
    expect(await stripeCardToken(stripe, card, { name: "Léa Martin", phone: "+33612345678" })).toEqual({ ok: true, value: "pm_1Qfake" })
    expect(calls).toEqual([{ method: "createPaymentMethod", params: { type: "card", card, billing_details: { name: "Léa Martin", phone: "+33612345678" } } }])
  })

  it("answers Stripe's code and message when the card cannot be read", async () => {
    const { stripe } = fakeStripe()
    expect(await stripeCardToken(stripe, fakeCard(false))).toEqual({ ok: false, code: "incomplete_number", message: "Your card number is incomplete." })
  })
})

describe("confirmWithBank", () => {
  it("passes the client_secret to Stripe.js and answers the authenticated payment", async () => {
    const { stripe, calls } = fakeStripe()
    expect(await confirmWithBank(stripe, "pi_1_secret_abc")).toEqual({ ok: true, value: { id: "pi_1", status: "succeeded" } })
    expect(calls).toEqual([{ method: "handleNextAction", params: { clientSecret: "pi_1_secret_abc" } }])
  })

  it("answers the saved card's SetupIntent (d15, d30, deferred start)", async () => {
    const { stripe } = fakeStripe("setup")
    expect(await confirmWithBank(stripe, "seti_1_secret_abc")).toEqual({ ok: true, value: { id: "seti_1", status: "succeeded" } })
  })

  it("answers the failure with Stripe's code and message when the shopper fails the challenge", async () => {
    const { stripe } = fakeStripe("failed")
    const result = await confirmWithBank(stripe, "pi_1_secret_abc")
    expect(result).toEqual({ ok: false, code: "payment_intent_authentication_failure", message: expect.stringContaining("unable to authenticate") })
  })

  it("does not go on with an intent still waiting for the shopper", async () => {
    const stripe: StripeJsLike = { ...fakeStripe().stripe, handleNextAction: async () => ({ paymentIntent: { id: "pi_2", status: "requires_action" } }) }
    expect(await confirmWithBank(stripe, "pi_2_secret")).toEqual({ ok: false, code: "requires_action", message: null })
  })
})
