import { Table, Text } from "@medusajs/ui"
import { formatDay, formatInstant, formatMoney } from "../lib/format"
import { useTexts } from "../lib/use-texts"
import type { AdminInstalment } from "../lib/types"
import { InstalmentStatusBadge } from "./badges"

/** The schedule: one row per instalment, the original due date beside a postponed one. */
export function InstalmentTimeline({ instalments, currency }: { instalments: AdminInstalment[]; currency: string }) {
  const { t, locale } = useTexts()
  const money = (amount: number) => formatMoney(amount, currency, locale)
  return (
    <Table data-testid="instalment-timeline">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("timeline.number")}</Table.HeaderCell>
          <Table.HeaderCell>{t("timeline.dueDate")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("timeline.amount")}</Table.HeaderCell>
          <Table.HeaderCell>{t("timeline.state")}</Table.HeaderCell>
          <Table.HeaderCell>{t("timeline.paidAt")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {instalments.map((i) => {
          return (
            <Table.Row key={i.number} data-testid={`instalment-row-${i.number}`}>
              <Table.Cell>{i.number}</Table.Cell>
              <Table.Cell>
                <div className="flex flex-col">
                  <span data-testid="due-date" className="whitespace-nowrap">{formatDay(i.due_date, locale)}</span>
                  {i.original_due_date !== i.due_date && (
                    <Text size="xsmall" className="text-ui-fg-muted" data-testid="original-due-date">
                      {t("timeline.originally", { date: formatDay(i.original_due_date, locale) })}
                    </Text>
                  )}
                </div>
              </Table.Cell>
              <Table.Cell className="text-right">
                <div className="flex flex-col items-end">
                  <span data-testid="amount">{money(i.amount)}</span>
                  {i.customer_fee > 0 && (
                    <Text size="xsmall" className="text-ui-fg-muted">
                      {t("timeline.customerFee", { amount: money(i.customer_fee) })}
                    </Text>
                  )}
                  {i.late_fee > 0 && (
                    <Text size="xsmall" className="text-ui-fg-error" data-testid="late-fee">
                      {t("timeline.lateFee", { amount: money(i.late_fee) })}
                    </Text>
                  )}
                </div>
              </Table.Cell>
              <Table.Cell>
                <div className="flex flex-col items-start gap-y-0.5">
                  <InstalmentStatusBadge status={i.status} />
                  {i.next_retry_on && (i.status === "failed" || i.status === "late") && (
                    <Text size="xsmall" className="text-ui-fg-muted">
                      {t("timeline.retry", { date: formatDay(i.next_retry_on, locale) })}
                    </Text>
                  )}
                </div>
              </Table.Cell>
              <Table.Cell className="whitespace-nowrap">{i.paid_at ? formatInstant(i.paid_at, locale) : t("common.none")}</Table.Cell>
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  )
}
