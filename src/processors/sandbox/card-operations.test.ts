import { sandboxCardFingerprint } from "./card-fingerprint"
import { errorCode, setup, value } from "./__tests__/support"
import { DEFAULT_ACCEPTED_NETWORKS, EU_COUNTRIES, type EligibilityReasonCode } from "../../domain/codes"
import type { CardSummary } from "../port"
import { createMemorySandboxStore } from "./store"
import { TEST_CARDS } from "./test-cards"

/**
 * docs/business-rules.md §3 with default settings, written out here only to check that each test
 * card's facts lead to the refusal TEST_CARDS documents. `lastDue` is the plan's last due date.
 */
function cardRefusals(card: CardSummary, lastDue: Date): EligibilityReasonCode[] {
  const reasons: EligibilityReasonCode[] = []
  if (!DEFAULT_ACCEPTED_NETWORKS.includes(card.network)) reasons.push("card_network_not_accepted")
  if (card.funding === "prepaid") reasons.push("card_prepaid")
  if (card.virtual) reasons.push("card_virtual")
  if (card.systematicAuthorisation) reasons.push("card_systematic_authorisation")
  if (!(EU_COUNTRIES as readonly string[]).includes(card.issuerCountry)) reasons.push("card_issuer_country")
  const mustLast = new Date(Date.UTC(lastDue.getUTCFullYear(), lastDue.getUTCMonth() + 1, lastDue.getUTCDate()))
  const validUntil = new Date(Date.UTC(card.expYear, card.expMonth, 1)) // first day after expiry month
  if (validUntil <= mustLast) reasons.push("card_expires_too_soon")
  return reasons
}

describe("sandbox processor: cards", () => {
  it.each(TEST_CARDS.map((c) => [c.token, c] as const))("describes %s with the table's facts", async (token, card) => {
    const { processor } = setup()
    const summary = value(await processor.describeCard(token))
    const expiry = 2025 * 12 + 2 + card.expiresInMonths // March 2025 + n months
    expect(summary).toEqual({
      cardRef: expect.stringMatching(/^card_[a-z2-9]{20}$/),
      network: card.network,
      networks: [...card.networks],
      brand: card.brand,
      funding: card.funding,
      virtual: card.virtual,
      systematicAuthorisation: card.systematicAuthorisation,
      issuerCountry: card.issuerCountry,
      expMonth: (expiry % 12) + 1,
      expYear: Math.floor(expiry / 12),
      last4: card.last4,
      fingerprint: sandboxCardFingerprint(token),
    })
    expect(value(await processor.getCard(summary.cardRef))).toEqual(summary)

    // With default eligibility and a p4x plan (last due date 3 months away) the facts give the documented refusal.
    const refusals = cardRefusals(summary, new Date("2025-06-15T12:00:00Z"))
    if (card.expectedRefusal === null || card.expectedRefusal === "credit_refused") expect(refusals).toEqual([])
    else expect(refusals).toContain(card.expectedRefusal)
  })

  it("reports the specific facts the brief asks for", async () => {
    const { processor } = setup()
    const facts = async (token: string) => value(await processor.describeCard(token))
    expect(await facts("tok_visa")).toMatchObject({ network: "visa", funding: "debit", issuerCountry: "fr" })
    expect(await facts("tok_mastercard")).toMatchObject({ network: "mastercard", funding: "credit", issuerCountry: "de" })
    expect(await facts("tok_amex")).toMatchObject({ network: "amex", issuerCountry: "it" })
    expect(await facts("tok_cb")).toMatchObject({ network: "cb", networks: ["cb", "visa"], issuerCountry: "fr" })
    expect(await facts("tok_prepaid")).toMatchObject({ network: "mastercard", funding: "prepaid" })
    expect(await facts("tok_virtual")).toMatchObject({ network: "visa", virtual: true })
    expect(await facts("tok_maestro")).toMatchObject({ network: "maestro", systematicAuthorisation: true })
    expect(await facts("tok_non_eu")).toMatchObject({ network: "visa", issuerCountry: "us" })
    expect(await facts("tok_expires_soon")).toMatchObject({ expMonth: 4, expYear: 2025 })
  })

  it("gives every registration its own cardRef, and the same one for the same key", async () => {
    const { processor } = setup()
    const a = value(await processor.describeCard("tok_visa"))
    const b = value(await processor.describeCard("tok_visa"))
    expect(a.cardRef).not.toBe(b.cardRef)
    const c = value(await processor.describeCard("tok_visa", { idempotencyKey: "reg_1" }))
    const d = value(await processor.describeCard("tok_visa", { idempotencyKey: "reg_1" }))
    expect(d).toEqual(c)
    expect(errorCode(await processor.describeCard("tok_amex", { idempotencyKey: "reg_1" }))).toBe("idempotency_key_reused")
  })

  it("refuses unknown tokens and card numbers, as values", async () => {
    const { processor, store } = setup()
    expect(errorCode(await processor.describeCard("tok_nope"))).toBe("unknown_token")
    expect(errorCode(await processor.describeCard(""))).toBe("invalid_request")
    const pan = await processor.describeCard("4000 0566 5566 5556")
    expect(errorCode(pan)).toBe("raw_card_number_rejected")
    expect(JSON.stringify(pan)).not.toContain("5566")
    expect(errorCode(await processor.getCard("card_unknown"))).toBe("unknown_card")
    expect((store as ReturnType<typeof createMemorySandboxStore>).size).toBe(0)
  })

  it("verification is idempotent by key", async () => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    const a = value(await processor.verifyCard({ cardRef, idempotencyKey: "v" }))
    expect(a).toEqual({ status: "succeeded", verificationId: expect.stringMatching(/^ver_/) })
    expect(value(await processor.verifyCard({ cardRef, idempotencyKey: "v" }))).toEqual(a)
    expect(value(await processor.verifyCard({ cardRef, idempotencyKey: "v2" }))).not.toEqual(a)
  })
})
