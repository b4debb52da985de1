/**
 * Calls to the plugin's admin API (and Medusa's refund route), with react-query so the
 * dashboard's cache, loading and error states work as on Medusa's own pages.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"
import type { AdminSupportRequest, ConsumerCreditResponse, FreezeLinkedResponse, LinkedPlansResponse, PlanListQuery, PlanListResponse, PlanResponse, ReceivablesResponse, RefundPreview, SupportRequestListResponse } from "./types"

const KEY = "instalments"

/** Drops empty filters so the URL only says what the admin chose. */
function cleanQuery(query: object): Record<string, string | number> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string | number>
}

export function usePlanList(query: PlanListQuery, options: { enabled?: boolean } = {}) {
  const clean = cleanQuery(query)
  return useQuery({
    queryKey: [KEY, "list", clean],
    queryFn: () => sdk.client.fetch<PlanListResponse>("/admin/instalment-plans", { query: clean }),
    placeholderData: (previous) => previous,
    enabled: options.enabled ?? true,
  })
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, "detail", id],
    queryFn: () => sdk.client.fetch<PlanResponse>(`/admin/instalment-plans/${id}`),
    enabled: Boolean(id),
  })
}

/** The plan of an order (none when the order was not paid in instalments). */
export function useOrderPlan(orderId: string) {
  const list = usePlanList({ order_id: orderId, limit: 1, offset: 0 })
  const planId = list.data?.instalment_plans[0]?.id
  const detail = usePlan(planId)
  return { list, detail, planId }
}

export function useReceivables() {
  return useQuery({
    queryKey: [KEY, "receivables"],
    queryFn: () => sdk.client.fetch<ReceivablesResponse>("/admin/instalments/receivables"),
  })
}

/** Under which regime the store's direct plans run (consumer credit or exempt). */
export function useConsumerCredit() {
  return useQuery({
    queryKey: [KEY, "consumer-credit"],
    queryFn: () => sdk.client.fetch<ConsumerCreditResponse>("/admin/instalments/consumer-credit"),
  })
}

export function useRefundPreview(planId: string) {
  return useMutation({
    mutationFn: (amount: string) =>
      sdk.client.fetch<{ preview: RefundPreview }>(`/admin/instalment-plans/${planId}/preview-refund`, {
        method: "POST",
        body: { amount },
      }),
  })
}

/** Refreshes the plugin's views and Medusa's order (its payments and summary change with a refund). */
function useRefreshAfterChange() {
  const client = useQueryClient()
  return () => {
    void client.invalidateQueries({ queryKey: [KEY] })
    void client.invalidateQueries({ queryKey: ["orders"] })
    void client.invalidateQueries({ queryKey: ["payments"] })
  }
}

/** Medusa's own refund of the order's payment; the plugin's provider turns it into a plan revision. */
export function useRefund() {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: ({ paymentId, amount }: { paymentId: string; amount: string }) =>
      sdk.client.fetch(`/admin/payments/${paymentId}/refund`, { method: "POST", body: { amount: Number(amount) } }),
    onSuccess: refresh,
  })
}

export type PlanActionPath = "postpone" | "late-fee" | "freeze" | "unfreeze" | "terminate" | "flag-fraud" | "resend-link" | "revoke-links"

/**
 * One admin action on a plan. The idempotency key is chosen when the dialog opens, so a double
 * click or a retried request applies the action once.
 */
export function usePlanAction(planId: string, action: PlanActionPath) {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: Record<string, unknown>; idempotencyKey: string }) =>
      sdk.client.fetch<PlanResponse>(`/admin/instalment-plans/${planId}/${action}`, {
        method: "POST",
        body,
        headers: { "Idempotency-Key": idempotencyKey },
      }),
    onSuccess: refresh,
  })
}

/** The plans linked to a plan (same card, e-mail or phone); asked only when `enabled` (a plan flagged for fraud). */
export function useLinkedPlans(planId: string, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, "linked", planId],
    queryFn: () => sdk.client.fetch<LinkedPlansResponse>(`/admin/instalment-plans/${planId}/linked`),
    enabled,
  })
}

/** Freezes the plans linked to a flagged plan; the key is chosen when the dialog opens (a double click freezes once). */
export function useFreezeLinked(planId: string) {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: { days: number; reason: string }; idempotencyKey: string }) =>
      sdk.client.fetch<FreezeLinkedResponse>(`/admin/instalment-plans/${planId}/freeze-linked`, {
        method: "POST",
        body,
        headers: { "Idempotency-Key": idempotencyKey },
      }),
    onSuccess: refresh,
  })
}

/** The message of a failed call: the API's own explanation when there is one. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error && typeof (error as { message: unknown }).message === "string") {
    return (error as { message: string }).message
  }
  return String(error)
}

/** The support requests with `status` (open, closed, all), oldest reply clock first; only one plan's with `planId`. */
export function useSupportRequests(status: "open" | "closed" | "all", planId?: string) {
  const query = cleanQuery({ status, plan_id: planId })
  return useQuery({
    queryKey: [KEY, "support", query],
    queryFn: () => sdk.client.fetch<SupportRequestListResponse>("/admin/instalment-support-requests", { query }),
  })
}

/** Reply to, close or reopen a support request; a reply's key is chosen when its form opens (a double click sends once). */
export function useSupportAction(requestId: string, action: "reply" | "close" | "reopen") {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: Record<string, unknown>; idempotencyKey?: string }) =>
      sdk.client.fetch<{ support_request: AdminSupportRequest; email_sent?: boolean }>(`/admin/instalment-support-requests/${requestId}/${action}`, {
        method: "POST",
        body,
        headers: idempotencyKey ? { "Idempotency-Key": idempotencyKey } : undefined,
      }),
    onSuccess: refresh,
  })
}
