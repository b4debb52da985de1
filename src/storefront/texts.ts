/**
 * The kit's own texts, in the six shopper languages. Plan labels, schedule lines, refusal reasons
 * and the credit warning come worded from the server (the quote, the session, the plan): only
 * what the components add is here.
 */
import type { ShopperLocale } from "./types.js"

/** The badge's words: apart, so a product page that loads only the badge loads only them. */
const BADGE = {
  en: { badge: "or {count} × {amount}", badgeDeferred: "or {label}" },
  fr: { badge: "ou {count} × {amount}", badgeDeferred: "ou {label}" },
  es: { badge: "o {count} × {amount}", badgeDeferred: "o {label}" },
  de: { badge: "oder {count} × {amount}", badgeDeferred: "oder {label}" },
  it: { badge: "o {count} × {amount}", badgeDeferred: "o {label}" },
  nl: { badge: "of {count} × {amount}", badgeDeferred: "of {label}" },
} as const satisfies Record<ShopperLocale, Record<string, string>>

/** The other components' words. */
const CATALOGUE = {
  en: {
    pickerLegend: "How would you like to pay?",
    fees: "Fees: {amount}",
    noFees: "No fees",
    total: "Total: {amount}",
    unavailable: "Not available",
    stillPossible: "Still possible: {plans}",
    nothingPossible: "No instalment plan is possible for this amount.",
    cardLegend: "Card",
    cardDetails: "Card number, expiry date and CVC",
    cardUnreadable: "Your card could not be read: check its number, expiry date and CVC.",
    testCard: "Test card (sandbox)",
    phone: "Mobile phone",
    pay: "Continue",
    confirmationTitle: "Your payment schedule",
    manage: "Manage your instalments",
  },
  fr: {
    pickerLegend: "Comment souhaitez-vous payer ?",
    fees: "Frais : {amount}",
    noFees: "Sans frais",
    total: "Total : {amount}",
    unavailable: "Indisponible",
    stillPossible: "Encore possible : {plans}",
    nothingPossible: "Aucun paiement en plusieurs fois n'est possible pour ce montant.",
    cardLegend: "Carte",
    cardDetails: "Numéro de carte, date d'expiration et cryptogramme",
    cardUnreadable: "Votre carte n'a pas pu être lue : vérifiez son numéro, sa date d'expiration et son cryptogramme.",
    testCard: "Carte de test (bac à sable)",
    phone: "Téléphone mobile",
    pay: "Continuer",
    confirmationTitle: "Votre échéancier",
    manage: "Gérer vos échéances",
  },
  es: {
    pickerLegend: "¿Cómo quiere pagar?",
    fees: "Gastos: {amount}",
    noFees: "Sin gastos",
    total: "Total: {amount}",
    unavailable: "No disponible",
    stillPossible: "Aún posible: {plans}",
    nothingPossible: "Ningún pago a plazos es posible para este importe.",
    cardLegend: "Tarjeta",
    cardDetails: "Número de tarjeta, fecha de caducidad y CVC",
    cardUnreadable: "No se ha podido leer su tarjeta: compruebe el número, la fecha de caducidad y el CVC.",
    testCard: "Tarjeta de prueba (sandbox)",
    phone: "Teléfono móvil",
    pay: "Continuar",
    confirmationTitle: "Su calendario de pagos",
    manage: "Gestionar sus plazos",
  },
  de: {
    pickerLegend: "Wie möchten Sie bezahlen?",
    fees: "Gebühren: {amount}",
    noFees: "Keine Gebühren",
    total: "Gesamt: {amount}",
    unavailable: "Nicht verfügbar",
    stillPossible: "Weiterhin möglich: {plans}",
    nothingPossible: "Für diesen Betrag ist keine Ratenzahlung möglich.",
    cardLegend: "Karte",
    cardDetails: "Kartennummer, Ablaufdatum und Prüfnummer",
    cardUnreadable: "Ihre Karte konnte nicht gelesen werden: Prüfen Sie Nummer, Ablaufdatum und Prüfnummer.",
    testCard: "Testkarte (Sandbox)",
    phone: "Mobiltelefon",
    pay: "Weiter",
    confirmationTitle: "Ihr Zahlungsplan",
    manage: "Raten verwalten",
  },
  it: {
    pickerLegend: "Come desidera pagare?",
    fees: "Commissioni: {amount}",
    noFees: "Senza commissioni",
    total: "Totale: {amount}",
    unavailable: "Non disponibile",
    stillPossible: "Ancora possibile: {plans}",
    nothingPossible: "Nessun pagamento rateale è possibile per questo importo.",
    cardLegend: "Carta",
    cardDetails: "Numero della carta, scadenza e CVC",
    cardUnreadable: "Non è stato possibile leggere la carta: controlli numero, scadenza e CVC.",
    testCard: "Carta di prova (sandbox)",
    phone: "Cellulare",
    pay: "Continua",
    confirmationTitle: "Il suo piano di pagamento",
    manage: "Gestisci le rate",
  },
  nl: {
    pickerLegend: "Hoe wilt u betalen?",
    fees: "Kosten: {amount}",
    noFees: "Geen kosten",
    total: "Totaal: {amount}",
    unavailable: "Niet beschikbaar",
    stillPossible: "Nog mogelijk: {plans}",
    nothingPossible: "Voor dit bedrag is gespreid betalen niet mogelijk.",
    cardLegend: "Kaart",
    cardDetails: "Kaartnummer, vervaldatum en CVC",
    cardUnreadable: "Uw kaart kon niet worden gelezen: controleer het nummer, de vervaldatum en de CVC.",
    testCard: "Testkaart (sandbox)",
    phone: "Mobiel nummer",
    pay: "Doorgaan",
    confirmationTitle: "Uw betaalschema",
    manage: "Uw termijnen beheren",
  },
} as const satisfies Record<ShopperLocale, Record<string, string>>

export type BadgeTextKey = keyof (typeof BADGE)["en"]
export type TextKey = keyof (typeof CATALOGUE)["en"] | BadgeTextKey

/** The shopper's language from a tag ("fr-BE" → fr); English for any other. */
export function shopperLocale(tag: string | undefined): ShopperLocale {
  const lang = (tag ?? "").slice(0, 2).toLowerCase()
  return lang in BADGE ? (lang as ShopperLocale) : "en"
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** A badge text with its {placeholders} filled. */
export function badgeWords(locale: string | undefined, key: BadgeTextKey, params: Record<string, string | number> = {}): string {
  return fill(BADGE[shopperLocale(locale)][key], params)
}

/** A text of the catalogue with its {placeholders} filled. */
export function text(locale: string | undefined, key: TextKey, params: Record<string, string | number> = {}): string {
  const lang = shopperLocale(locale)
  return key === "badge" || key === "badgeDeferred" ? badgeWords(lang, key, params) : fill(CATALOGUE[lang][key], params)
}
