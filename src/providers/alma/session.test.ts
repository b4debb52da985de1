import { parseAlmaOptions } from "../../lenders/alma/options"
import { parseSessionRequest } from "./session"

/** Security review L11: the page Alma sends the shopper back to is one of the store's own. */
describe("Alma session request: data.return_url", () => {
  const config = parseAlmaOptions({ api_key: "sk_test_abc", return_url: "https://shop.example/alma-return", return_origins: ["https://m.shop.example"] })

  it("takes a page of the storefront's origins", () => {
    expect(parseSessionRequest({ plan: "p3x", return_url: "https://shop.example/checkout/back?step=2" }, config).return_url).toBe(
      "https://shop.example/checkout/back?step=2",
    )
    expect(parseSessionRequest({ plan: "p3x", return_url: "https://m.shop.example/back" }, config).return_url).toBe("https://m.shop.example/back")
    expect(parseSessionRequest({ plan: "p3x" }, config).return_url).toBeUndefined()
  })

  it("refuses another site, a look-alike host, another scheme or port, and says which origins are allowed", () => {
    for (const url of [
      "https://evil.example/back",
      "https://shop.example.evil.example/back",
      "https://shop.example@evil.example/back",
      "http://shop.example/back",
      "https://shop.example:8443/back",
    ]) {
      expect(() => parseSessionRequest({ plan: "p3x", return_url: url }, config)).toThrow(
        "data.return_url must be a page of the storefront, on https://shop.example or https://m.shop.example",
      )
    }
  })

  it("lets no storefront choose when the store configured no return page", () => {
    const bare = parseAlmaOptions({ api_key: "sk_test_abc" })
    expect(() => parseSessionRequest({ plan: "p3x", return_url: "https://shop.example/back" }, bare)).toThrow(
      "data.return_url cannot be chosen by the storefront in this store: set the alma provider's return_url option",
    )
  })
})
