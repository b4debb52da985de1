import { normaliseEmail, normalisePhone } from "./shopper-identity"

describe("normaliseEmail", () => {
  it("ignores case and surrounding spaces", () => {
    expect(normaliseEmail("  Jane.Doe@Example.COM ")).toBe("jane.doe@example.com")
    expect(normaliseEmail("jane.doe@example.com")).toBe(normaliseEmail("JANE.DOE@EXAMPLE.COM"))
  })

  it("keeps the local part's dots and plus signs (another mailbox for all we know)", () => {
    expect(normaliseEmail("jane+shop@example.com")).toBe("jane+shop@example.com")
    expect(normaliseEmail("j.ane@example.com")).not.toBe(normaliseEmail("jane@example.com"))
  })

  it("links nobody by an empty or malformed address", () => {
    for (const raw of ["", "   ", "jane", "@example.com", "jane@", "ja ne@example.com", null, undefined]) {
      expect(normaliseEmail(raw)).toBeNull()
    }
  })
})

describe("normalisePhone", () => {
  it("writes a number in international form whatever the separators", () => {
    const forms = ["+33 6 12 34 56 78", "+33.6.12.34.56.78", "+33-6-12-34-56-78", "(+33) 612345678", "0033 6 12 34 56 78", "+33612345678"]
    for (const raw of forms) expect(normalisePhone(raw)).toBe("+33612345678")
  })

  it("tells different numbers apart", () => {
    expect(normalisePhone("+33 6 12 34 56 78")).not.toBe(normalisePhone("+32 6 12 34 56 78"))
  })

  it("links nobody by a national, short, long or empty number", () => {
    for (const raw of ["06 12 34 56 78", "+33 12", "+1234567890123456", "+0612345678", "", "phone", null, undefined]) {
      expect(normalisePhone(raw)).toBeNull()
    }
  })
})
