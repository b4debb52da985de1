import {
  ELIGIBILITY_REASON_CODES,
  INSTALMENT_STATUSES,
  LOCALES,
  PLAN_CODES,
  PLAN_STATUSES,
} from "../codes"
import { MESSAGES } from "./catalogue"
import { en } from "./en"
import { fr } from "./fr"
import { placeholders } from "./format"
import { EMAIL_KINDS, REVISION_REFUSAL_CODES, type MessageKey } from "./messages"

const KEYS = Object.keys(en) as MessageKey[]
const TRANSLATIONS = LOCALES.filter((locale) => locale !== "en")

/** Every placeholder name the catalogue may use: a typo in a template shows up here. */
const KNOWN_PLACEHOLDERS = new Set([
  "amount",
  "count",
  "countries",
  "date",
  "days",
  "fee",
  "last4",
  "link",
  "max",
  "min",
  "networks",
  "newDate",
  "orderNumber",
  "version",
])

describe("message catalogue", () => {
  it("has the same keys in every locale, all non-empty", () => {
    for (const locale of LOCALES) {
      const messages = MESSAGES[locale]
      expect(Object.keys(messages).sort()).toEqual([...KEYS].sort())
      for (const key of KEYS) {
        const text = messages[key]
        expect(typeof text).toBe("string")
        if (text.trim() === "") throw new Error(`${locale}: ${key} is empty`)
        expect(text).toBe(text.trim())
      }
    }
  })

  it("uses in each translation exactly the placeholders of the English text", () => {
    for (const locale of TRANSLATIONS) {
      for (const key of KEYS) {
        const expected = placeholders(en[key])
        const actual = placeholders(MESSAGES[locale][key])
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          throw new Error(`${locale}: ${key} uses {${actual.join("}, {")}} but English uses {${expected.join("}, {")}}`)
        }
      }
    }
  })

  it("uses only known placeholder names and no unbalanced braces", () => {
    for (const locale of LOCALES) {
      for (const key of KEYS) {
        const text = MESSAGES[locale][key]
        for (const name of placeholders(text)) expect(KNOWN_PLACEHOLDERS).toContain(name)
        const withoutPlaceholders = text.replace(/\{[A-Za-z][A-Za-z0-9_]*\}/g, "")
        if (/[{}]/.test(withoutPlaceholders)) throw new Error(`${locale}: ${key} has a stray brace: ${text}`)
      }
    }
  })

  it("has a label and a description for every plan, a message for every reason code, status, refusal and e-mail", () => {
    const required: string[] = [
      ...PLAN_CODES.flatMap((code) => [`plan.${code}.label`, `plan.${code}.description`]),
      ...ELIGIBILITY_REASON_CODES.map((code) => `reason.${code}`),
      ...PLAN_STATUSES.map((status) => `status.plan.${status}`),
      ...INSTALMENT_STATUSES.map((status) => `status.instalment.${status}`),
      ...REVISION_REFUSAL_CODES.map((code) => `refusal.${code}`),
      ...EMAIL_KINDS.flatMap((kind) => [`email.${kind}.subject`, `email.${kind}.body`]),
    ]
    for (const locale of LOCALES) {
      const messages = MESSAGES[locale] as unknown as Record<string, string>
      for (const key of required) {
        if (!messages[key]?.trim()) throw new Error(`${locale}: missing ${key}`)
      }
    }
  })

  it("gives the bounds to the amount messages and the country list to the country message", () => {
    for (const locale of LOCALES) {
      expect(placeholders(MESSAGES[locale]["reason.amount_below_minimum"])).toEqual(["min"])
      expect(placeholders(MESSAGES[locale]["reason.amount_above_maximum"])).toEqual(["max"])
      expect(placeholders(MESSAGES[locale]["reason.country_not_supported"])).toEqual(["countries"])
    }
  })

  it("puts order number, amount, date and link in the e-mails that need them", () => {
    for (const kind of ["planConfirmed", "reminder", "paymentFailed", "planUpdated"] as const) {
      expect(placeholders(en[`email.${kind}.body`])).toEqual(["amount", "date", "link", "orderNumber"])
    }
    for (const kind of EMAIL_KINDS) expect(placeholders(en[`email.${kind}.subject`])).toContain("orderNumber")
  })

  it("keeps the legal French warnings word for word", () => {
    expect(fr["credit.warning"]).toBe(
      "Un crédit vous engage et doit être remboursé. Vérifiez vos capacités de remboursement avant de vous engager.",
    )
    expect(fr["credit.warningCcd2"]).toBe("Attention ! Un crédit coûte de l'argent et doit être remboursé.")
  })

  it("labels the plans as docs/business-rules.md §1 names them", () => {
    expect(en["plan.p3x.label"]).toBe("Pay in 3 instalments")
    expect(en["plan.d30.label"]).toBe("Pay in 30 days")
    expect(fr["plan.p3x.label"]).toBe("Payer en 3 fois")
    expect(fr["plan.d30.label"]).toBe("Payer dans 30 jours")
    expect(en["accept.button.instalments"]).toBe("Pay in {count} instalments")
    expect(en["accept.button.later"]).toBe("Pay later")
    expect(en["accept.button.verifyCard"]).toBe("Verify my card")
    expect(en["accept.answer.paymentAccepted"]).toBe("Payment accepted")
    expect(en["accept.answer.verified"]).toBe("Verified")
    expect(en["accept.answer.validated"]).toBe("Validated")
    expect(en["self.title"]).toBe("Your payment plan")
    expect(en["self.linkExpired"]).toBe("This link has expired")
  })

  it("writes French with a no-break space before double punctuation (legal sentences excepted)", () => {
    for (const key of KEYS) {
      if (key === "credit.warningCcd2") continue
      const bad = / [:;!?]/.exec(fr[key])
      if (bad) throw new Error(`fr: ${key} has an ordinary space before "${bad[0].trim()}": ${fr[key]}`)
    }
  })

  it("never frames the plans as easy credit", () => {
    const forbidden = /\b(easy|effortless|instant credit|facile|fácil|einfach|leicht|facil[ei]|makkelijk|eenvoudig|gemakkelijk)\b/i
    for (const locale of LOCALES) {
      for (const key of KEYS) {
        if (forbidden.test(MESSAGES[locale][key])) throw new Error(`${locale}: ${key}: ${MESSAGES[locale][key]}`)
      }
    }
  })

  it("says interest-free in every plan description", () => {
    for (const locale of LOCALES) {
      const interestFree = MESSAGES[locale]["schedule.interestFree"]
      for (const code of PLAN_CODES) expect(MESSAGES[locale][`plan.${code}.description`]).toContain(interestFree)
    }
  })
})
