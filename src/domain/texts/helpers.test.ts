import {
  ELIGIBILITY_REASON_CODES,
  INSTALMENT_STATUSES,
  LOCALES,
  PLAN_CODES,
  PLAN_STATUSES,
  type EligibilityReasonCode,
} from "../codes"
import {
  EMAIL_KINDS,
  REVISION_REFUSAL_CODES,
  acceptance,
  creditAmount,
  creditWarning,
  describeReasons,
  emailTexts,
  formatMoney,
  planLabel,
  presentPlan,
  reasonMessage,
  refusalMessage,
  scheduleLines,
  statusLabel,
  t,
  totalLine,
  type ScheduleInstalment,
} from "./index"

const NBSP = "\u00a0"
const eur = (cents: number, locale: string) => formatMoney(cents, "EUR", locale)
const L312_5 = "Un crédit vous engage et doit être remboursé. Vérifiez vos capacités de remboursement avant de vous engager."
const CCD2_FR = "Attention ! Un crédit coûte de l'argent et doit être remboursé."

/** 254,90 € in 3 instalments from 22 Nov 2026, remainder on the first. */
const P3X: ScheduleInstalment[] = [
  { number: 1, dueDate: "2026-11-22", amount: 8498, customerFee: 0 },
  { number: 2, dueDate: "2026-12-22", amount: 8496, customerFee: 0 },
  { number: 3, dueDate: "2027-01-22", amount: 8496, customerFee: 0 },
]

const noBraces = (text: string) => {
  if (/[{}]/.test(text)) throw new Error(`unfilled placeholder in: ${text}`)
}

describe("t", () => {
  it("translates and fills placeholders", () => {
    expect(t("fr", "accept.button.instalments", { count: 4 })).toBe("Payer en 4 fois")
    expect(t("de-AT", "accept.button.instalments", { count: 4 })).toBe("In 4 Raten zahlen")
    expect(t("en", "schedule.total", { amount: "€1.00" })).toBe("Total: €1.00")
  })

  it("falls back to English for an unknown language", () => {
    expect(t("pt-BR", "self.title")).toBe("Your payment plan")
    expect(t(undefined, "self.title")).toBe("Your payment plan")
  })

  it("elides the Italian article before 8 and 11", () => {
    expect(t("it", "schedule.onDate", { amount: "10,00 €", date: "8 dicembre 2026" })).toBe("10,00 € l'8 dicembre 2026")
    expect(t("it", "schedule.onDate", { amount: "10,00 €", date: "11 marzo 2027" })).toBe("10,00 € l'11 marzo 2027")
    expect(t("it", "self.confirm.postpone", { date: "1º dicembre 2026", newDate: "8 dicembre 2026" })).toBe(
      "La rata in scadenza il 1º dicembre 2026 sarà posticipata all'8 dicembre 2026.",
    )
    expect(t("it", "schedule.onDate", { amount: "10,00 €", date: "18 marzo 2027" })).toBe("10,00 € il 18 marzo 2027")
  })
})

describe("plans and acceptance", () => {
  it("labels every plan in every language", () => {
    expect(planLabel("p3x", "en")).toBe("Pay in 3 instalments")
    expect(planLabel("d30", "fr")).toBe("Payer dans 30 jours")
    for (const locale of LOCALES) for (const code of PLAN_CODES) expect(planLabel(code, locale)).not.toBe("")
  })

  it("reads the number of instalments from the plan code", () => {
    expect(PLAN_CODES.map((code) => acceptance(code, "en").button)).toEqual([
      "Pay in 2 instalments",
      "Pay in 3 instalments",
      "Pay in 4 instalments",
      "Pay later",
      "Pay later",
    ])
  })

  it("gives the acceptance button and answer of docs/business-rules.md §4", () => {
    expect(acceptance("p3x", "en")).toEqual({ button: "Pay in 3 instalments", answer: "Payment accepted" })
    expect(acceptance("d30", "en")).toEqual({ button: "Pay later", answer: "Validated" })
    expect(acceptance("p4x", "en", "shipment")).toEqual({ button: "Verify my card", answer: "Verified" })
    expect(acceptance("p4x", "en", "on_shipment")).toEqual({ button: "Verify my card", answer: "Verified" })
    expect(acceptance("p4x", "en", "off")).toEqual({ button: "Pay in 4 instalments", answer: "Payment accepted" })
    expect(acceptance("p2x", "fr")).toEqual({ button: "Payer en 2 fois", answer: "Paiement accepté" })
  })
})

describe("creditWarning", () => {
  it("gives the French statutory sentence before the CCD2 date", () => {
    expect(creditWarning("fr", "2026-11-19")).toBe(L312_5)
  })

  it("adds the CCD2 sentence from 20 November 2026", () => {
    expect(creditWarning("fr", "2026-11-20")).toBe(`${CCD2_FR} ${L312_5}`)
    expect(creditWarning("fr", new Date("2027-03-01T12:00:00Z"))).toContain(CCD2_FR)
    expect(creditWarning("fr-BE", "2027-01-01")).toContain(L312_5)
  })

  it("gives an equivalent sentence in every other language", () => {
    for (const locale of LOCALES) {
      expect(creditWarning(locale, "2026-06-01").length).toBeGreaterThan(20)
      expect(creditWarning(locale, "2026-12-01").length).toBeGreaterThan(creditWarning(locale, "2026-06-01").length)
    }
    expect(creditWarning("nl", "2026-12-01")).toContain("Let op, geld lenen kost ook geld.")
  })
})

describe("reason messages", () => {
  it("has a message for every reason code in every language, all placeholders filled by defaults", () => {
    for (const locale of LOCALES) {
      for (const code of ELIGIBILITY_REASON_CODES) {
        const message = reasonMessage(code, locale)
        expect(message.length).toBeGreaterThan(20)
        noBraces(message)
      }
    }
  })

  it("writes the bounds as money in the shopper's convention", () => {
    expect(reasonMessage("amount_below_minimum", "fr", { min: 5000 })).toBe(
      `Cette formule est disponible pour les commandes à partir de 50,00${NBSP}€. Veuillez choisir une autre formule ou un autre moyen de paiement.`,
    )
    expect(reasonMessage("amount_above_maximum", "en", { max: 400000 })).toContain("up to €4,000.00")
    expect(reasonMessage("amount_above_maximum", "de", { max: "4.000 €" })).toContain("bis zu einem Bestellwert von 4.000 €")
    expect(reasonMessage("amount_below_minimum", "nl", { min: 3000, currency: "eur" })).toContain(`vanaf €${NBSP}30,00`)
  })

  it("lists the countries and the accepted cards", () => {
    expect(reasonMessage("country_not_supported", "fr")).toContain("France, Belgique, Espagne, Allemagne et Italie")
    expect(reasonMessage("country_not_supported", "en", { countries: ["fr", "be"] })).toContain("France and Belgium")
    expect(reasonMessage("card_network_not_accepted", "en")).toContain(
      "Visa, Mastercard, American Express, and Carte Bancaire (CB)",
    )
    expect(reasonMessage("card_network_not_accepted", "fr", { networks: ["visa", "cb"] })).toContain("Visa et CB")
  })

  it("describes a list of reasons, each once, in order", () => {
    const codes: EligibilityReasonCode[] = ["card_prepaid", "amount_below_minimum", "card_prepaid"]
    const described = describeReasons(codes, "es", { min: 5000 })
    expect(described.map((d) => d.code)).toEqual(["card_prepaid", "amount_below_minimum"])
    expect(described[1]!.message).toContain(`50,00${NBSP}€`)
    expect(describeReasons([], "es")).toEqual([])
  })
})

describe("statuses and refusals", () => {
  it("names every plan and instalment status in every language", () => {
    for (const locale of LOCALES) {
      for (const status of PLAN_STATUSES) expect(statusLabel("plan", status, locale)).not.toBe(status)
      for (const status of INSTALMENT_STATUSES) expect(statusLabel("instalment", status, locale)).not.toBe(status)
    }
    expect(statusLabel("plan", "completed", "en")).toBe("Paid in full")
    expect(statusLabel("instalment", "paid", "fr")).toBe("Payée")
    expect(statusLabel("plan", "some_future_status", "fr")).toBe("some_future_status")
  })

  it("explains every refusal in every language", () => {
    for (const locale of LOCALES) {
      for (const code of REVISION_REFUSAL_CODES) noBraces(refusalMessage(code, locale))
    }
    expect(refusalMessage("postponement_too_long", "en", { days: 15 })).toBe(
      "A due date can be postponed by 15 days at most. Please choose an earlier date.",
    )
    expect(refusalMessage("withdrawal_period_over", "fr")).toContain("14 jours")
    expect(refusalMessage("invalid_amount", "de")).toBe(t("de", "self.error.generic"))
  })
})

describe("schedules", () => {
  it("writes the lines of a schedule in French", () => {
    expect(scheduleLines(P3X, "EUR", "fr", "2026-11-22")).toEqual([
      `${eur(8498, "fr")} aujourd'hui`,
      `${eur(8496, "fr")} le 22 décembre 2026`,
      `${eur(8496, "fr")} le 22 janvier 2027`,
    ])
    expect(scheduleLines(P3X, "EUR", "fr", "2026-11-22")[0]).toBe(`84,98${NBSP}€ aujourd'hui`)
  })

  it("writes the lines in every language, in instalment order", () => {
    const shuffled = [P3X[2]!, P3X[0]!, P3X[1]!]
    expect(scheduleLines(shuffled, "EUR", "en", "2026-11-22")).toEqual([
      "€84.98 today",
      "€84.96 on December 22, 2026",
      "€84.96 on January 22, 2027",
    ])
    expect(scheduleLines(P3X, "EUR", "de", "2026-11-22")[1]).toBe(`84,96${NBSP}€ am 22. Dezember 2026`)
    expect(scheduleLines(P3X, "EUR", "es", "2026-11-22")[1]).toBe(`84,96${NBSP}€ el 22 de diciembre de 2026`)
    expect(scheduleLines(P3X, "EUR", "it", "2026-11-22")[1]).toBe(`84,96${NBSP}€ il 22 dicembre 2026`)
    expect(scheduleLines(P3X, "EUR", "nl", "2026-11-22")[1]).toBe(`€${NBSP}84,96 op 22 december 2026`)
  })

  it("dates every line when none is due today", () => {
    expect(scheduleLines(P3X, "EUR", "en", "2026-11-21")[0]).toBe("€84.98 on November 22, 2026")
  })

  it("adds the fees to the amount and says how much they are", () => {
    const withFee = [{ ...P3X[0]!, customerFee: 100 }, P3X[1]!, { ...P3X[2]!, lateFee: 250 }]
    const lines = scheduleLines(withFee, "EUR", "fr", "2026-11-22")
    expect(lines[0]).toBe(`${eur(8598, "fr")} aujourd'hui (dont ${eur(100, "fr")} de frais)`)
    expect(lines[2]).toBe(`${eur(8746, "fr")} le 22 janvier 2027 (dont ${eur(250, "fr")} de frais de retard)`)
    expect(totalLine(withFee, "EUR", "en")).toBe("Total: €258.40")
  })

  it("computes the credit: everything after the first instalment, or the whole pay-later amount, fees excluded", () => {
    expect(creditAmount("p3x", [{ ...P3X[0]!, customerFee: 100 }, P3X[1]!, P3X[2]!])).toBe(16992)
    expect(creditAmount("d30", [{ number: 1, dueDate: "2026-12-22", amount: 25490, customerFee: 120 }])).toBe(25490)
  })
})

describe("presentPlan", () => {
  it("presents a plan at checkout in French with the mandatory warning", () => {
    const plan = presentPlan("p3x", P3X, "EUR", "fr", { today: "2026-11-22" })
    expect(plan.label).toBe("Payer en 3 fois")
    expect(plan.button).toBe("Payer en 3 fois")
    expect(plan.answer).toBe("Paiement accepté")
    expect(plan.lines[0]).toBe(`84,98${NBSP}€ aujourd'hui`)
    expect(plan.total).toBe(`Total${NBSP}: ${eur(25490, "fr")}`)
    expect(plan.credit).toBe(`Montant du crédit${NBSP}: ${eur(16992, "fr")}`)
    expect(plan.interestFree).toBe("Sans intérêts")
    expect(plan.creditNote).toBeDefined()
    expect(plan.warning).toBe(`${CCD2_FR} ${L312_5}`)
    const before = presentPlan("p3x", P3X, "EUR", "fr", { today: "2026-11-19" })
    expect(before.warning).toBe(L312_5)
    expect(before.lines[0]).toBe(`84,98${NBSP}€ le 22 novembre 2026`)
  })

  it("presents a deferred start and a pay-later plan", () => {
    const deferred = presentPlan("p2x", P3X.slice(0, 2), "EUR", "en", { today: "2026-11-10", deferredStart: "delivery" })
    expect(deferred.button).toBe("Verify my card")
    expect(deferred.deferredNote).toContain("when your order is delivered")
    expect(deferred.description).toBe(`${deferred.deferredNote} Interest-free.`)
    const laterDeferred = presentPlan("d15", [{ number: 1, dueDate: "2026-12-07", amount: 25490 }], "EUR", "fr", {
      deferredStart: "on_shipment",
      today: "2026-11-22",
    })
    expect(laterDeferred.deferredNote).toContain("15 jours après l'expédition de votre commande")
    expect(laterDeferred.button).toBe("Vérifier ma carte")
    expect(deferred.creditNote).toBeUndefined()
    const later = presentPlan("d30", [{ number: 1, dueDate: "2026-12-22", amount: 25490 }], "EUR", "en", {
      today: "2026-11-22",
    })
    expect(later.button).toBe("Pay later")
    expect(later.lines).toEqual(["€254.90 on December 22, 2026"])
    expect(later.credit).toBe("Amount of credit: €254.90")
    expect(later.creditNote).toBeUndefined()
  })

  it("leaves no placeholder unfilled in any language", () => {
    for (const locale of LOCALES) {
      for (const code of PLAN_CODES) {
        for (const deferredStart of [null, "shipment", "delivery"] as const) {
          const instalments = P3X.slice(0, code.startsWith("p") ? Number(code[1]) : 1)
          const plan = presentPlan(code, instalments, "EUR", locale, { today: "2026-11-22", deferredStart })
          for (const value of Object.values(plan)) {
            for (const text of Array.isArray(value) ? value : [String(value)]) noBraces(text)
          }
          expect(plan.warning).toBe(creditWarning(locale, "2026-11-22"))
        }
      }
    }
  })
})

describe("e-mails", () => {
  it("fills subject and body in every language", () => {
    for (const locale of LOCALES) {
      for (const kind of EMAIL_KINDS) {
        const mail = emailTexts(kind, locale, {
          orderNumber: "1042",
          amount: eur(8496, locale),
          date: "22/12/2026",
          link: "https://shop.example/instalments/abc",
        })
        for (const text of Object.values(mail)) noBraces(text)
        expect(mail.subject).toContain("1042")
      }
    }
  })

  it("reads well in English and French", () => {
    const mail = emailTexts("reminder", "en", { orderNumber: 1042, amount: "€84.96", date: "December 22, 2026", link: "L" })
    expect(mail.subject).toBe("Reminder: your instalment of €84.96 on December 22, 2026 for order 1042")
    expect(mail.body).toContain("will be charged to your card on December 22, 2026")
    expect(emailTexts("planCompleted", "fr", { orderNumber: 7 }).subject).toBe(
      `Commande 7${NBSP}: votre paiement en plusieurs fois est terminé`,
    )
  })
})
