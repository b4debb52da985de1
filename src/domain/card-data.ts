/**
 * Card data never belongs in what a storefront sends the store. Medusa keeps a payment session's
 * `data` in its database and shows it to whoever holds the cart id, so a misbuilt storefront that
 * sends a card number or a security code would leave them there, and bring the store into the
 * scope of PCI DSS. Such a request is refused before anything is kept, with a message that never
 * repeats the value (it would end up in logs and in the storefront's error reports).
 */

/** Keys that name a card number or a security code, compared without case, `_` or `-`. */
const CARD_KEYS = new Set([
  "pan",
  "cardnumber",
  "cardno",
  "ccnumber",
  "ccnum",
  "creditcardnumber",
  "cvc",
  "cvc2",
  "cvv",
  "cvv2",
  "cid",
  "csc",
  "cav2",
  "securitycode",
  "cardcvc",
  "cardcvv",
  "cardsecuritycode",
])

/** 13 to 19 digits, single spaces or dashes allowed between them, not part of a longer run. */
const CARD_NUMBER = /(?<!\d[ -]?)\d(?:[ -]?\d){12,18}(?![ -]?\d)/

/** Deeper than this is no storefront's data, and walking it could exhaust the stack. */
export const MAX_DATA_DEPTH = 8

export interface CardDataFinding {
  /** Where it is, e.g. `data.card_number` or `data.gift.message[1]`. */
  readonly path: string
  readonly kind: "card_key" | "card_number" | "too_deep"
}

/**
 * The first place in `value` that holds card data, or null. `skip` names top-level keys not to
 * look into (a phone number can have 13 digits).
 */
export function findCardData(value: unknown, path = "data", skip: readonly string[] = []): CardDataFinding | null {
  return walk(value, path, 0, new Set(skip))
}

function walk(value: unknown, path: string, depth: number, skip: ReadonlySet<string>): CardDataFinding | null {
  if (typeof value === "string") return CARD_NUMBER.test(value) ? { path, kind: "card_number" } : null
  if (typeof value === "number") return isCardNumberLike(value) ? { path, kind: "card_number" } : null
  if (value === null || typeof value !== "object") return null
  if (depth >= MAX_DATA_DEPTH) return { path, kind: "too_deep" }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = walk(value[index], `${path}[${index}]`, depth + 1, NOTHING)
      if (found) return found
    }
    return null
  }
  for (const [key, item] of Object.entries(value)) {
    if (depth === 0 && skip.has(key)) continue
    const itemPath = `${path}.${key}`
    if (CARD_KEYS.has(key.toLowerCase().replace(/[_-]/g, ""))) return { path: itemPath, kind: "card_key" }
    const found = walk(item, itemPath, depth + 1, NOTHING)
    if (found) return found
  }
  return null
}

const NOTHING: ReadonlySet<string> = new Set()

/** A JSON number whose whole part has 13 to 19 digits (a card number sent as a number). */
function isCardNumberLike(value: number): boolean {
  return Number.isFinite(value) && /^\d{13,19}$/.test(String(Math.trunc(Math.abs(value))))
}

/** What the caller reads: where, what is wrong, what to send instead; never the value itself. */
export function cardDataMessage(finding: CardDataFinding): string {
  const path = finding.path.length > 100 ? `${finding.path.slice(0, 100)}…` : finding.path
  if (finding.kind === "too_deep") {
    return `${path} is nested more than ${MAX_DATA_DEPTH} levels deep: send plain values (plan, card_token, phone, locale)`
  }
  const what = finding.kind === "card_key" ? "names a card number or security code" : "looks like a card number"
  return `card_data_refused: ${path} ${what}. A card number or security code must never be sent to the store: send only the token your card form returned, as data.card_token`
}
