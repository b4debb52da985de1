import fc from "fast-check"
import { fcParams } from "../../../domain/__tests__/fc-settings"
import { refundLegs, type RefundableCharge } from "./refund-legs"

const charge = (chargeId: string, amount: number, sequence: number, refunded = 0, purpose = "instalment"): RefundableCharge => ({
  chargeId,
  amount,
  refunded,
  purpose,
  sequence,
})

describe("refundLegs", () => {
  it("takes a refund back from the newest charges first, each at most what is left on it", () => {
    const split = refundLegs([charge("ch_1", 10_000, 1), charge("ch_2", 5_000, 2, 1_000), charge("ch_3", 5_000, 3)], 12_000)
    expect(split).toEqual({ ok: true, legs: [{ chargeId: "ch_3", cents: 5_000 }, { chargeId: "ch_2", cents: 4_000 }, { chargeId: "ch_1", cents: 3_000 }] })
  })

  it("sends exchange differences back before the instalments, as they were paid last", () => {
    const split = refundLegs([charge("ch_exch", 2_000, 1, 0, "exchange_difference"), charge("ch_2", 5_000, 2)], 3_000)
    expect(split).toEqual({ ok: true, legs: [{ chargeId: "ch_exch", cents: 2_000 }, { chargeId: "ch_2", cents: 1_000 }] })
  })

  it("says how much no charge can cover", () => {
    expect(refundLegs([charge("ch_1", 1_000, 1, 600)], 500)).toEqual({ ok: false, missing: 100 })
    expect(refundLegs([], 1)).toEqual({ ok: false, missing: 1 })
  })

  it("never refunds more than a charge has left, and covers exactly the refund when it can", () => {
    const charges = fc.array(
      fc.record({ amount: fc.integer({ min: 1, max: 100_000 }), refundedShare: fc.integer({ min: 0, max: 100 }), exchange: fc.boolean() }),
      { maxLength: 6 },
    )
    fc.assert(
      fc.property(charges, fc.integer({ min: 1, max: 700_000 }), (specs, cents) => {
        const list = specs.map((s, k) => charge(`ch_${k}`, s.amount, k, Math.floor((s.amount * s.refundedShare) / 100), s.exchange ? "exchange_difference" : "instalment"))
        const left = list.reduce((sum, c) => sum + c.amount - c.refunded, 0)
        const split = refundLegs(list, cents)
        if (!split.ok) return cents > left && split.missing === cents - left
        const byCharge = new Map(list.map((c) => [c.chargeId, c]))
        return (
          cents <= left &&
          split.legs.reduce((s, l) => s + l.cents, 0) === cents &&
          split.legs.every((l) => l.cents > 0 && l.cents <= byCharge.get(l.chargeId)!.amount - byCharge.get(l.chargeId)!.refunded)
        )
      }),
      fcParams(1_000),
    )
  })
})
