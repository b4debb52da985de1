import { DOMAIN_ERROR_CODES, err, ok, unwrap } from "./result"

describe("Result", () => {
  it("wraps values and errors", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 })
    expect(err("invalid_amount", "The amount must be more than 0.")).toEqual({ ok: false, error: { code: "invalid_amount", message: "The amount must be more than 0." } })
    expect(err("refund_exceeds_total", "Too much.", { max: 5 })).toEqual({ ok: false, error: { code: "refund_exceeds_total", message: "Too much.", details: { max: 5 } } })
  })

  it("unwraps, throwing with the code on an error", () => {
    expect(unwrap(ok("x"))).toBe("x")
    expect(() => unwrap(err("plan_frozen", "The plan is frozen."))).toThrow("plan_frozen: The plan is frozen.")
  })

  it("has unique snake_case codes", () => {
    expect(new Set(DOMAIN_ERROR_CODES).size).toBe(DOMAIN_ERROR_CODES.length)
    for (const code of DOMAIN_ERROR_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/)
  })
})
