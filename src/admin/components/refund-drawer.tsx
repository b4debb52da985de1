/**
 * Refund with a preview: the admin types an amount, sees what goes back to the card and the
 * revised schedule (POST /admin/instalment-plans/:id/preview-refund, nothing written), then
 * confirms. The refund itself is Medusa's (POST /admin/payments/:payment_id/refund), so the
 * order's payment summary agrees; the plugin's provider turns it into the same plan revision.
 */
import { Alert, Button, Drawer, Heading, Input, Label, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { errorMessage, useRefund, useRefundPreview } from "../lib/api"
import { amountCents, formatMoney, parseAmountInput } from "../lib/format"
import { useTexts } from "../lib/use-texts"
import type { AdminInstalmentPlan, RefundPreview } from "../lib/types"
import { InstalmentTimeline } from "./instalment-timeline"

export function RefundDrawer({ plan, open, onOpenChange }: { plan: AdminInstalmentPlan; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t, locale } = useTexts()
  const money = (amount: number) => formatMoney(amount, plan.currency_code, locale)
  const [text, setText] = useState("")
  const [problem, setProblem] = useState<string>()
  const [preview, setPreview] = useState<{ amount: string; result: RefundPreview }>()
  const previewCall = useRefundPreview(plan.id)
  const refund = useRefund()
  const max = plan.order_total

  function amountOrProblem(): string | undefined {
    const amount = parseAmountInput(text)
    if (!amount || amountCents(amount) > amountCents(max.toFixed(2))) {
      setProblem(t("refund.invalidAmount", { max: money(max) }))
      return undefined
    }
    return amount
  }

  async function onPreview(event: FormEvent) {
    event.preventDefault()
    setPreview(undefined)
    const amount = amountOrProblem()
    if (!amount) return
    try {
      const { preview: result } = await previewCall.mutateAsync(amount)
      setPreview({ amount, result })
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }

  async function onConfirm() {
    if (!preview || !plan.payment_id) return
    try {
      await refund.mutateAsync({ paymentId: plan.payment_id, amount: preview.amount })
      toast.success(t("actions.done", { action: t("actions.refund") }))
      onOpenChange(false)
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="refund-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("actions.refund")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <Text size="small" className="text-ui-fg-subtle">
            {t("refund.description")}
          </Text>
          <form onSubmit={onPreview} className="flex flex-col gap-y-1.5">
            <Label htmlFor="refund-amount" size="small" weight="plus">
              {t("refund.amount")}
            </Label>
            <div className="flex gap-x-2">
              <Input
                id="refund-amount"
                name="amount"
                inputMode="decimal"
                value={text}
                onChange={(e) => {
                  setText(e.target.value)
                  setPreview(undefined)
                  setProblem(undefined)
                }}
              />
              <Button size="small" variant="secondary" type="submit" isLoading={previewCall.isPending}>
                {t("refund.preview")}
              </Button>
            </div>
            <Text size="xsmall" className="text-ui-fg-muted">
              {t("refund.amountHint", { max: money(max) })}
            </Text>
          </form>
          {problem && (
            <Alert variant="error" data-testid="action-error">
              {problem}
            </Alert>
          )}
          {preview && (
            <div className="flex flex-col gap-y-3" data-testid="refund-preview">
              <dl className="grid grid-cols-2 gap-2">
                <dt className="txt-small text-ui-fg-subtle">{t("refund.toCard")}</dt>
                <dd className="txt-small text-right" data-testid="preview-to-card">
                  {money(preview.result.refund_to_card)}
                </dd>
                <dt className="txt-small text-ui-fg-subtle">{t("refund.reduction")}</dt>
                <dd className="txt-small text-right" data-testid="preview-reduction">
                  {money(preview.result.reduction)}
                </dd>
                <dt className="txt-small text-ui-fg-subtle">{t("widget.remaining")}</dt>
                <dd className="txt-small text-right" data-testid="preview-remaining">
                  {money(preview.result.instalment_plan.outstanding_total)}
                </dd>
              </dl>
              <Heading level="h3">{t("refund.revisedSchedule")}</Heading>
              <div className="overflow-hidden rounded-lg border border-ui-border-base">
                <InstalmentTimeline instalments={preview.result.instalment_plan.instalments} currency={plan.currency_code} />
              </div>
            </div>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" variant="danger" disabled={!preview} isLoading={refund.isPending} onClick={onConfirm} data-testid="confirm-refund">
            {t("refund.confirm", { amount: preview ? money(preview.result.amount) : "" })}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
