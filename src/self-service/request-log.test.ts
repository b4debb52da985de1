import { redactTokens } from "./request-log"

describe("redactTokens", () => {
  it("replaces the value of every token parameter, and only that", () => {
    expect(redactTokens("/instalments/plans/iplan_1?token=v2.0.1800000000.abc_-&locale=fr")).toBe("/instalments/plans/iplan_1?token=redacted&locale=fr")
    expect(redactTokens("/store/instalment-plans/iplan_1?locale=de&token=v2.0.1.x&token=again")).toBe("/store/instalment-plans/iplan_1?locale=de&token=redacted&token=redacted")
    expect(redactTokens("/x?tokens=1&my_token=2&token")).toBe("/x?tokens=1&my_token=2&token=redacted")
  })

  it("catches the array forms, written or percent-encoded, and leaves URLs without a query alone", () => {
    expect(redactTokens("/x?token[]=a&token%5B0%5D=b&t%6Fken=c")).toBe("/x?token[]=redacted&token%5B0%5D=redacted&t%6Fken=redacted")
    expect(redactTokens("/instalments/plans/iplan_1")).toBe("/instalments/plans/iplan_1")
    expect(redactTokens("/x?a=%E0%A4%A&token=secret#frag")).toBe("/x?a=%E0%A4%A&token=redacted#frag")
  })
})
