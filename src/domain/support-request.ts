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
