/**
 * Plans as the module stores them, for tests that render them (the shopper's page and view, the
 * e-mails): built through the engine's public path (quote → createPlan) and mapped to rows.
 */
import { defaultEngineConfig } from "../src/domain/config"
import { money } from "../src/domain/money"
import { createPlan, type PlanSnapshot } from "../src/domain/plan"
import { quotePlan } from "../src/domain/quote"
import { snapshotToInstalmentColumns, snapshotToPlanColumns, type PlanRow } from "../src/modules/instalments/mapping"

export const ORDER_DAY = "2027-01-31"

/** 254.90 € in 3 on 31 January 2027, the first instalment (84.98 €) paid at checkout. */
export function chairPlan(): PlanSnapshot {
  const quote = quotePlan({ config: defaultEngineConfig(), plan: "p3x", amount: money(25490, "eur"), country: "fr", today: ORDER_DAY })
  const created = createPlan(quote, { now: `${ORDER_DAY}T10:00:00.000Z`, firstChargePaid: true })
  if (!created.ok) throw new Error(created.error.message)
  return created.value.plan
}

export function rowOf(plan: PlanSnapshot, extra: Partial<PlanRow> = {}): PlanRow {
  return {
    id: "iplan_1",
    ...snapshotToPlanColumns(plan),
    order_id: "order_1",
    order_display_id: 42,
    email: "lea@example.com",
    locale: "fr",
    phone: "+33612345678",
    card_reference: "card_secret_ref",
    credit_reference: "credit_secret_ref",
    card_brand: "Visa",
    card_last4: "5556",
    card_exp_month: 12,
    card_exp_year: 2030,
    terms_version: "2026-11",
    terms_accepted_at: new Date(`${ORDER_DAY}T10:00:00Z`),
    created_at: new Date(`${ORDER_DAY}T10:00:00Z`),
    instalments: plan.instalments.map((i) => ({ id: `inst_${i.number}`, ...snapshotToInstalmentColumns(i) })),
    ...extra,
  } as unknown as PlanRow
}
