import { SUPPORT_CATEGORIES } from "./codes"
import { checkSupportCategory, checkSupportMessage, MAX_SUPPORT_MESSAGE_LENGTH, supportRoute } from "./support-request"

describe("checkSupportCategory", () => {
  it("accepts the eleven categories", () => {
    expect(SUPPORT_CATEGORIES).toHaveLength(11)
    for (const category of SUPPORT_CATEGORIES) expect(checkSupportCategory(category)).toEqual({ ok: true, value: category })
  })

  it("refuses anything else, listing the categories", () => {
    for (const bad of ["complaint", "", "POSTPONE", 3, undefined, null]) {
      const result = checkSupportCategory(bad)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe("unknown_support_category")
        expect(result.error.message).toMatch(/category must be one of purchase_blocked, payment_refused, .*formal_complaint \(got /)
      }
    }
  })
})

describe("checkSupportMessage", () => {
  it("keeps the text without surrounding blanks", () => {
    expect(checkSupportMessage("  Where is my parcel?\n")).toEqual({ ok: true, value: "Where is my parcel?" })
    expect(checkSupportMessage("x".repeat(MAX_SUPPORT_MESSAGE_LENGTH))).toMatchObject({ ok: true })
  })

  it("refuses an empty, blank or missing message", () => {
    for (const bad of ["", "   \n", undefined, null, 42]) expect(checkSupportMessage(bad)).toMatchObject({ ok: false, error: { code: "support_message_required" } })
  })

  it("refuses a message longer than the limit, saying the limit", () => {
    const result = checkSupportMessage("x".repeat(MAX_SUPPORT_MESSAGE_LENGTH + 1))
    expect(result).toMatchObject({ ok: false, error: { code: "support_message_too_long", details: { max: 4000, length: 4001 } } })
    if (!result.ok) expect(result.error.message).toMatch(/at most 4000 characters \(got 4001\)/)
  })
})

describe("supportRoute", () => {
  it("sends the page's own matters to its actions first, order matters to the merchant, the rest to support", () => {
    const routes = Object.fromEntries(SUPPORT_CATEGORIES.map((category) => [category, supportRoute(category)]))
    expect(routes).toEqual({
      purchase_blocked: { kind: "support" },
      payment_refused: { kind: "page", remedy: "pay_now" },
      postpone: { kind: "page", remedy: "postpone" },
      schedule_question: { kind: "support" },
      change_card: { kind: "page", remedy: "change_card" },
      difficulty_paying: { kind: "page", remedy: "pay_now" },
      order_not_received: { kind: "merchant" },
      order_not_as_ordered: { kind: "merchant" },
      refund_confirmed: { kind: "support" },
      page_access: { kind: "support" },
      formal_complaint: { kind: "support" },
    })
  })
})
