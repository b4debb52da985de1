import type { ChargeOutcome, ProcessorResult } from "../../../processors"
import type { OperationRow } from "./records"
import type { OperationsDeps } from "./run"
import { foundChargeAnswer, SHOPPER_WAIT_MS } from "./settle"

const ACTION = { type: "authenticate", clientSecret: "pi_1_secret", intent: "payment" } as const
const waiting: ChargeOutcome = { status: "requires_action", chargeId: "ch_1", action: ACTION }
const failed: ChargeOutcome = { status: "failed", chargeId: "ch_1", code: "authentication_failed", message: "the challenge failed" }
const succeeded: ChargeOutcome = { status: "succeeded", chargeId: "ch_1", amount: { currency: "eur", cents: 8498 } }

/** A processor whose cancel answers `cancelled`, and the charges it was asked to cancel. */
function processorAnswering(cancelled: ProcessorResult<ChargeOutcome>) {
  const asked: string[] = []
  const deps = {
    processor: {
      abandonCharge: async (chargeId: string) => {
        asked.push(chargeId)
        return cancelled
      },
    },
  } as unknown as OperationsDeps
  return { deps, asked }
}

const operationAged = (ms: number) => ({ created_at: new Date(Date.now() - ms) }) as OperationRow
const fresh = operationAged(60_000)
const old = operationAged(SHOPPER_WAIT_MS + 60_000)
/** What the Stripe adapter answers for a payment it cancelled while it waited for the shopper. */
const cancelledAsDeclined: ProcessorResult<ChargeOutcome> = { ok: true, value: { status: "failed", chargeId: "ch_1", code: "authentication_required", message: "cancelled" } }

describe("foundChargeAnswer", () => {
  it("answers not_made for a key the processor has no charge for", async () => {
    const { deps, asked } = processorAnswering(cancelledAsDeclined)
    expect(await foundChargeAnswer(deps, null, old, true)).toEqual({ kind: "not_made" })
    expect(asked).toEqual([])
  })

  it("waits for the shopper's 3-D Secure: unknown, nothing cancelled, while the shopper may still act or is not there", async () => {
    const { deps, asked } = processorAnswering(cancelledAsDeclined)
    for (const [operation, present] of [[fresh, true], [old, false], [fresh, false]] as const) {
      expect(await foundChargeAnswer(deps, waiting, operation, present)).toEqual({ kind: "unknown", detail: "the payment waits for the shopper's authentication" })
    }
    expect(asked).toEqual([])
  })

  it("gives a payment up after SHOPPER_WAIT_MS with the shopper there: cancelled at the processor, recorded as the cancel answers", async () => {
    const { deps, asked } = processorAnswering(cancelledAsDeclined)
    expect(await foundChargeAnswer(deps, waiting, old, true)).toEqual({ kind: "declined", code: "authentication_required", message: "cancelled", chargeId: "ch_1" })
    expect(asked).toEqual(["ch_1"])
  })

  it("answers charged when the shopper completed the payment as it was being given up", async () => {
    const { deps } = processorAnswering({ ok: true, value: succeeded })
    expect(await foundChargeAnswer(deps, waiting, old, true)).toEqual({ kind: "charged", chargeId: "ch_1" })
  })

  it("cancels a failed challenge with the shopper there before recording it; records it as found otherwise", async () => {
    const present = processorAnswering(cancelledAsDeclined)
    expect(await foundChargeAnswer(present.deps, failed, fresh, true)).toMatchObject({ kind: "declined", code: "authentication_required" })
    expect(present.asked).toEqual(["ch_1"])
    const absent = processorAnswering(cancelledAsDeclined)
    expect(await foundChargeAnswer(absent.deps, failed, fresh, false)).toEqual({ kind: "declined", code: "authentication_failed", message: "the challenge failed", chargeId: "ch_1" })
    expect(absent.asked).toEqual([])
  })

  it("keeps a failed charge's own answer when the processor cannot cancel it, and a waiting one unknown", async () => {
    const { deps } = processorAnswering({ ok: false, error: { code: "processor_unavailable", message: "down", retryable: true } })
    expect(await foundChargeAnswer(deps, failed, fresh, true)).toMatchObject({ kind: "declined", code: "authentication_failed" })
    expect(await foundChargeAnswer(deps, waiting, old, true)).toEqual({ kind: "unknown", detail: "down" })
  })

  it("answers a succeeded charge as charged, nothing cancelled", async () => {
    const { deps, asked } = processorAnswering(cancelledAsDeclined)
    expect(await foundChargeAnswer(deps, succeeded, old, true)).toEqual({ kind: "charged", chargeId: "ch_1" })
    expect(asked).toEqual([])
  })
})
