/**
 * On the order page: the plan's support requests (all of them, the oldest reply clock first), with
 * their category, status or time left, and a link to the Support page where they are answered.
 */
import { Badge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useSupportRequests } from "../lib/api"
import { formatInstant, timeLeft } from "../lib/format"
import { useTexts } from "../lib/use-texts"
import { ErrorState, LoadingRows } from "./states"

export function PlanSupportRequests({ planId }: { planId: string }) {
  const { t, locale } = useTexts()
  const list = useSupportRequests("all", planId)
  if (list.isPending) return <LoadingRows rows={1} />
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />
  const { support_requests: requests, now } = list.data
  if (requests.length === 0) return null
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="plan-support-requests">
      <div className="flex items-center justify-between">
        <Text size="small" weight="plus">
          {t("support.widgetTitle")}
        </Text>
        <Link to="/instalment-support" className="txt-compact-small text-ui-fg-interactive">
          {t("support.openPage")}
        </Link>
      </div>
      <ul className="flex flex-col gap-y-1">
        {requests.map((r) => {
          const left = timeLeft(r.reply_due_at, now)
          return (
            <li key={r.id} className="flex items-center justify-between gap-x-2" data-testid="plan-support-request" data-status={r.status}>
              <Text size="small">
                {t(`support.categories.${r.category}`)} · {formatInstant(r.opened_at, locale)}
              </Text>
              {r.status === "closed" ? (
                <Badge size="2xsmall" color="grey">
                  {t("support.closed")}
                </Badge>
              ) : (
                <Badge size="2xsmall" color={left.overdue ? "red" : "green"}>
                  {t(left.overdue ? "support.overdue" : "support.left", { hours: left.hours, minutes: String(left.minutes).padStart(2, "0") })}
                </Badge>
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
