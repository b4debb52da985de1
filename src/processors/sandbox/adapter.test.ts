import { DEFAULT_ACCEPTED_NETWORKS, EU_COUNTRIES, type EligibilityReasonCode } from "../../domain/codes"
import type { CardSummary, ProcessorResult } from "../port"
import { type ClaimTimings, createSandboxProcessor } from "./adapter"
import { createSandboxClock } from "./clock"
import { type SandboxStore, createMemorySandboxStore } from "./store"
import { TEST_CARDS, findTestCard } from "./test-cards"

const START = new Date("2025-03-15T12:00:00Z")
const eur = (cents: number) => ({ cents, currency: "eur" })

function setup(store: SandboxStore = createMemorySandboxStore()) {
  const clock = createSandboxClock({ start: START, frozen: true })
  const processor = createSandboxProcessor({ clock, store })
  return { clock, store, processor }
}

function value<T>(result: ProcessorResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value
}

function errorCode(result: ProcessorResult<unknown>): string {
  if (result.ok) throw new Error("expected an error")
  return result.error.code
}

/** A store whose every call takes a little time, so concurrent calls really interleave. */
function slowStore(inner = createMemorySandboxStore()) {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 2))
  const slow =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await pause()
      return call(...args)
    }
  const store: SandboxStore = {
    get: slow(inner.get.bind(inner)) as SandboxStore["get"],
    put: slow(inner.put.bind(inner)),
    claim: slow(inner.claim.bind(inner)) as SandboxStore["claim"],
    release: slow(inner.release.bind(inner)),
    list: slow(inner.list.bind(inner)) as SandboxStore["list"],
  }
  return { inner, store }
}

function keysWithPrefix(entries: Array<[string, unknown]>, prefix: string) {
  return entries.filter(([k]) => k.startsWith(prefix))
}

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
  it("is named sandbox and says what it can do", () => {
    const { processor } = setup()
    expect(processor.name).toBe("sandbox")
    expect(processor.capabilities).toEqual({
      zeroAmountVerification: true,
      creditDecision: "processor",
      partialRefunds: true,
      currencies: "any",
      testMode: true,
    })
  })

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
})

describe("sandbox processor: outcomes per test card", () => {
  it.each(TEST_CARDS.map((c) => [c.token, c] as const))("%s behaves as documented", async (token, card) => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard(token))

    const verification = value(await processor.verifyCard({ cardRef, idempotencyKey: "v1" }))
    expect(verification.status).toBe(card.behaviour.verification === "succeeds" ? "succeeded" : "failed")

    const credit = value(
      await processor.creditDecision({ cardRef, amount: eur(30000), planCode: "p3x", idempotencyKey: "c1", phone: "+33600000000" })
    )
    expect(credit.decision).toBe(card.behaviour.credit)
    expect(credit.reference).toMatch(/^cd_/)

    const first = value(await processor.charge({ cardRef, amount: eur(10000), idempotencyKey: "k1", description: "1/3", offSession: false }))
    const second = value(await processor.charge({ cardRef, amount: eur(10000), idempotencyKey: "k2", description: "2/3", offSession: true }))
    const expected = {
      succeed: ["succeeded", "succeeded"],
      declined: ["failed", "failed"],
      insufficient_after_first: ["succeeded", "failed"],
    }[card.behaviour.charges]
    expect([first.status, second.status]).toEqual(expected)
    if (first.status === "succeeded") expect(first.amount).toEqual(eur(10000))
  })

  it("tok_declined: verification and every charge declined with card_declined", async () => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard("tok_declined"))
    expect(value(await processor.verifyCard({ cardRef, idempotencyKey: "v" }))).toMatchObject({ status: "failed", code: "card_declined" })
    for (const key of ["a", "b", "c"]) {
      const outcome = value(await processor.charge({ cardRef, amount: eur(500), idempotencyKey: key, description: "x", offSession: true }))
      expect(outcome).toEqual({ status: "failed", chargeId: expect.stringMatching(/^ch_/), code: "card_declined", message: expect.any(String) })
    }
  })

  it("tok_insufficient_later: first charge ok, every later charge insufficient_funds", async () => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard("tok_insufficient_later"))
    const charge = (key: string) => processor.charge({ cardRef, amount: eur(2500), idempotencyKey: key, description: "x", offSession: true })
    expect(value(await charge("i1")).status).toBe("succeeded")
    for (const key of ["i2", "i3", "i4"]) expect(value(await charge(key))).toMatchObject({ status: "failed", code: "insufficient_funds" })
    // Replaying the first key still says succeeded, and does not count as a new charge.
    expect(value(await charge("i1")).status).toBe("succeeded")
    // Another card from the same token starts afresh.
    const other = value(await processor.describeCard("tok_insufficient_later")).cardRef
    expect(value(await processor.charge({ cardRef: other, amount: eur(1), idempotencyKey: "o1", description: "x", offSession: true })).status).toBe(
      "succeeded"
    )
  })

  it("tok_credit_refused: credit refused, idempotent by key", async () => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard("tok_credit_refused"))
    const ask = (amount = eur(40000)) => processor.creditDecision({ cardRef, amount, planCode: "p4x", idempotencyKey: "cd1" })
    const first = value(await ask())
    expect(first.decision).toBe("refused")
    expect(value(await ask())).toEqual(first)
    expect(errorCode(await ask(eur(1)))).toBe("idempotency_key_reused")
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

describe("sandbox processor: requests the caller gets wrong", () => {
  it("returns stable error codes and stores nothing", async () => {
    const { processor, store } = setup()
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    const mem = store as ReturnType<typeof createMemorySandboxStore>
    const before = mem.size
    const base = { cardRef, amount: eur(100), idempotencyKey: "k", description: "d", offSession: true }
    expect(errorCode(await processor.charge({ ...base, cardRef: "card_nope" }))).toBe("unknown_card")
    expect(errorCode(await processor.charge({ ...base, amount: eur(0) }))).toBe("invalid_amount")
    expect(errorCode(await processor.charge({ ...base, amount: eur(1.5) }))).toBe("invalid_amount")
    expect(errorCode(await processor.charge({ ...base, amount: { cents: 100, currency: "EUR" } }))).toBe("invalid_currency")
    expect(errorCode(await processor.charge({ ...base, idempotencyKey: "" }))).toBe("invalid_request")
    expect(errorCode(await processor.charge({ ...base, at: new Date("nope") }))).toBe("invalid_request")
    expect(errorCode(await processor.charge({ ...base, metadata: { n: 1 as unknown as string } }))).toBe("invalid_request")
    expect(errorCode(await processor.verifyCard({ cardRef: "card_nope", idempotencyKey: "v" }))).toBe("unknown_card")
    expect(
      errorCode(await processor.creditDecision({ cardRef, amount: eur(100), planCode: "p9x" as "p2x", idempotencyKey: "c" }))
    ).toBe("invalid_request")
    expect(errorCode(await processor.creditDecision({ cardRef: "card_nope", amount: eur(100), planCode: "p2x", idempotencyKey: "c" }))).toBe(
      "unknown_card"
    )
    expect(errorCode(await processor.refund({ chargeId: "ch_nope", amount: eur(1), idempotencyKey: "r" }))).toBe("unknown_charge")
    expect(errorCode(await processor.getCharge("ch_nope"))).toBe("unknown_charge")
    expect(errorCode(await processor.findChargeByIdempotencyKey(""))).toBe("invalid_request")
    expect(mem.size).toBe(before)
    // The key that failed on an unknown card is still free.
    expect(value(await processor.charge(base)).status).toBe("succeeded")
  })

  it("turns a failing store into a retryable error instead of throwing", async () => {
    const down = async (): Promise<never> => {
      throw new Error("db down")
    }
    const broken: SandboxStore = { get: down, put: down, claim: down, release: down, list: down }
    const processor = createSandboxProcessor({ store: broken })
    const described = await processor.describeCard("tok_visa")
    expect(described).toEqual({ ok: false, error: { code: "processor_unavailable", message: expect.any(String), retryable: true } })
    const charged = await processor.charge({ cardRef: "card_x", amount: eur(1), idempotencyKey: "k", description: "", offSession: true })
    expect(errorCode(charged)).toBe("processor_unavailable")
    expect(errorCode(await processor.getCharge("ch_x"))).toBe("processor_unavailable")
    expect(errorCode(await processor.findChargeByIdempotencyKey("k"))).toBe("processor_unavailable")
  })
})

describe("sandbox processor: idempotent charges", () => {
  it("the same key returns the same result and charges once (sequential)", async () => {
    const { processor, store } = setup()
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    const request = { cardRef, amount: eur(12345), idempotencyKey: "plan_1:inst_1:attempt_1", description: "1/3", offSession: false }
    const a = value(await processor.charge(request))
    const b = value(await processor.charge({ ...request, description: "retried, other text", at: new Date("2025-03-16T00:00:00Z") }))
    expect(b).toEqual(a)
    expect(keysWithPrefix((store as ReturnType<typeof createMemorySandboxStore>).entries(), "charge:")).toHaveLength(1)
    // Same key, different request: refused, nothing charged.
    expect(errorCode(await processor.charge({ ...request, amount: eur(1) }))).toBe("idempotency_key_reused")
    expect(errorCode(await processor.charge({ ...request, offSession: true }))).toBe("idempotency_key_reused")
    expect(keysWithPrefix((store as ReturnType<typeof createMemorySandboxStore>).entries(), "charge:")).toHaveLength(1)
  })

  it("the same key charges once when the calls run concurrently", async () => {
    const { inner, store } = slowStore()
    const { processor } = setup(store)
    const { cardRef } = value(await processor.describeCard("tok_insufficient_later"))
    const request = { cardRef, amount: eur(5000), idempotencyKey: "same", description: "1/2", offSession: true }
    const results = await Promise.all(Array.from({ length: 10 }, () => processor.charge(request)))
    const outcomes = results.map(value)
    expect(new Set(outcomes.map((o) => o.chargeId)).size).toBe(1)
    expect(outcomes.every((o) => o.status === "succeeded")).toBe(true)
    expect(keysWithPrefix(inner.entries(), "charge:")).toHaveLength(1)
    // Exactly one successful charge was counted on the card: the next key fails.
    expect(value(await processor.charge({ ...request, idempotencyKey: "next" })).status).toBe("failed")
  })

  it("different keys on one card run one at a time (no lost update)", async () => {
    const { store } = slowStore()
    const { processor } = setup(store)
    const { cardRef } = value(await processor.describeCard("tok_insufficient_later"))
    const results = await Promise.all(
      ["a", "b", "c", "d"].map((k) => processor.charge({ cardRef, amount: eur(100), idempotencyKey: k, description: "", offSession: true }))
    )
    expect(results.map(value).filter((o) => o.status === "succeeded")).toHaveLength(1)
  })

  it("a concurrent call with the same key but another amount is refused", async () => {
    const { store } = slowStore()
    const { processor } = setup(store)
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    const base = { cardRef, idempotencyKey: "k", description: "", offSession: true }
    const [a, b] = await Promise.all([processor.charge({ ...base, amount: eur(100) }), processor.charge({ ...base, amount: eur(200) })])
    expect(value(a).status).toBe("succeeded")
    expect(errorCode(b)).toBe("idempotency_key_reused")
  })

  it("a declined charge is replayed as declined; a retry needs a new key", async () => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard("tok_declined"))
    const request = { cardRef, amount: eur(100), idempotencyKey: "d1", description: "", offSession: true }
    const a = value(await processor.charge(request))
    expect(value(await processor.charge(request))).toEqual(a)
    const b = value(await processor.charge({ ...request, idempotencyKey: "d2" }))
    expect(b.chargeId).not.toBe(a.chargeId)
  })

  it("records description, metadata, off-session flag and time", async () => {
    const { processor, clock } = setup()
    const { cardRef } = value(await processor.describeCard("tok_mastercard"))
    clock.advanceDays(1)
    const outcome = value(
      await processor.charge({ cardRef, amount: eur(999), idempotencyKey: "m", description: "Order #12, 2/3", offSession: true, metadata: { plan: "pl_1" } })
    )
    const details = value(await processor.getCharge(outcome.chargeId))
    expect(details).toEqual({
      status: "succeeded",
      chargeId: outcome.chargeId,
      amount: eur(999),
      cardRef,
      requestedAmount: eur(999),
      refunded: eur(0),
      idempotencyKey: "m",
      createdAt: new Date("2025-03-16T12:00:00Z"),
      description: "Order #12, 2/3",
      offSession: true,
      metadata: { plan: "pl_1" },
    })
    const at = new Date("2025-03-20T08:00:00Z")
    const later = value(await processor.charge({ cardRef, amount: eur(1), idempotencyKey: "m2", description: "", offSession: true, at }))
    expect(value(await processor.getCharge(later.chargeId)).createdAt).toEqual(at)
  })
})

describe("sandbox processor: several processes on one store", () => {
  /** Two processors on one store: what the server and the worker are, on the plugin's Postgres store. */
  /** `store` seen through a wrapper, and a promise kept when `key` is read while a claim holds it. */
  function watchPendingReads(store: SandboxStore, key: string) {
    let seen = () => {}
    const pendingRead = new Promise<void>((resolve) => (seen = resolve))
    const watched: SandboxStore = {
      ...store,
      async get<T = unknown>(read: string) {
        const found = await store.get<T>(read)
        if (read === key && (found as { pending?: boolean } | undefined)?.pending) seen()
        return found
      },
    }
    return { watched, pendingRead }
  }

  function twoProcesses(store: SandboxStore, claimTimings?: Partial<ClaimTimings>) {
    const clock = createSandboxClock({ start: START, frozen: true })
    return [createSandboxProcessor({ clock, store, claimTimings }), createSandboxProcessor({ clock, store, claimTimings })] as const
  }

  it("charges once when both run the same key at the same time, and both get its answer", async () => {
    const { inner, store } = slowStore()
    const [server, worker] = twoProcesses(store)
    const { cardRef } = value(await server.describeCard("tok_insufficient_later"))
    const request = { cardRef, amount: eur(5000), idempotencyKey: "collect:plan_1:2.1", description: "2/3", offSession: true }
    const results = await Promise.all([server.charge(request), worker.charge(request), worker.charge(request), server.charge(request)])
    expect(new Set(results.map((r) => value(r).chargeId)).size).toBe(1)
    expect(keysWithPrefix(inner.entries(), "charge:")).toHaveLength(1)
    // The card counted one successful charge: its next charge fails, as tok_insufficient_later does.
    expect(value(await worker.charge({ ...request, idempotencyKey: "next" })).status).toBe("failed")
  })

  it("sees the cards and charges the other one made (a restart is a new process)", async () => {
    const store = createMemorySandboxStore()
    const [before, after] = twoProcesses(store)
    const { cardRef } = value(await before.describeCard("tok_visa"))
    const first = value(await before.charge({ cardRef, amount: eur(100), idempotencyKey: "k1", description: "", offSession: false }))
    expect(value(await after.getCard(cardRef)).last4).toBe(findTestCard("tok_visa")!.last4)
    expect(value(await after.findChargeByIdempotencyKey("k1"))?.chargeId).toBe(first.chargeId)
    expect(value(await after.charge({ cardRef, amount: eur(100), idempotencyKey: "k1", description: "", offSession: false }))).toEqual(first)
  })

  it("waits for the other's answer, and gives up with a retryable error when it takes too long", async () => {
    const store = createMemorySandboxStore()
    const [processor] = twoProcesses(store, { pollMs: 5, waitMs: 40, staleMs: 60_000 })
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    const request = { cardRef, amount: eur(100), idempotencyKey: "busy", description: "", offSession: true }
    const held = { pending: true, since: new Date().toISOString(), by: "proc_other" }
    await store.claim("idem:charge:busy", held)
    const gaveUp = await processor.charge(request)
    expect(gaveUp).toEqual({ ok: false, error: { code: "processor_unavailable", message: expect.stringContaining("another process"), retryable: true } })
    expect(keysWithPrefix(store.entries(), "charge:")).toHaveLength(0)
    // The other process answers while this one waits (once it has read the claim, whatever the
    // time it took; it would wait a minute): that answer is returned, nothing is charged again.
    const { watched, pendingRead } = watchPendingReads(store, "idem:charge:busy")
    const [patient] = twoProcesses(watched, { pollMs: 5, waitMs: 60_000, staleMs: 60_000 })
    const waiting = patient.charge(request)
    const answer = { fingerprint: JSON.stringify([cardRef, 100, "eur", true]), value: { status: "succeeded", chargeId: "ch_other", amount: eur(100) }, createdAt: START.toISOString() }
    await pendingRead
    await store.put({ "idem:charge:busy": answer })
    expect(value(await waiting)).toEqual(answer.value)
    expect(keysWithPrefix(store.entries(), "charge:")).toHaveLength(0)
  })

  it("takes over a claim whose process died mid-call", async () => {
    const store = createMemorySandboxStore()
    const [processor] = twoProcesses(store, { pollMs: 5, waitMs: 1_000, staleMs: 50 })
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    await store.claim("idem:charge:orphan", { pending: true, since: new Date(Date.now() - 51).toISOString(), by: "proc_dead" })
    const charged = value(await processor.charge({ cardRef, amount: eur(100), idempotencyKey: "orphan", description: "", offSession: true }))
    expect(charged.status).toBe("succeeded")
    expect(keysWithPrefix(store.entries(), "charge:")).toHaveLength(1)
  })

  it("frees the key when the store fails to write, so that a retry charges at once and only once", async () => {
    const inner = createMemorySandboxStore()
    let failPuts = 1
    const flaky: SandboxStore = {
      ...inner,
      put: async (entries) => {
        if (failPuts-- > 0) throw new Error("connection lost")
        return inner.put(entries)
      },
    }
    const [processor] = twoProcesses(flaky, { pollMs: 5, waitMs: 20, staleMs: 60_000 })
    failPuts = 0
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    failPuts = 1
    const request = { cardRef, amount: eur(100), idempotencyKey: "flaky", description: "", offSession: true }
    expect(errorCode(await processor.charge(request))).toBe("processor_unavailable")
    expect(inner.entries().filter(([key]) => key.startsWith("idem:charge:") || key.startsWith("charge:"))).toHaveLength(0)
    expect(value(await processor.charge(request)).status).toBe("succeeded")
    expect(keysWithPrefix(inner.entries(), "charge:")).toHaveLength(1)
  })
})

describe("sandbox processor: refunds", () => {
  async function charged(token = "tok_visa", cents = 10000) {
    const ctx = setup()
    const { cardRef } = value(await ctx.processor.describeCard(token))
    const outcome = value(await ctx.processor.charge({ cardRef, amount: eur(cents), idempotencyKey: "c", description: "", offSession: false }))
    return { ...ctx, chargeId: outcome.chargeId }
  }

  it("refunds in parts up to the charge, never beyond", async () => {
    const { processor, chargeId } = await charged()
    expect(value(await processor.refund({ chargeId, amount: eur(3000), idempotencyKey: "r1" }))).toEqual({
      status: "succeeded",
      refundId: expect.stringMatching(/^re_/),
      amount: eur(3000),
    })
    expect(value(await processor.refund({ chargeId, amount: eur(7001), idempotencyKey: "r2" }))).toEqual({
      status: "failed",
      code: "refund_exceeds_charge",
      message: expect.any(String),
    })
    expect(value(await processor.refund({ chargeId, amount: eur(7000), idempotencyKey: "r3" })).status).toBe("succeeded")
    expect(value(await processor.refund({ chargeId, amount: eur(1), idempotencyKey: "r4" }))).toMatchObject({ code: "refund_exceeds_charge" })
    expect(value(await processor.getCharge(chargeId)).refunded).toEqual(eur(10000))
  })

  it("is idempotent by key", async () => {
    const { processor, chargeId } = await charged()
    const a = value(await processor.refund({ chargeId, amount: eur(6000), idempotencyKey: "r" }))
    const b = value(await processor.refund({ chargeId, amount: eur(6000), idempotencyKey: "r" }))
    expect(b).toEqual(a)
    expect(value(await processor.getCharge(chargeId)).refunded).toEqual(eur(6000))
    expect(errorCode(await processor.refund({ chargeId, amount: eur(100), idempotencyKey: "r" }))).toBe("idempotency_key_reused")
  })

  it("a refused refund is not remembered: the key can be used again once the amount is right", async () => {
    const { processor, chargeId } = await charged()
    expect(value(await processor.refund({ chargeId, amount: eur(20000), idempotencyKey: "r" })).status).toBe("failed")
    expect(value(await processor.refund({ chargeId, amount: eur(20000), idempotencyKey: "r" })).status).toBe("failed")
    expect(value(await processor.refund({ chargeId, amount: eur(10000), idempotencyKey: "r" })).status).toBe("succeeded")
  })

  it("concurrent refunds cannot overrun the charge", async () => {
    const { inner, store } = slowStore()
    const { processor } = setup(store)
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    const { chargeId } = value(await processor.charge({ cardRef, amount: eur(10000), idempotencyKey: "c", description: "", offSession: false }))
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => processor.refund({ chargeId, amount: eur(3000), idempotencyKey: `r${n}` }))
    )
    expect(results.map(value).filter((r) => r.status === "succeeded")).toHaveLength(3)
    expect(value(await processor.getCharge(chargeId)).refunded).toEqual(eur(9000))
    expect(keysWithPrefix(inner.entries(), "refund:")).toHaveLength(3)
    // Concurrent replays of one key refund once.
    const same = await Promise.all([1, 2, 3].map(() => processor.refund({ chargeId, amount: eur(1000), idempotencyKey: "last" })))
    expect(new Set(same.map((r) => JSON.stringify(value(r)))).size).toBe(1)
    expect(value(await processor.getCharge(chargeId)).refunded).toEqual(eur(10000))
  })

  it("refuses refunds on failed charges, in another currency, or malformed", async () => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard("tok_declined"))
    const failed = value(await processor.charge({ cardRef, amount: eur(100), idempotencyKey: "c", description: "", offSession: false }))
    expect(value(await processor.refund({ chargeId: failed.chargeId, amount: eur(100), idempotencyKey: "r" }))).toMatchObject({
      status: "failed",
      code: "charge_not_succeeded",
    })
    const ok = await charged()
    expect(errorCode(await ok.processor.refund({ chargeId: ok.chargeId, amount: { cents: 100, currency: "usd" }, idempotencyKey: "r" }))).toBe(
      "currency_mismatch"
    )
    expect(errorCode(await ok.processor.refund({ chargeId: ok.chargeId, amount: eur(0), idempotencyKey: "r" }))).toBe("invalid_amount")
    expect(errorCode(await ok.processor.refund({ chargeId: "", amount: eur(1), idempotencyKey: "r" }))).toBe("invalid_request")
  })
})

describe("sandbox processor: reconciliation", () => {
  it("finds a charge by its idempotency key, or null", async () => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    expect(value(await processor.findChargeByIdempotencyKey("never"))).toBeNull()
    const outcome = value(await processor.charge({ cardRef, amount: eur(4200), idempotencyKey: "plan_9:inst_2", description: "2/4", offSession: true }))
    // ... the plugin crashes here, before writing the result ...
    const found = value(await processor.findChargeByIdempotencyKey("plan_9:inst_2"))
    expect(found).toMatchObject({ ...outcome, cardRef, idempotencyKey: "plan_9:inst_2", requestedAmount: eur(4200), refunded: eur(0) })
    await processor.refund({ chargeId: outcome.chargeId, amount: eur(200), idempotencyKey: "r" })
    expect(value(await processor.findChargeByIdempotencyKey("plan_9:inst_2"))?.refunded).toEqual(eur(200))
  })

  it("finds failed charges too", async () => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard("tok_declined"))
    await processor.charge({ cardRef, amount: eur(100), idempotencyKey: "f", description: "", offSession: true })
    expect(value(await processor.findChargeByIdempotencyKey("f"))).toMatchObject({ status: "failed", code: "card_declined" })
  })

  it("does not invent a charge for a call that was refused as invalid", async () => {
    const { processor } = setup()
    await processor.charge({ cardRef: "card_nope", amount: eur(100), idempotencyKey: "x", description: "", offSession: true })
    expect(value(await processor.findChargeByIdempotencyKey("x"))).toBeNull()
  })

  it("waits for a charge still running with that key", async () => {
    const { store } = slowStore()
    const { processor } = setup(store)
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    const running = processor.charge({ cardRef, amount: eur(100), idempotencyKey: "run", description: "", offSession: true })
    const found = await processor.findChargeByIdempotencyKey("run")
    expect(value(found)?.chargeId).toBe(value(await running).chargeId)
  })
})

describe("sandbox processor: the clock", () => {
  it("tok_expires_soon expires the month after the clock's month, and moves with the clock", async () => {
    const { processor, clock } = setup()
    const first = value(await processor.describeCard("tok_expires_soon"))
    expect([first.expMonth, first.expYear]).toEqual([4, 2025])
    clock.advanceDays(31) // 15 April
    const second = value(await processor.describeCard("tok_expires_soon"))
    expect([second.expMonth, second.expYear]).toEqual([5, 2025])
    // A registered card keeps its expiry.
    expect(value(await processor.getCard(first.cardRef))).toMatchObject({ expMonth: 4, expYear: 2025 })
    clock.set(new Date("2025-12-10T00:00:00Z"))
    expect(value(await processor.describeCard("tok_expires_soon"))).toMatchObject({ expMonth: 1, expYear: 2026 })
  })

  it("charges and verifications fail expired_card once the card has expired", async () => {
    const { processor, clock } = setup()
    const { cardRef } = value(await processor.describeCard("tok_expires_soon")) // valid through April 2025
    const charge = (key: string, at?: Date) => processor.charge({ cardRef, amount: eur(100), idempotencyKey: key, description: "", offSession: true, at })
    clock.set(new Date("2025-04-30T23:59:59Z"))
    expect(value(await charge("a")).status).toBe("succeeded")
    expect(value(await processor.verifyCard({ cardRef, idempotencyKey: "v1" })).status).toBe("succeeded")
    clock.set(new Date("2025-05-01T00:00:00Z"))
    expect(value(await charge("b"))).toMatchObject({ status: "failed", code: "expired_card" })
    expect(value(await processor.verifyCard({ cardRef, idempotencyKey: "v2" }))).toMatchObject({ status: "failed", code: "expired_card" })
    // `at` wins over the sandbox clock.
    expect(value(await charge("c", new Date("2025-04-20T00:00:00Z"))).status).toBe("succeeded")
  })

  it("uses the system time by default", async () => {
    const processor = createSandboxProcessor()
    const now = new Date()
    const { expMonth, expYear } = value(await processor.describeCard("tok_expires_soon"))
    const expected = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1
    expect(expYear * 12 + expMonth - 1).toBe(expected)
  })
})

describe("sandbox processor: no card numbers at rest", () => {
  it("stores no 13-19 digit run anywhere, and nothing from a rejected card number", async () => {
    const { processor, store, clock } = setup()
    const mem = store as ReturnType<typeof createMemorySandboxStore>
    await processor.describeCard("4242424242424242")
    await processor.describeCard("4000-0025-0000-1001")
    for (const card of TEST_CARDS) {
      const { cardRef } = value(await processor.describeCard(card.token, { idempotencyKey: `reg_${card.token}` }))
      await processor.verifyCard({ cardRef, idempotencyKey: `v_${card.token}` })
      await processor.creditDecision({ cardRef, amount: eur(90000), planCode: "p3x", idempotencyKey: `cd_${card.token}`, phone: "+33612345678", email: "a@b.fr" })
      for (let n = 1; n <= 3; n++) {
        const outcome = value(
          await processor.charge({ cardRef, amount: eur(30000), idempotencyKey: `${card.token}:${n}`, description: `${n}/3`, offSession: n > 1 })
        )
        if (outcome.status === "succeeded") await processor.refund({ chargeId: outcome.chargeId, amount: eur(100), idempotencyKey: `r_${card.token}:${n}` })
        clock.advanceDays(30)
      }
    }
    const dump = mem.dump()
    expect(mem.size).toBeGreaterThan(100)
    expect(dump).not.toMatch(/\d{13,19}/)
    expect(dump).not.toMatch(/(?:\d[ -]){12,18}\d/)
    expect(dump).not.toContain("4242424242424242")
    expect(dump).not.toContain("0025")
    // Personal data given to the credit decision is not kept either.
    expect(dump).not.toContain("+33612345678")
    expect(dump).not.toContain("a@b.fr")
    expect(dump.toLowerCase()).not.toContain("cvc")
  })
})
