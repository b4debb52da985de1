import { Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDay, formatInstant, formatMoney } from "../lib/format"
import { useTexts } from "../lib/use-texts"
import type { AdminInstalmentPlan } from "../lib/types"
import { PlanStatusBadge } from "./badges"

/** Plans as rows; the order number links to Medusa's order page, where the plan widget is. */
export function PlansTable({ plans, showCustomer = true }: { plans: AdminInstalmentPlan[]; showCustomer?: boolean }) {
  const { t, locale } = useTexts()
  return (
    <Table data-testid="plans-table">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("page.columns.order")}</Table.HeaderCell>
          {showCustomer && <Table.HeaderCell>{t("page.columns.customer")}</Table.HeaderCell>}
          <Table.HeaderCell>{t("page.columns.plan")}</Table.HeaderCell>
          <Table.HeaderCell>{t("page.columns.status")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("page.columns.total")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("page.columns.remaining")}</Table.HeaderCell>
          <Table.HeaderCell>{t("page.columns.nextDue")}</Table.HeaderCell>
          <Table.HeaderCell>{t("page.columns.created")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {plans.map((plan) => (
          <Table.Row key={plan.id} data-testid="plan-row" data-plan-id={plan.id}>
            <Table.Cell>
              {plan.order_id ? (
                <Link to={`/orders/${plan.order_id}`} className="text-ui-fg-interactive hover:underline" data-testid="order-link">
                  #{plan.order_display_id ?? plan.order_id}
                </Link>
              ) : (
                <Text size="small" className="text-ui-fg-muted">
                  {t("common.none")}
                </Text>
              )}
            </Table.Cell>
            {showCustomer && <Table.Cell className="max-w-[220px] truncate">{plan.email ?? t("common.none")}</Table.Cell>}
            <Table.Cell>{t(`planCodes.${plan.plan_code}`)}</Table.Cell>
            <Table.Cell>
              <PlanStatusBadge status={plan.status} />
            </Table.Cell>
            <Table.Cell className="text-right">{formatMoney(plan.order_total, plan.currency_code, locale)}</Table.Cell>
            <Table.Cell className="text-right" data-testid="plan-remaining">
              {formatMoney(plan.outstanding_total, plan.currency_code, locale)}
            </Table.Cell>
            <Table.Cell>{formatDay(plan.next_due_date, locale)}</Table.Cell>
            <Table.Cell>{formatInstant(plan.created_at, locale)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

/** Server-side pages of a plan list: `page` counts from 0; `onPage` gets the page to load. */
export function PlansPagination({ count, pageSize, page, onPage }: { count: number; pageSize: number; page: number; onPage: (page: number) => void }) {
  const { t } = useTexts()
  const pageCount = Math.max(1, Math.ceil(count / pageSize))
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={page}
      pageCount={pageCount}
      canPreviousPage={page > 0}
      canNextPage={page + 1 < pageCount}
      previousPage={() => onPage(page - 1)}
      nextPage={() => onPage(page + 1)}
      translations={{ of: t("pagination.of"), results: t("pagination.results"), pages: t("pagination.pages"), prev: t("pagination.prev"), next: t("pagination.next") }}
    />
  )
}
