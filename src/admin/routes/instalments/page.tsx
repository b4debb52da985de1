/**
 * The Instalments page (own sidebar entry): the regime of the store's direct plans (consumer
 * credit or exempt), the receivables, then every plan of the store, filtered and paginated on
 * the server. Filters live in the URL, so a filtered view can be reloaded, shared or opened from
 * a link.
 */
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CreditCard } from "@medusajs/icons"
import { Button, Container, Heading, Input, Select, Text } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { ConsumerCreditPanel } from "../../components/consumer-credit-panel"
import { PlansPagination, PlansTable } from "../../components/plans-table"
import { ReceivablesPanel } from "../../components/receivables-panel"
import { EmptyState, ErrorState, LoadingRows } from "../../components/states"
import { usePlanList, useReceivables } from "../../lib/api"
import { useTexts } from "../../lib/use-texts"
import { PLAN_CODES, PLAN_STATUSES } from "../../lib/types"

const PAGE_SIZE = 20
const ALL = "all"
const FILTERS = ["q", "status", "plan_code", "created_from", "created_to"] as const
type Filter = (typeof FILTERS)[number]

function useFilters() {
  const [params, setParams] = useSearchParams()
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ""])) as Record<Filter, string>
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0)
  function update(changes: Partial<Record<Filter | "page", string>>) {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    // A new filter starts again from the first page.
    if (!("page" in changes)) next.delete("page")
    setParams(next, { replace: true })
  }
  const active = FILTERS.some((f) => filters[f] !== "")
  return { filters, page, update, active, clear: () => setParams(new URLSearchParams(), { replace: true }) }
}

/** The search box updates the URL once typing pauses, not at every key. */
function SearchInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTexts()
  const [text, setText] = useState(value)
  // The timer calls the latest `onChange`: one from when typing started would write back the
  // filters of that moment, undoing a "Clear filters" pressed in between.
  const latestOnChange = useRef(onChange)
  latestOnChange.current = onChange
  useEffect(() => setText(value), [value])
  useEffect(() => {
    if (text === value) return
    const timer = setTimeout(() => latestOnChange.current(text.trim()), 300)
    return () => clearTimeout(timer)
  }, [text])
  return <Input type="search" size="small" placeholder={t("page.search")} aria-label={t("page.search")} value={text} onChange={(e) => setText(e.target.value)} className="w-full sm:w-72" />
}

function Receivables() {
  const receivables = useReceivables()
  if (receivables.isPending) {
    return (
      <Container className="p-0">
        <LoadingRows rows={4} />
      </Container>
    )
  }
  if (receivables.isError) {
    return (
      <Container className="p-0">
        <ErrorState error={receivables.error} onRetry={() => receivables.refetch()} />
      </Container>
    )
  }
  return (
    <>
      {receivables.data.receivables.map((r) => (
        <ReceivablesPanel key={r.currency_code} receivables={r} asOf={receivables.data.as_of} />
      ))}
    </>
  )
}

function PlanList() {
  const { t } = useTexts()
  const { filters, page, update, active, clear } = useFilters()
  const list = usePlanList({ ...filters, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  const count = list.data?.count ?? 0

  return (
    <Container className="divide-y p-0" data-testid="plan-list">
      <div className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="plan-filters">
        <SearchInput value={filters.q} onChange={(q) => update({ q })} />
        <Select size="small" value={filters.status || ALL} onValueChange={(v) => update({ status: v === ALL ? "" : v })}>
          <Select.Trigger className="w-44" aria-label={t("page.status")} data-testid="filter-status">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>{t("page.allStatuses")}</Select.Item>
            {PLAN_STATUSES.map((s) => (
              <Select.Item key={s} value={s}>
                {t(`status.${s}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Select size="small" value={filters.plan_code || ALL} onValueChange={(v) => update({ plan_code: v === ALL ? "" : v })}>
          <Select.Trigger className="w-40" aria-label={t("page.planCode")} data-testid="filter-plan-code">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>{t("page.allPlans")}</Select.Item>
            {PLAN_CODES.map((c) => (
              <Select.Item key={c} value={c}>
                {t(`planCodes.${c}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <label className="flex items-center gap-x-2">
          <Text size="small" className="text-ui-fg-subtle whitespace-nowrap">
            {t("page.createdFrom")}
          </Text>
          <Input type="date" size="small" value={filters.created_from} max={filters.created_to || undefined} onChange={(e) => update({ created_from: e.target.value })} data-testid="filter-created-from" />
        </label>
        <label className="flex items-center gap-x-2">
          <Text size="small" className="text-ui-fg-subtle whitespace-nowrap">
            {t("page.createdTo")}
          </Text>
          <Input type="date" size="small" value={filters.created_to} min={filters.created_from || undefined} onChange={(e) => update({ created_to: e.target.value })} data-testid="filter-created-to" />
        </label>
        {active && (
          <Button size="small" variant="transparent" onClick={clear}>
            {t("page.clear")}
          </Button>
        )}
      </div>
      {list.isPending ? (
        <LoadingRows rows={5} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : count === 0 ? (
        <EmptyState message={active ? t("page.emptyFiltered") : t("page.empty")} />
      ) : (
        <div aria-busy={list.isFetching} className={list.isPlaceholderData ? "opacity-60" : undefined}>
          <PlansTable plans={list.data.instalment_plans} />
          <PlansPagination count={count} pageSize={PAGE_SIZE} page={page} onPage={(next) => update({ page: String(next) })} />
        </div>
      )}
    </Container>
  )
}

const InstalmentsPage = () => {
  const { t } = useTexts()
  return (
    <div className="flex flex-col gap-y-3" data-testid="instalments-page">
      <Container className="px-6 py-4">
        <Heading level="h1">{t("title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("page.subtitle")}
        </Text>
      </Container>
      <ConsumerCreditPanel />
      <Receivables />
      <PlanList />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "instalments.title",
  translationNs: "translation",
  icon: CreditCard,
})

export default InstalmentsPage
