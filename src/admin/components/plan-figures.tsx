import { Text } from "@medusajs/ui"
import { formatDay, formatMoney } from "../lib/format"
import { useTexts } from "../lib/use-texts"
import type { AdminInstalmentPlan } from "../lib/types"

/** Paid, remaining, refunded and the next due date, as the order page's summary shows figures. */
export function PlanFigures({ plan }: { plan: AdminInstalmentPlan }) {
  const { t, locale } = useTexts()
  const money = (amount: number) => formatMoney(amount, plan.currency_code, locale)
  // [test id, label, value, detail]: the total shows what refunds and cheaper exchanges took off it.
  const figures: [string, string, string, string?][] = [
    ["total", t("widget.total"), money(plan.order_total), plan.reduced_total > 0 ? t("widget.reduced", { amount: money(plan.reduced_total) }) : undefined],
    ["paid", t("widget.paid"), money(plan.paid_total)],
    ["remaining", t("widget.remaining"), money(plan.outstanding_total)],
    ["refunded", t("widget.refunded"), money(plan.refunded_total)],
    ["next-due", t("widget.nextDue"), formatDay(plan.next_due_date, locale)],
  ]
  return (
    <dl className="grid grid-cols-2 gap-4 px-6 py-4 sm:grid-cols-5" data-testid="plan-figures">
      {figures.map(([id, label, value, detail]) => (
        <div key={id} className="flex flex-col gap-y-1" data-testid={`figure-${id}`}>
          <dt>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {label}
            </Text>
          </dt>
          <dd>
            <Text size="small" weight="plus" data-testid="figure-value">
              {value}
            </Text>
            {detail && (
              <Text size="xsmall" className="text-ui-fg-muted" data-testid="figure-detail">
                {detail}
              </Text>
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}
