/**
 * The plan's actions, in a menu as on Medusa's own pages. A disabled action stays in the menu
 * with the reason it is not possible now (lib/plan-actions.ts); an enabled one opens its dialog.
 */
import { EllipsisHorizontal } from "@medusajs/icons"
import { Button, DropdownMenu, Prompt, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage, usePlanAction, type PlanActionPath } from "../lib/api"
import { formatDay, formatMoney } from "../lib/format"
import { MAX_FREEZE_DAYS, MAX_LATE_FEE_PERCENT, MAX_POSTPONE_DAYS, planActions, type DisabledReason, type PlanActionId } from "../lib/plan-actions"
import { useTexts } from "../lib/use-texts"
import type { AdminInstalmentPlan } from "../lib/types"
import { ActionFormDrawer, type ActionFormDrawerProps } from "./action-form-drawer"
import { RefundDrawer } from "./refund-drawer"
import { newActionKey } from "../lib/action-key"

const PATHS: Record<Exclude<PlanActionId, "refund">, PlanActionPath> = {
  postpone: "postpone",
  late_fee: "late-fee",
  freeze: "freeze",
  unfreeze: "unfreeze",
  terminate: "terminate",
  flag_fraud: "flag-fraud",
  resend_link: "resend-link",
  revoke_links: "revoke-links",
}


export function PlanActionsMenu({ plan }: { plan: AdminInstalmentPlan }) {
  const { t, locale } = useTexts()
  const [open, setOpen] = useState<PlanActionId>()
  const actions = planActions(plan)

  function reasonText(reason: DisabledReason): string {
    const values: Record<string, string | number> = { ...reason.values }
    if (typeof values.status === "string") values.status = t(`status.${values.status}`)
    if (typeof values.until === "string") values.until = formatDay(values.until, locale)
    return t(reason.key, values)
  }

  return (
    <>
      <DropdownMenu modal={false}>
        <DropdownMenu.Trigger asChild>
          <Button size="small" variant="secondary" data-testid="plan-actions">
            <EllipsisHorizontal />
            {t("actions.menu")}
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end" className="max-w-[320px]">
          {actions.map((action) => (
            <DropdownMenu.Item
              key={action.id}
              disabled={!action.enabled}
              onSelect={() => setOpen(action.id)}
              data-testid={`action-${action.id}`}
              className="flex flex-col items-start gap-y-0.5"
            >
              <span>{t(`actions.${action.id}`)}</span>
              {action.reason && (
                <Text size="xsmall" className="text-ui-fg-muted whitespace-normal" data-testid="disabled-reason">
                  {reasonText(action.reason)}
                </Text>
              )}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu>
      {open === "refund" && <RefundDrawer plan={plan} open onOpenChange={(o) => !o && setOpen(undefined)} />}
      {open && open !== "refund" && <ActionDialog plan={plan} action={open} onClose={() => setOpen(undefined)} />}
    </>
  )
}

/** The dialog of one action: a drawer with its fields, or a confirmation prompt when it has none. */
function ActionDialog({ plan, action, onClose }: { plan: AdminInstalmentPlan; action: Exclude<PlanActionId, "refund">; onClose: () => void }) {
  const { t, locale } = useTexts()
  const mutation = usePlanAction(plan.id, PATHS[action])
  const [key] = useState(newActionKey)
  const title = t(`actions.${action}`)

  async function submit(body: Record<string, unknown>) {
    await mutation.mutateAsync({ body, idempotencyKey: key })
    toast.success(t("actions.done", { action: title }))
  }

  if (action === "unfreeze" || action === "resend_link" || action === "revoke_links") {
    const description = confirmationText(action, plan, t)
    return (
      <Prompt open onOpenChange={(o) => !o && onClose()}>
        <Prompt.Content>
          <Prompt.Header>
            <Prompt.Title>{title}</Prompt.Title>
            <Prompt.Description>{description}</Prompt.Description>
          </Prompt.Header>
          <Prompt.Footer>
            <Prompt.Cancel>{t("common.cancel")}</Prompt.Cancel>
            <Prompt.Action
              onClick={async (event) => {
                event.preventDefault()
                try {
                  await submit({})
                  onClose()
                } catch (error) {
                  toast.error(t("actions.failed", { action: title, message: errorMessage(error) }))
                }
              }}
            >
              {t("actions.confirm")}
            </Prompt.Action>
          </Prompt.Footer>
        </Prompt.Content>
      </Prompt>
    )
  }

  const form = formOf(action, plan, t, locale)
  return <ActionFormDrawer {...form} title={title} submitLabel={title} open onOpenChange={(o) => !o && onClose()} submit={submit} />
}

/** What the confirmation of an action without fields says. */
function confirmationText(action: "unfreeze" | "resend_link" | "revoke_links", plan: AdminInstalmentPlan, t: (k: string, v?: Record<string, unknown>) => string): string {
  if (action === "unfreeze") return t("unfreeze.description")
  if (action === "resend_link") return t("resendLink.description", { email: plan.email ?? "" })
  return t("revokeLinks.description")
}

type FormSpec = Pick<ActionFormDrawerProps, "description" | "fields" | "toBody" | "danger">

function formOf(action: "postpone" | "late_fee" | "freeze" | "terminate" | "flag_fraud", plan: AdminInstalmentPlan, t: (k: string, v?: Record<string, unknown>) => string, locale: string): FormSpec {
  switch (action) {
    case "postpone": {
      const upcoming = plan.instalments.filter((i) => i.status === "scheduled")
      return {
        description: t("postpone.description", { used: plan.postponements_used, max: plan.max_postponements }),
        fields: [
          {
            name: "instalment_number",
            label: t("postpone.instalment"),
            kind: "select",
            required: true,
            initial: String(upcoming[0]?.number ?? ""),
            options: upcoming.map((i) => ({
              value: String(i.number),
              label: t("postpone.instalmentOption", { number: i.number, amount: formatMoney(i.amount, plan.currency_code, locale), date: formatDay(i.due_date, locale) }),
            })),
          },
          { name: "days", label: t("postpone.days", { max: MAX_POSTPONE_DAYS }), kind: "integer", min: 1, max: MAX_POSTPONE_DAYS, required: true },
        ],
        toBody: (v) => ({ instalment_number: Number(v.instalment_number), days: Number(v.days) }),
      }
    }
    case "late_fee":
      return {
        description: t("lateFee.description", { max: MAX_LATE_FEE_PERCENT }),
        fields: [
          { name: "percent", label: t("lateFee.percent", { max: MAX_LATE_FEE_PERCENT }), kind: "decimal", min: 0.01, max: MAX_LATE_FEE_PERCENT, required: true },
          { name: "note", label: t("lateFee.note"), kind: "textarea", required: true },
        ],
        // The percentage goes as typed ("2.50"): the server parses it exactly, without floating point.
        toBody: (v) => ({ percent: v.percent.trim().replace(",", "."), note: v.note.trim() }),
      }
    case "freeze":
      return {
        description: t("freeze.description"),
        fields: [
          { name: "days", label: t("freeze.days", { max: MAX_FREEZE_DAYS }), kind: "integer", min: 1, max: MAX_FREEZE_DAYS, required: true, initial: "30" },
          { name: "reason", label: t("freeze.reason"), kind: "textarea", required: true },
        ],
        toBody: (v) => ({ days: Number(v.days), reason: v.reason.trim() }),
      }
    case "terminate":
      return {
        description: t("terminate.description"),
        danger: true,
        fields: [{ name: "reason", label: t("terminate.reason"), kind: "textarea", required: true }],
        toBody: (v) => ({ reason: v.reason.trim() }),
      }
    case "flag_fraud":
      return {
        description: t("flagFraud.description", { days: MAX_FREEZE_DAYS }),
        danger: true,
        fields: [{ name: "reason", label: t("flagFraud.reason"), kind: "textarea", required: true }],
        toBody: (v) => ({ reason: v.reason.trim() }),
      }
  }
}
