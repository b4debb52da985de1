/**
 * GET /admin/instalments/receivables — what the store is still owed on its plans, per currency:
 *  - outstanding_total: everything that remains to be paid (instalments, customer and late fees)
 *    on plans that are not closed;
 *  - late_total: the part of it on plans that are `late` or in `serious_delay`;
 *  - weekly: 12 weeks from the Monday of the current week (the plugin's time zone), each with the
 *    collections the job expects that week: unpaid scheduled instalments by due date, failed ones
 *    by their next retry, on plans that are being collected (active, late, serious delay,
 *    terminated). Frozen and not-yet-started plans are owed but not expected.
 * Amounts in major units. Two aggregate queries, both on indexed columns.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { addDays, type LocalDate } from "../../../../domain/calendar"
import type { PlanStatus } from "../../../../domain/codes"
import { money, toMajor } from "../../../../domain/money"
import { INSTALMENTS_MODULE } from "../../../../modules/instalments"
import type InstalmentsModuleService from "../../../../modules/instalments/service"
import { mondayOf } from "../../../utils/local-day"

const WEEKS = 12

/** Plans with something left to pay (closed ones — completed, cancelled, withdrawn — owe nothing). */
const OPEN: readonly PlanStatus[] = ["pending_start", "active", "late", "serious_delay", "frozen", "terminated"]
const LATE: readonly PlanStatus[] = ["late", "serious_delay"]
/** Plans the collection job charges on its own. */
const COLLECTED: readonly PlanStatus[] = ["active", "late", "serious_delay", "terminated"]

interface Knex {
  raw: (sql: string, bindings: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
}

const placeholders = (list: readonly string[]) => list.map(() => "?").join(", ")

async function totalsByCurrency(knex: Knex) {
  const { rows } = await knex.raw(
    `select currency_code,
            coalesce(sum(outstanding_cents), 0)::bigint as outstanding,
            coalesce(sum(outstanding_cents) filter (where status in (${placeholders(LATE)})), 0)::bigint as late,
            count(*)::int as open_plans,
            (count(*) filter (where status in (${placeholders(LATE)})))::int as late_plans
       from instalment_plan
      where deleted_at is null and status in (${placeholders(OPEN)})
      group by currency_code`,
    [...LATE, ...LATE, ...OPEN],
  )
  return rows as { currency_code: string; outstanding: string; late: string; open_plans: number; late_plans: number }[]
}

/** Expected collections per currency and week index (0 = the week of `from`). */
async function expectedByWeek(knex: Knex, from: LocalDate, today: LocalDate, until: LocalDate) {
  const due = "i.amount_cents + i.customer_fee_cents + i.late_fee_cents"
  const { rows } = await knex.raw(
    `select p.currency_code, ((x.expected_on::date - ?::date) / 7)::int as week, sum(x.due)::bigint as expected
       from (
         select i.plan_id, i.due_date as expected_on, ${due} as due
           from instalment i
          where i.deleted_at is null and i.status = 'scheduled' and i.due_date >= ? and i.due_date < ?
         union all
         select i.plan_id, i.next_retry_on as expected_on, ${due} as due
           from instalment i
          where i.deleted_at is null and i.status in ('failed', 'late') and i.next_retry_on >= ? and i.next_retry_on < ?
       ) x
       join instalment_plan p on p.id = x.plan_id and p.deleted_at is null and p.status in (${placeholders(COLLECTED)})
      group by 1, 2`,
    [from, today, until, today, until, ...COLLECTED],
  )
  return rows as { currency_code: string; week: number; expected: string }[]
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const today = instalments.today()
  const firstWeek = mondayOf(today)
  const until = addDays(firstWeek, 7 * WEEKS)
  const [totals, weekly] = await Promise.all([totalsByCurrency(knex), expectedByWeek(knex, firstWeek, today, until)])

  // The engine's currency always appears, so an empty store still shows its 12 weeks at 0.
  const currencies = [...new Set([instalments.engineConfig.currency, ...totals.map((t) => t.currency_code), ...weekly.map((w) => w.currency_code)])].sort()
  const major = (cents: string | number | undefined, currency: string) => toMajor(money(Number(cents ?? 0), currency))
  const receivables = currencies.map((currency) => {
    const total = totals.find((t) => t.currency_code === currency)
    return {
      currency_code: currency,
      outstanding_total: major(total?.outstanding, currency),
      late_total: major(total?.late, currency),
      open_plans: total?.open_plans ?? 0,
      late_plans: total?.late_plans ?? 0,
      weekly: Array.from({ length: WEEKS }, (_, week) => ({
        week_start: addDays(firstWeek, 7 * week),
        expected_total: major(weekly.find((w) => w.currency_code === currency && w.week === week)?.expected, currency),
      })),
    }
  })
  res.json({ as_of: today, time_zone: instalments.engineConfig.timeZone, currency_codes: currencies, receivables })
}
