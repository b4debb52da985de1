/**
 * On a plan flagged for fraud: the plans linked to it (same card, e-mail or phone; business rules
 * §8), why each is linked, and the action that freezes them all, each history recording the link.
 * After the action, what was frozen and what was skipped (and why) stays on screen.
 */
import { Badge, Button, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useFreezeLinked, useLinkedPlans } from "../lib/api"
import { MAX_FREEZE_DAYS } from "../lib/plan-actions"
import { useTexts } from "../lib/use-texts"
import type { AdminInstalmentPlan, FreezeLinkedResponse } from "../lib/types"
import { ActionFormDrawer } from "./action-form-drawer"
import { ErrorState, LoadingRows } from "./states"
import { newActionKey } from "../lib/action-key"


export function LinkedPlansSection({ plan }: { plan: AdminInstalmentPlan }) {
  const { t } = useTexts()
  const linked = useLinkedPlans(plan.id, plan.fraud_flagged)
  const freeze = useFreezeLinked(plan.id)
  const [open, setOpen] = useState(false)
  const [key, setKey] = useState(newActionKey)
  const [result, setResult] = useState<FreezeLinkedResponse>()
  if (!plan.fraud_flagged) return null

  const rows = linked.data?.linked ?? []
  const skipped = new Map((result?.skipped ?? []).map((s) => [s.plan_id, s]))
  const frozen = new Set((result?.frozen ?? []).map((f) => f.plan_id))

  async function submit(body: Record<string, unknown>) {
    const answer = await freeze.mutateAsync({ body: body as { days: number; reason: string }, idempotencyKey: key })
    setResult(answer)
    setKey(newActionKey())
    toast.success(t("linked.done", { frozen: answer.frozen.length, skipped: answer.skipped.length }))
  }

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="linked-plans">
      <div className="flex items-center justify-between gap-x-2">
        <div className="flex flex-col">
          <Text size="small" weight="plus">
            {t("linked.title")}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("linked.subtitle")}
          </Text>
        </div>
        <Button size="small" variant="danger" disabled={rows.length === 0} onClick={() => setOpen(true)} data-testid="freeze-linked">
          {t("linked.freeze")}
        </Button>
      </div>
      {linked.isPending ? (
        <LoadingRows rows={1} />
      ) : linked.isError ? (
        <ErrorState error={linked.error} onRetry={() => linked.refetch()} />
      ) : rows.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted">
          {t("linked.none")}
        </Text>
      ) : (
        <ul className="flex flex-col gap-y-1.5">
          {rows.map((row) => (
            <li key={row.plan_id} className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="linked-plan" data-plan-id={row.plan_id}>
              {row.order_id ? (
                <a href={`/app/orders/${row.order_id}`} className="txt-small text-ui-fg-interactive hover:underline">
                  {t("linked.order", { id: row.order_id })}
                </a>
              ) : (
                <Text size="small">{row.plan_id}</Text>
              )}
              {row.reasons.map((reason) => (
                <Badge key={reason} size="2xsmall" color={reason === "card" ? "red" : "orange"}>
                  {t(`linked.reasons.${reason}`)}
                </Badge>
              ))}
              {frozen.has(row.plan_id) && (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("linked.frozen")}
                </Text>
              )}
              {skipped.has(row.plan_id) && (
                <Text size="xsmall" className="text-ui-fg-muted">
                  {t("linked.skipped", { message: skipped.get(row.plan_id)?.message ?? "" })}
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <ActionFormDrawer
          title={t("linked.freeze")}
          submitLabel={t("linked.freeze")}
          description={t("linked.description", { count: rows.length })}
          danger
          fields={[
            { name: "days", label: t("freeze.days", { max: MAX_FREEZE_DAYS }), kind: "integer", min: 1, max: MAX_FREEZE_DAYS, required: true, initial: String(MAX_FREEZE_DAYS) },
            { name: "reason", label: t("freeze.reason"), kind: "textarea", required: true, },
          ]}
          toBody={(v) => ({ days: Number(v.days), reason: v.reason.trim() })}
          submit={submit}
          open
          onOpenChange={(o) => !o && setOpen(false)}
        />
      )}
    </div>
  )
}
