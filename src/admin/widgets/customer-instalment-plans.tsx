/** Customer page: that customer's instalment plans and their states. */
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Table } from "@medusajs/ui"
import { useState } from "react"
import { PlansTable } from "../components/plans-table"
import { EmptyState, ErrorState, LoadingRows } from "../components/states"
import { usePlanList } from "../lib/api"
import { useTexts } from "../lib/use-texts"

const PAGE_SIZE = 10

const CustomerInstalmentPlansWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTexts()
  const [page, setPage] = useState(0)
  const list = usePlanList({ customer_id: customer.id, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  const count = list.data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))
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
            <Table.Pagination
              count={count}
              pageSize={PAGE_SIZE}
              pageIndex={page}
              pageCount={pageCount}
              canPreviousPage={page > 0}
              canNextPage={page + 1 < pageCount}
              previousPage={() => setPage(page - 1)}
              nextPage={() => setPage(page + 1)}
              translations={{ of: t("pagination.of"), results: t("pagination.results"), pages: t("pagination.pages"), prev: t("pagination.prev"), next: t("pagination.next") }}
            />
          )}
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details" })

export default CustomerInstalmentPlansWidget
