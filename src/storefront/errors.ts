/**
 * What went wrong, as the plugin words it. Its refusals are "<code>: <text for the shopper>"
 * (card_prepaid: …, postpone_days_out_of_range: …); Medusa's own errors have no code.
 */

export interface ApiErrorDetails {
  status: number
  /** The plugin's reason code ("card_prepaid"), or null for a message without one. */
  code: string | null
  /** The text after the code: what to show the shopper. */
  message: string
  /** The server's message as it came. */
  raw: string
}

const CODED = /^([a-z][a-z0-9_]*): ([\s\S]*)$/

/** Splits "card_prepaid: Les cartes prépayées…" into its code and its text. */
export function splitReason(raw: string): { code: string | null; message: string } {
  const match = CODED.exec(raw)
  return match ? { code: match[1], message: match[2] } : { code: null, message: raw }
}

export function messageOf(body: unknown): string {
  const message = typeof body === "object" && body !== null ? (body as { message?: unknown }).message : undefined
  return typeof message === "string" ? message : "The store answered with an error and no message"
}

/** A 4xx or 5xx from the store, with the plugin's reason code when there is one. */
export class InstalmentsApiError extends Error implements ApiErrorDetails {
  readonly status: number
  readonly code: string | null
  readonly raw: string

  constructor(status: number, body: unknown) {
    const raw = messageOf(body)
    const { code, message } = splitReason(raw)
    super(message)
    this.name = "InstalmentsApiError"
    this.status = status
    this.code = code
    this.raw = raw
  }
}
