import { cardDataMessage, findCardData, MAX_DATA_DEPTH } from "./card-data"

describe("findCardData", () => {
  it.each([
    [{ card_number: "x" }, "data.card_number", "card_key"],
    [{ CVV: 987 }, "data.CVV", "card_key"],
    [{ "security-code": "987" }, "data.security-code", "card_key"],
    [{ note: "my card is 4111 1111 1111 1111" }, "data.note", "card_number"],
    [{ note: "4111-1111-1111-1111" }, "data.note", "card_number"],
    [{ gift: { message: ["card", 4111111111111111] } }, "data.gift.message[1]", "card_number"],
    [{ card_token: "4000002760003184" }, "data.card_token", "card_number"],
    [{ ts: "1737000000000" }, "data.ts", "card_number"],
  ])("finds card data in %j at %s", (data, path, kind) => {
    expect(findCardData(data)).toEqual({ path, kind })
  })

  it.each([
    { plan: "p3x", card_token: "tok_visa", locale: "fr" },
    { amount_cents: 25490, quoted_on: "2027-01-31", lines: ["84,96 € le 28 février 2027"] },
    { id: "12345678901234567890123" },
    { phone: "+49 1512 3456789 0" },
    { postal_code: "75002", exp_year: 2030 },
  ])("leaves %j alone", (data) => {
    expect(findCardData(data, "data", ["phone"])).toBeNull()
  })

  it("refuses data nested deeper than it can be meant", () => {
    const deep = JSON.parse("[".repeat(500) + "]".repeat(500))
    expect(findCardData({ extra: deep })).toEqual({ path: `data.extra${"[0]".repeat(MAX_DATA_DEPTH - 1)}`, kind: "too_deep" })
  })

  it("never repeats the value in its message", () => {
    const message = cardDataMessage({ path: "data.note", kind: "card_number" })
    expect(message).toMatch(/^card_data_refused: data\.note looks like a card number\. .*data\.card_token$/)
  })
})
