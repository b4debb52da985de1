/**
 * A card processor that fails on command, for the tests of the money path: it wraps the sandbox
 * (which keeps the real records: cards, charges, refunds, keys) and, when told to, lets the next
 * matching call go wrong the ways a real processor's network does:
 *  - `decline`: the charge is refused by the issuer; the same key is refused again, as a real
 *    processor replays a decline, and the lookup by key finds the declined charge;
 *  - `timeout`: no answer, and nothing reached the processor (nothing moved);
 *  - `lost_answer`: the call went through (money moved), but its answer never came back: what a
 *    timeout after the processor acted, or a crash between its answer and the caller's write, looks like;
 *  - `hang`: the call waits until the test releases it, then goes through (an operation in flight).
 * Lookups (`findChargeByIdempotencyKey`, `getCharge`) always tell the truth: the reconciler relies on them.
 */
import type {
  CardProcessor,
  ChargeDetails,
  ChargeOutcome,
  ChargeRequest,
  ProcessorResult,
  RefundOutcome,
  RefundRequest,
  SandboxProcessor,
} from "../src/processors"

export type Fault = "decline" | "timeout" | "lost_answer" | { hang: Promise<void> }
type Operation = "charge" | "refund"

export interface FaultyProcessor extends CardProcessor {
  readonly inner: SandboxProcessor
  /** The next `op` call whose key `matches` (default: any) gets `fault`. */
  failNext(op: Operation, fault: Fault, matches?: (key: string) => boolean): void
  /** Faults still waiting for their call. */
  readonly pending: number
  /** Forgets the faults still waiting. */
  clearFaults(): void
  /** Every charge and refund call, in order, with the fault it got. */
  readonly calls: { op: Operation; key: string; fault?: Fault }[]
}

const unavailable = <T>(message: string): ProcessorResult<T> => ({ ok: false, error: { code: "processor_unavailable", message, retryable: true } })

export function faultyProcessor(inner: SandboxProcessor): FaultyProcessor {
  const queue: { op: Operation; fault: Fault; matches: (key: string) => boolean }[] = []
  const calls: FaultyProcessor["calls"] = []
  /** Keys declined on command, with the declined charge a lookup finds. */
  const declined = new Map<string, ChargeDetails>()

  function take(op: Operation, key: string): Fault | undefined {
    const index = queue.findIndex((f) => f.op === op && f.matches(key))
    const fault = index >= 0 ? queue.splice(index, 1)[0].fault : undefined
    calls.push({ op, key, fault })
    return fault
  }

  async function withFault<T>(fault: Fault | undefined, call: () => Promise<ProcessorResult<T>>): Promise<ProcessorResult<T>> {
    if (fault === "timeout") return unavailable("injected: no answer, nothing sent")
    if (fault && typeof fault === "object") await fault.hang
    const result = await call()
    return fault === "lost_answer" ? unavailable("injected: the answer was lost after the processor acted") : result
  }

  function declinedCharge(request: ChargeRequest): ChargeDetails {
    const chargeId = `ch_declined_${declined.size + 1}`
    return {
      status: "failed",
      chargeId,
      code: "insufficient_funds",
      message: "injected decline",
      cardRef: request.cardRef,
      requestedAmount: request.amount,
      refunded: { cents: 0, currency: request.amount.currency },
      idempotencyKey: request.idempotencyKey,
      createdAt: new Date(0),
      description: request.description,
      offSession: request.offSession,
      metadata: request.metadata ?? {},
    }
  }

  return {
    name: inner.name,
    capabilities: inner.capabilities,
    inner,
    calls,
    get pending() {
      return queue.length
    },
    failNext(op, fault, matches = () => true) {
      queue.push({ op, fault, matches })
    },
    clearFaults() {
      queue.length = 0
    },
    describeCard: (token, options) => inner.describeCard(token, options),
    getCard: (cardRef) => inner.getCard(cardRef),
    verifyCard: (request) => inner.verifyCard(request),
    creditDecision: (request) => inner.creditDecision(request),
    async charge(request): Promise<ProcessorResult<ChargeOutcome>> {
      const known = declined.get(request.idempotencyKey)
      if (known && known.status === "failed") return { ok: true, value: { status: "failed", chargeId: known.chargeId, code: known.code, message: known.message } }
      const fault = take("charge", request.idempotencyKey)
      if (fault === "decline") {
        const charge = declinedCharge(request)
        declined.set(request.idempotencyKey, charge)
        return { ok: true, value: { status: "failed", chargeId: charge.chargeId, code: "insufficient_funds", message: "injected decline" } }
      }
      return withFault(fault, () => inner.charge(request))
    },
    async refund(request: RefundRequest): Promise<ProcessorResult<RefundOutcome>> {
      const fault = take("refund", request.idempotencyKey)
      if (fault === "decline") return { ok: true, value: { status: "failed", code: "refund_exceeds_charge", message: "injected refusal" } }
      return withFault(fault, () => inner.refund(request))
    },
    async findChargeByIdempotencyKey(key) {
      const known = declined.get(key)
      return known ? { ok: true, value: known } : inner.findChargeByIdempotencyKey(key)
    },
    getCharge: (chargeId) => inner.getCharge(chargeId),
    abandonCharge: (chargeId) => inner.abandonCharge(chargeId),
  }
}
