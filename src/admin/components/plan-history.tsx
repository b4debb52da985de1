import { TriangleDownMini, TriangleRightMini } from "@medusajs/icons"
import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { formatInstant, formatMoney } from "../lib/format"
import { useTexts } from "../lib/use-texts"
import type { AdminPlanEvent } from "../lib/types"

/** Fields of the ledger's event data that hold cents (the ledger keeps integer cents). */
const CENTS_FIELDS = new Set(["amount", "fee", "overdue", "amountDue", "cardRefund", "pending", "reduction", "refundToCard", "total", "customerFeeTotal", "paidTotal"])
/** Fields repeated elsewhere on the row, or too long for one line. */
const HIDDEN_FIELDS = new Set(["at", "schedule"])

/** "plan.charge_succeeded" → "Charge succeeded". */
function eventTitle(type: string): string {
  const words = type.replace(/^plan\./, "").replace(/_/g, " ")
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Cents as an exact decimal string ("8496" → "84.96"), then formatted: no floating-point arithmetic. */
function centsText(cents: number, currency: string, locale: string): string {
  const sign = cents < 0 ? "-" : ""
  const abs = Math.abs(cents)
  return formatMoney(Number(`${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`), currency, locale)
}

function valueText(key: string, value: unknown, currency: string, locale: string): string {
  if (CENTS_FIELDS.has(key) && typeof value === "number" && Number.isInteger(value)) return centsText(value, currency, locale)
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ")
  if (value && typeof value === "object") return JSON.stringify(value)
  return String(value)
}

function EventDetails({ event, currency }: { event: AdminPlanEvent; currency: string }) {
  const { locale } = useTexts()
  const entries = Object.entries(event.data ?? {}).filter(([k, v]) => !HIDDEN_FIELDS.has(k) && v !== null && v !== undefined)
  if (entries.length === 0) return null
  return (
    <Text size="xsmall" className="text-ui-fg-subtle break-all">
      {entries.map(([k, v]) => `${k}: ${valueText(k, v, currency, locale)}`).join(" · ")}
    </Text>
  )
}

/** The plan's append-only history, folded by default, newest event first. */
export function PlanHistory({ events, currency }: { events: AdminPlanEvent[]; currency: string }) {
  const { t, locale } = useTexts()
  const [open, setOpen] = useState(false)
  const newestFirst = [...events].reverse()
  return (
    <div className="px-6 py-4" data-testid="plan-history">
      <Button size="small" variant="transparent" onClick={() => setOpen(!open)} aria-expanded={open} className="-ml-2">
        {open ? <TriangleDownMini /> : <TriangleRightMini />}
        {open ? t("history.hide") : t("history.show", { count: events.length })}
      </Button>
      {open && (
        <ol className="mt-3 flex flex-col gap-y-3 border-l border-ui-border-base pl-4">
          {newestFirst.length === 0 && <Text size="small">{t("history.empty")}</Text>}
          {newestFirst.map((event) => (
            <li key={event.id} className="flex flex-col gap-y-0.5" data-testid="history-event" data-event-type={event.type}>
              <div className="flex flex-wrap items-baseline gap-x-2">
                <Text size="small" weight="plus">
                  {eventTitle(event.type)}
                </Text>
                <Text size="xsmall" className="text-ui-fg-muted">
                  {formatInstant(event.occurred_at, locale)} · {t("history.by", { actor: event.actor })}
                </Text>
              </div>
              <EventDetails event={event} currency={currency} />
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
