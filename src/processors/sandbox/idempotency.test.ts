import { START, errorCode, eur, keysWithPrefix, setup, slowStore, value } from "./__tests__/support"
import { createSandboxProcessor } from "./adapter"
import { createSandboxClock } from "./clock"
import type { ClaimTimings } from "./idempotency"
import { type SandboxStore, createMemorySandboxStore } from "./store"
import { findTestCard } from "./test-cards"

describe("sandbox processor: a failing store", () => {
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
})

describe("sandbox processor: several processes on one store", () => {
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

  /** Two processors on one store: what the server and the worker are, on the plugin's Postgres store. */
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
