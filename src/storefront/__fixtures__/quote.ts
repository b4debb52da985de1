/** A quote as GET /store/instalments/quote answers it (the office chair with shipping, 254.90 € in France, in French). */
import type { Quote } from "../types"

export const SCHEDULE = {
  label: "Payer en 3 fois",
  accept_label: "Payer en 3 fois",
  total: 254.9,
  customer_fee_total: 0,
  total_with_fees: 254.9,
  credit: 169.92,
  instalments: [
    { number: 1, due_date: "2027-01-31", amount: 84.98, customer_fee: 0 },
    { number: 2, due_date: "2027-02-28", amount: 84.96, customer_fee: 0 },
    { number: 3, due_date: "2027-03-31", amount: 84.96, customer_fee: 0 },
  ],
  lines: ["84,98 € aujourd'hui", "84,96 € le 28 février 2027", "84,96 € le 31 mars 2027"],
  credit_warning: "Un crédit vous engage et doit être remboursé.",
}

export const QUOTE: Quote = {
  currency_code: "eur",
  total: 254.9,
  country_code: "fr",
  plans: [
    { code: "p3x", eligible: true, reasons: [], ...SCHEDULE },
    { code: "p4x", eligible: false, reasons: [{ code: "amount_below_minimum", message: "Le montant minimum est de 300,00 €." }], ...SCHEDULE, label: "Payer en 4 fois" },
  ],
}

