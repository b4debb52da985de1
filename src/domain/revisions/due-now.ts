/**
 * "Everything remaining becomes due at once" (withdrawal, termination): every unpaid instalment
 * is due today and collectable today, so the charge the revision returns is exactly what
 * `collectDue` would return today. Execute one of them, not both.
 */
import type { LocalDate } from "../calendar"
import { isUnpaid, type InstalmentSnapshot } from "../plan"
import { patchInstalment } from "./instalment-updates"

export function makeDueToday(
  instalments: readonly InstalmentSnapshot[],
  today: LocalDate,
  extra: (i: InstalmentSnapshot) => Partial<InstalmentSnapshot> = () => ({}),
): InstalmentSnapshot[] {
  return instalments.map((i) => {
    if (!isUnpaid(i)) return i
    // A failed or late instalment is collected through its retry date; a scheduled one through its due date.
    const retry = i.status === "scheduled" ? undefined : today
    return patchInstalment(i, { dueDate: today, nextRetryOn: retry, ...extra(i) })
  })
}
