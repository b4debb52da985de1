import { BigNumber } from "@medusajs/framework/utils"
import { money } from "../domain/money"
import { exchangeDifference, type ChangeAction, type PaidLine } from "./exchange-difference"

/** The office chair bought at -50 % (124.50 € paid), fulfilled, its return requested. */
const discountedChair: PaidLine = {
  id: "ordli_chair",
  quantity: 1,
  total: 124.5,
  fulfilled_total: 124.5,
  detail: { fulfilled_quantity: 1, return_received_quantity: 0, return_dismissed_quantity: 0 },
}
const lamp: PaidLine = { id: "ordli_lamp", quantity: 1, total: 39, detail: { fulfilled_quantity: 0 } }
const chairForLamp: ChangeAction[] = [
  { action: "RETURN_ITEM", details: { quantity: 1, reference_id: "ordli_chair" } },
  { action: "ITEM_ADD", details: { quantity: 1, reference_id: "ordli_lamp" } },
]

describe("exchangeDifference: from what the shopper paid (M6)", () => {
  it("counts the returned line at what was paid for it, not its list price", () => {
    const { difference, paidForReturned } = exchangeDifference(chairForLamp, { items: [discountedChair, lamp], shipping_methods: [] }, "eur")
    expect(difference).toEqual(money(-8550, "eur"))
    expect(paidForReturned).toEqual(money(12450, "eur"))
  })

  it("still knows what a line cost once it is back (received: its total is 0 then)", () => {
    const received: PaidLine = { ...discountedChair, total: 0, detail: { fulfilled_quantity: 1, return_received_quantity: 1 } }
    expect(exchangeDifference(chairForLamp, { items: [received, lamp], shipping_methods: [] }, "eur").difference).toEqual(money(-8550, "eur"))
  })

  it("adds the shipping the exchange adds, at its computed total, and takes part of a line back per unit", () => {
    // Three mugs for 20.00 € after a 10.00 € discount across them: 6.666… € each.
    const mugs: PaidLine = { id: "ordli_mugs", quantity: 3, total: { value: "20" }, detail: { fulfilled_quantity: 3 } }
    const actions: ChangeAction[] = [
      { action: "RETURN_ITEM", details: { quantity: 2, reference_id: "ordli_mugs" } },
      { action: "ITEM_ADD", details: { quantity: 1, reference_id: "ordli_lamp" } },
      { action: "SHIPPING_ADD", reference_id: "ordsm_out" },
      { action: "FULFILL_ITEM", details: { quantity: 1, reference_id: "ordli_lamp" } },
    ]
    const { difference, paidForReturned } = exchangeDifference(actions, { items: [mugs, lamp], shipping_methods: [{ id: "ordsm_out", total: 5.9 }] }, "eur")
    expect(paidForReturned).toEqual(money(1333, "eur"))
    expect(difference).toEqual(money(3900 + 590 - 1333, "eur"))
  })

  it("reads Medusa's BigNumbers by their raw value, whichever copy of Medusa's utils made them", () => {
    const asMedusa = (major: string) => ({ raw: { value: major, precision: 20 }, numeric: Number(major) })
    const chair: PaidLine = { ...discountedChair, quantity: asMedusa("1"), total: new BigNumber(124.5), detail: { fulfilled_quantity: asMedusa("1") } }
    const { difference } = exchangeDifference(chairForLamp, { items: [chair, { ...lamp, total: asMedusa("39") }], shipping_methods: [] }, "eur")
    expect(difference).toEqual(money(-8550, "eur"))
  })

  it("refuses a line the order does not have, or a total Medusa did not compute", () => {
    expect(() => exchangeDifference(chairForLamp, { items: [discountedChair], shipping_methods: [] }, "eur")).toThrow(/line ordli_lamp/)
    const uncomputed: PaidLine = { ...lamp, total: undefined }
    expect(() => exchangeDifference(chairForLamp, { items: [discountedChair, uncomputed], shipping_methods: [] }, "eur")).toThrow(/no total for line ordli_lamp/)
  })
})
