/**
 * The Idempotency-Key of one admin action: made once when the admin starts the action (a dialog
 * opens, a form is ready), kept while they retry it, replaced only after it succeeded. It names
 * that one action, so a double click or a retried request acts once; the server derives every
 * processor key from it.
 */
export function newActionKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`
}
