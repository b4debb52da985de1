/**
 * Order page: the order's instalment plan, where it stands and what the merchant can do with it.
 * Renders nothing for an order that was not paid in instalments.
 */
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { PlanStatusBadge } from "../components/badges"
import { InstalmentTimeline } from "../components/instalment-timeline"
import { LinkedPlansSection } from "../components/linked-plans-section"
import { PlanActionsMenu } from "../components/plan-actions-menu"
import { PlanFigures } from "../components/plan-figures"
import { PlanHistory } from "../components/plan-history"
import { PlanSupportRequests } from "../components/plan-support-requests"
import { ErrorState, LoadingRows } from "../components/states"
import { useOrderPlan } from "../lib/api"
import { formatDay } from "../lib/format"
import { useTexts } from "../lib/use-texts"
import type { AdminInstalmentPlan } from "../lib/types"

function Notices({ plan }: { plan: AdminInstalmentPlan }) {
  const { t, locale } = useTexts()
  const notices: string[] = []
  if (plan.status === "frozen" && plan.frozen_until) notices.push(t("widget.frozenNotice", { date: formatDay(plan.frozen_until, locale) }))
  if (plan.fraud_flagged) notices.push(t("widget.fraudNotice"))
  if (plan.status === "pending_start") notices.push(t("widget.deferredNotice"))
  if (notices.length === 0) return null
  return (
    <div className="flex flex-col gap-y-1 px-6 py-3" data-testid="plan-notices">
      {notices.map((n) => (
        <Text key={n} size="small" className="text-ui-fg-error">
          {n}
        </Text>
      ))}
    </div>
  )
}

function CardLine({ plan }: { plan: AdminInstalmentPlan }) {
  const { t } = useTexts()
  if (!plan.card.last4) return null
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-3">
      <Text size="small" className="text-ui-fg-subtle">
        {t("widget.card")}: {plan.card.brand ?? ""} •••• {plan.card.last4} · {t("widget.postponements")}: {plan.postponements_used}/{plan.max_postponements}
      </Text>
      {plan.self_service_url && (
        <a href={plan.self_service_url} target="_blank" rel="noreferrer" className="txt-small text-ui-fg-interactive hover:underline">
          {t("widget.selfServiceLink")}
        </a>
      )}
    </div>
  )
}

const OrderInstalmentPlanWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTexts()
  const { list, detail } = useOrderPlan(order.id)
  const header = (plan?: AdminInstalmentPlan) => (
    <div className="flex items-center justify-between gap-x-2 px-6 py-4">
      <div className="flex flex-col">
        <Heading level="h2">{t("widget.title")}</Heading>
        {plan && (
          <Text size="small" className="text-ui-fg-subtle" data-testid="plan-code">
            {t(`planCodes.${plan.plan_code}`)} ({plan.plan_code})
          </Text>
        )}
      </div>
      {plan && (
        <div className="flex items-center gap-x-2">
          <PlanStatusBadge status={plan.status} />
          <PlanActionsMenu plan={plan} />
        </div>
      )}
    </div>
  )

  if (list.isPending) {
    return (
      <Container className="divide-y p-0">
        {header()}
        <LoadingRows />
      </Container>
    )
  }
  if (list.isError) {
    return (
      <Container className="divide-y p-0">
        {header()}
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      </Container>
    )
  }
  const summary = list.data.instalment_plans[0]
  if (!summary) return null
  // The list row is enough to show the plan at once; the detail adds its history.
  const plan = detail.data?.instalment_plan ?? summary
  return (
    <Container className="divide-y p-0" data-testid="instalment-plan-widget" data-plan-id={plan.id}>
      {header(plan)}
      <PlanFigures plan={plan} />
      <Notices plan={plan} />
      <CardLine plan={plan} />
      <LinkedPlansSection plan={plan} />
      <PlanSupportRequests planId={plan.id} />
      <InstalmentTimeline instalments={plan.instalments} currency={plan.currency_code} />
      {detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => detail.refetch()} />
      ) : detail.isPending ? (
        <LoadingRows rows={1} />
      ) : (
        <PlanHistory events={plan.events ?? []} currency={plan.currency_code} />
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details" })

export default OrderInstalmentPlanWidget
