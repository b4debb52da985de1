import { formatCardRef, parseCardRef } from "./card-ref"

describe("Stripe cardRef", () => {
  it("holds the customer and the payment method, and reads back only what it wrote", () => {
    const ref = formatCardRef({ customer: "cus_A1", paymentMethod: "pm_B2" })
    expect(ref).toBe("cus_A1/pm_B2")
    expect(parseCardRef(ref)).toEqual({ customer: "cus_A1", paymentMethod: "pm_B2" })
    for (const bad of ["", "pm_B2", "cus_A1/", "card_x", "cus_A1/pm_B2/x", "cus_A 1/pm_B2", 12, null]) expect(parseCardRef(bad)).toBeNull()
  })
})
