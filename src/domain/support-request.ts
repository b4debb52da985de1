/**
 * What a shopper sends to open a support request, or a merchant to reply (docs/business-rules.md
 * §9), checked before anything is stored: a known category, a message that says something and is
 * not a document.
 */
import { SUPPORT_CATEGORIES, type SupportCategory } from "./codes"
import { err, ok, type Result } from "./result"

/** Longest message, in characters: a page of text. Evidence goes by e-mail. */
export const MAX_SUPPORT_MESSAGE_LENGTH = 4000

export function isSupportCategory(value: unknown): value is SupportCategory {
  return typeof value === "string" && (SUPPORT_CATEGORIES as readonly string[]).includes(value)
}

export function checkSupportCategory(value: unknown): Result<SupportCategory> {
  if (isSupportCategory(value)) return ok(value)
  return err("unknown_support_category", `category must be one of ${SUPPORT_CATEGORIES.join(", ")} (got ${JSON.stringify(value) ?? "nothing"})`, {
    categories: SUPPORT_CATEGORIES,
  })
}

/** The message without surrounding blanks; refused when empty or longer than MAX_SUPPORT_MESSAGE_LENGTH. */
export function checkSupportMessage(value: unknown): Result<string> {
  const text = typeof value === "string" ? value.trim() : ""
  if (text === "") return err("support_message_required", "message must be text that describes the request (it was empty or missing)")
  if (text.length > MAX_SUPPORT_MESSAGE_LENGTH) {
    return err("support_message_too_long", `message must be at most ${MAX_SUPPORT_MESSAGE_LENGTH} characters (got ${text.length}); send evidence by e-mail`, {
      max: MAX_SUPPORT_MESSAGE_LENGTH,
      length: text.length,
    })
  }
  return ok(text)
}

/** What the self-service page can do itself for a request of a category (docs/business-rules.md §9). */
export type PageRemedy = "postpone" | "change_card" | "pay_now"

/**
 * Where a request of `category` goes first: the page's own action when the page solves it
 * (`remedy`, offered before the request is sent), the merchant for order matters (delivery and
 * products are the merchant's, never the payment service's), else support.
 */
export type SupportRoute = { readonly kind: "page"; readonly remedy: PageRemedy } | { readonly kind: "merchant" } | { readonly kind: "support" }

const REMEDIES: Readonly<Partial<Record<SupportCategory, PageRemedy>>> = {
  postpone: "postpone",
  change_card: "change_card",
  payment_refused: "pay_now",
  difficulty_paying: "pay_now",
}

const MERCHANT_MATTERS: readonly SupportCategory[] = ["order_not_received", "order_not_as_ordered"]

export function supportRoute(category: SupportCategory): SupportRoute {
  const remedy = REMEDIES[category]
  if (remedy) return { kind: "page", remedy }
  if (MERCHANT_MATTERS.includes(category)) return { kind: "merchant" }
  return { kind: "support" }
}
