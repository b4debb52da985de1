/** Customer page: that customer's instalment plans and their states. */
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading } from "@medusajs/ui"
import { useState } from "react"
import { PlansPagination, PlansTable } from "../components/plans-table"
import { EmptyState, ErrorState, LoadingRows } from "../components/states"
import { usePlanList } from "../lib/api"
import { useTexts } from "../lib/use-texts"

const PAGE_SIZE = 10

const CustomerInstalmentPlansWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTexts()
  const [page, setPage] = useState(0)
  const list = usePlanList({ customer_id: customer.id, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  const count = list.data?.count ?? 0
  return (
    <Container className="divide-y p-0" data-testid="customer-instalment-plans">
      <div className="px-6 py-4">
        <Heading level="h2">{t("customer.title")}</Heading>
      </div>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : count === 0 ? (
        <EmptyState message={t("customer.empty")} />
      ) : (
        <>
          <PlansTable plans={list.data.instalment_plans} showCustomer={false} />
          {count > PAGE_SIZE && (
            <PlansPagination count={count} pageSize={PAGE_SIZE} page={page} onPage={setPage} />
          )}
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details" })

export default CustomerInstalmentPlansWidget
