/**
 * The Support page (own sidebar entry): the shoppers' support requests, open ones by default, the
 * oldest reply clock first (the server's order), each with its category, order, and the time left
 * or overdue by the module's clock. A request opens to its messages, where the merchant replies
 * (e-mailed to the shopper in their language), closes or reopens it.
 */
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Select, Table, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { EmptyState, ErrorState, LoadingRows } from "../../components/states"
import { errorMessage, useSupportAction, useSupportRequests } from "../../lib/api"
import { formatInstant, timeLeft } from "../../lib/format"
import type { AdminSupportRequest } from "../../lib/types"
import { useTexts } from "../../lib/use-texts"
import { newActionKey } from "../../lib/action-key"

type StatusFilter = "open" | "closed" | "all"


function Clock({ request, now }: { request: AdminSupportRequest; now: string }) {
  const { t } = useTexts()
  if (request.status === "closed") return <Badge size="2xsmall" color="grey">{t("support.closed")}</Badge>
  const left = timeLeft(request.reply_due_at, now)
  return (
    <Badge size="2xsmall" color={left.overdue ? "red" : "green"} data-testid="support-clock" data-overdue={String(left.overdue)}>
      {t(left.overdue ? "support.overdue" : "support.left", { hours: left.hours, minutes: String(left.minutes).padStart(2, "0") })}
    </Badge>
  )
}

function Conversation({ request }: { request: AdminSupportRequest }) {
  const { t, locale } = useTexts()
  const [text, setText] = useState("")
  const [key, setKey] = useState(newActionKey)
  const [notice, setNotice] = useState("")
  const reply = useSupportAction(request.id, "reply")
  const close = useSupportAction(request.id, "close")
  const reopen = useSupportAction(request.id, "reopen")
  const failed = reply.error ?? close.error ?? reopen.error
  async function send() {
    const result = await reply.mutateAsync({ body: { message: text }, idempotencyKey: key })
    setNotice(t(result.email_sent ? "support.sent" : "support.notEmailed"))
    setText("")
    setKey(newActionKey())
  }
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="support-conversation">
      <ul className="flex flex-col gap-y-2">
        {request.messages.map((m) => (
          <li key={m.id} data-testid="support-message" data-author={m.author} className="rounded-md border border-ui-border-base p-3">
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t(`support.${m.author}`)} · {formatInstant(m.sent_at, locale)}
            </Text>
            <Text size="small" className="whitespace-pre-wrap">
              {m.body}
            </Text>
          </li>
        ))}
      </ul>
      {request.status === "open" ? (
        <>
          <label className="flex flex-col gap-y-1">
            <Text size="small" weight="plus">
              {t("support.replyLabel")}
            </Text>
            <Textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} maxLength={4000} data-testid="support-reply-input" />
          </label>
          <div className="flex gap-x-2">
            <Button size="small" onClick={() => void send().catch(() => {})} isLoading={reply.isPending} disabled={text.trim() === ""}>
              {t("support.send")}
            </Button>
            <Button size="small" variant="secondary" onClick={() => close.mutate({ body: {} })} isLoading={close.isPending}>
              {t("support.close")}
            </Button>
          </div>
        </>
      ) : (
        <div>
          <Button size="small" variant="secondary" onClick={() => reopen.mutate({ body: {} })} isLoading={reopen.isPending}>
            {t("support.reopen")}
          </Button>
        </div>
      )}
      {notice && <Text size="small" data-testid="support-notice">{notice}</Text>}
      {failed && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {errorMessage(failed)}
        </Text>
      )}
    </div>
  )
}

function Requests({ status }: { status: StatusFilter }) {
  const { t, locale } = useTexts()
  const list = useSupportRequests(status)
  const [opened, setOpened] = useState<string | undefined>()
  if (list.isPending) return <LoadingRows rows={4} />
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />
  const { support_requests: requests, now } = list.data
  if (requests.length === 0) return <EmptyState message={t("support.empty")} />
  return (
    <Table data-testid="support-requests">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("support.columns.category")}</Table.HeaderCell>
          <Table.HeaderCell>{t("support.columns.order")}</Table.HeaderCell>
          <Table.HeaderCell>{t("support.columns.opened")}</Table.HeaderCell>
          <Table.HeaderCell>{t("support.columns.clock")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {requests.flatMap((r) => [
          <Table.Row key={r.id} data-testid="support-request" data-request-id={r.id} className="cursor-pointer" onClick={() => setOpened(opened === r.id ? undefined : r.id)}>
            <Table.Cell>{t(`support.categories.${r.category}`)}</Table.Cell>
            <Table.Cell onClick={(e) => e.stopPropagation()}>{r.order_id ? <Link to={`/orders/${r.order_id}`}>#{r.order_display_id ?? r.order_id}</Link> : t("common.none")}</Table.Cell>
            <Table.Cell>{formatInstant(r.opened_at, locale)}</Table.Cell>
            <Table.Cell>
              <Clock request={r} now={now} />
            </Table.Cell>
          </Table.Row>,
          ...(opened === r.id
            ? [
                <Table.Row key={`${r.id}-conversation`}>
                  <td colSpan={4} className="p-0">
                    <Conversation request={r} />
                  </td>
                </Table.Row>,
              ]
            : []),
        ])}
      </Table.Body>
    </Table>
  )
}

const SupportPage = () => {
  const { t } = useTexts()
  const [status, setStatus] = useState<StatusFilter>("open")
  return (
    <Container className="divide-y p-0" data-testid="support-page">
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h1">{t("support.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("support.subtitle")}
          </Text>
        </div>
        <Select size="small" value={status} onValueChange={(value) => setStatus(value as StatusFilter)}>
          <Select.Trigger className="w-40" aria-label={t("support.columns.clock")} data-testid="support-status-filter">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {(["open", "closed", "all"] as const).map((s) => (
              <Select.Item key={s} value={s}>
                {t(`support.filter.${s}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <Requests status={status} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "instalments.support.title",
  translationNs: "translation",
  icon: ChatBubbleLeftRight,
})

export default SupportPage
