/**
 * The receivables at the top of the Instalments page: what is owed, what is late, and a bar chart
 * of the collections expected in each of the next 12 weeks. Plain divs: a chart library would
 * weigh more than the whole plugin for twelve bars.
 */
import { Container, Heading, Text } from "@medusajs/ui"
import { formatDay, formatMoney, formatShortDay } from "../lib/format"
import { useTexts } from "../lib/use-texts"
import type { CurrencyReceivables } from "../lib/types"

const CHART_HEIGHT_PX = 120

function Stat({ id, label, value, detail }: { id: string; label: string; value: string; detail: string }) {
  return (
    <div className="flex flex-col gap-y-1 px-6 py-4" data-testid={`receivable-${id}`}>
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Heading level="h2" data-testid="receivable-value">
        {value}
      </Heading>
      <Text size="xsmall" className="text-ui-fg-muted">
        {detail}
      </Text>
    </div>
  )
}

function WeeklyChart({ receivables }: { receivables: CurrencyReceivables }) {
  const { t, locale } = useTexts()
  const money = (amount: number) => formatMoney(amount, receivables.currency_code, locale)
  // Bar heights are a display ratio, not money: the amounts themselves are only formatted.
  const highest = Math.max(...receivables.weekly.map((w) => w.expected_total), 0)
  return (
    <div className="px-6 py-4">
      <Text size="small" weight="plus">
        {t("receivables.perWeek")}
      </Text>
      <ol className="mt-4 grid grid-cols-12 items-end gap-x-2" aria-label={t("receivables.perWeek")} data-testid="weekly-chart">
        {receivables.weekly.map((week) => {
          const height = week.expected_total === 0 ? 0 : Math.max(2, Math.round((week.expected_total / highest) * CHART_HEIGHT_PX))
          const label = `${t("receivables.weekOf", { date: formatDay(week.week_start, locale) })}: ${money(week.expected_total)}`
          return (
            <li key={week.week_start} className="flex flex-col items-center gap-y-1" title={label} aria-label={label} data-testid="week-bar" data-week-start={week.week_start}>
              <Text size="xsmall" className="text-ui-fg-subtle whitespace-nowrap" data-testid="week-amount">
                {week.expected_total > 0 ? money(week.expected_total) : ""}
              </Text>
              <div className="flex w-full items-end border-b border-ui-border-strong" style={{ height: CHART_HEIGHT_PX }}>
                <div className="w-full rounded-t bg-ui-fg-interactive" style={{ height }} />
              </div>
              <Text size="xsmall" className="text-ui-fg-muted whitespace-nowrap">
                {formatShortDay(week.week_start, locale)}
              </Text>
            </li>
          )
        })}
      </ol>
    </div>
  )
}

export function ReceivablesPanel({ receivables, asOf }: { receivables: CurrencyReceivables; asOf: string }) {
  const { t, locale } = useTexts()
  const money = (amount: number) => formatMoney(amount, receivables.currency_code, locale)
  return (
    <Container className="divide-y p-0" data-testid="receivables" data-currency={receivables.currency_code}>
      <div className="grid grid-cols-1 divide-y sm:grid-cols-3 sm:divide-x sm:divide-y-0">
        <Stat
          id="outstanding"
          label={t("receivables.outstanding")}
          value={money(receivables.outstanding_total)}
          detail={t("receivables.openPlans", { count: receivables.open_plans })}
        />
        <Stat id="late" label={t("receivables.late")} value={money(receivables.late_total)} detail={t("receivables.latePlans", { count: receivables.late_plans })} />
        <Stat
          id="expected"
          label={t("receivables.expected")}
          value={money(receivables.expected_total)}
          detail={t("receivables.asOf", { date: formatDay(asOf, locale) })}
        />
      </div>
      <WeeklyChart receivables={receivables} />
    </Container>
  )
}
