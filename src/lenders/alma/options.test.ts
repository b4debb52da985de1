import { ALMA_LIVE_API_ROOT, ALMA_SANDBOX_API_ROOT, parseAlmaOptions } from "./options"

describe("Alma provider options", () => {
  it("follows the key's mode for the API root, and keeps the defaults", () => {
    expect(parseAlmaOptions({ api_key: "sk_test_abc" })).toEqual({
      apiKey: "sk_test_abc",
      mode: "test",
      apiRoot: ALMA_SANDBOX_API_ROOT,
      plans: ["p2x", "p3x", "p4x"],
      deferredTrigger: "off",
      returnUrl: undefined,
      returnOrigins: [],
      ipnUrl: undefined,
      timeoutMs: 10_000,
      retries: 2,
    })
    expect(parseAlmaOptions({ api_key: "sk_live_xyz" })).toMatchObject({ mode: "live", apiRoot: ALMA_LIVE_API_ROOT })
  })

  it("allows data.return_url on the return_url's origin and the return_origins, which must be origins", () => {
    expect(
      parseAlmaOptions({ api_key: "sk_test_abc", return_url: "https://shop.example/alma-return", return_origins: ["https://m.shop.example/", "http://localhost:8000"] })
        .returnOrigins,
    ).toEqual(["https://shop.example", "https://m.shop.example", "http://localhost:8000"])
    expect(() => parseAlmaOptions({ api_key: "sk_test_abc", return_origins: ["https://shop.example/checkout"] })).toThrow(
      /option "return_origins.0" must be a list of origins \(scheme, host and port, no path\)/,
    )
    expect(() => parseAlmaOptions({ api_key: "sk_test_abc", return_origins: "https://shop.example" })).toThrow(/option "return_origins" must be a list of origins/)
  })

  it("takes an API root override (a local fake), the plans, the trigger and the URLs", () => {
    const config = parseAlmaOptions({
      api_key: "sk_test_abc",
      api_root: "http://localhost:4010/",
      plans: ["p3x", "d30", "p3x"],
      deferred_trigger: "on_shipment",
      return_url: "https://shop.example/alma-return",
      ipn_url: "https://api.shop.example/hooks/alma/ipn",
      timeout_ms: 2000,
      retries: 0,
    })
    expect(config).toMatchObject({
      apiRoot: "http://localhost:4010",
      plans: ["p3x", "d30"],
      deferredTrigger: "on_shipment",
      returnUrl: "https://shop.example/alma-return",
      returnOrigins: ["https://shop.example"],
      ipnUrl: "https://api.shop.example/hooks/alma/ipn",
      timeoutMs: 2000,
      retries: 0,
    })
  })

  it.each([
    [{}, 'option "api_key" is required'],
    [{ api_key: "pk_test_abc" }, 'option "api_key" must start with sk_test_'],
    [{ api_key: "sk_test_a", api_root: "api.getalma.eu" }, 'option "api_root" must be an absolute http(s) URL'],
    [{ api_key: "sk_test_a", plans: ["p5x"] }, 'option "plans.0" "p5x" is not a plan'],
    [{ api_key: "sk_test_a", plans: [] }, 'option "plans" must list at least one plan'],
    [{ api_key: "sk_test_a", deferred_trigger: "on_delivery" }, 'option "deferred_trigger" must be "off" or "on_shipment"'],
    [{ api_key: "sk_test_a", ipn_url: "/hooks/alma/ipn" }, 'option "ipn_url" must be an absolute http(s) URL'],
    [{ api_key: "sk_test_a", apiKey: "x" }, 'unknown option "apiKey"'],
  ])("refuses %j naming the option", (raw, message) => {
    expect(() => parseAlmaOptions(raw)).toThrow(message)
  })
})

describe("Alma provider options in production", () => {
  it("refuses the demo's public key, which is also the key of its IPN signatures", () => {
    expect(() => parseAlmaOptions({ api_key: "sk_test_demo_fake_alma" }, { NODE_ENV: "production" })).toThrow(
      'medusa-instalments (alma): option "api_key" is the demo\'s public key sk_test_demo_fake_alma',
    )
    expect(parseAlmaOptions({ api_key: "sk_test_demo_fake_alma" }, { NODE_ENV: "development" }).apiKey).toBe("sk_test_demo_fake_alma")
    expect(parseAlmaOptions({ api_key: "sk_live_own_key" }, { NODE_ENV: "production" }).mode).toBe("live")
  })
})
