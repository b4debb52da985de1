/**
 * The admin's read queries over the module's tables: the plan list (filters, pagination) and the
 * receivables, behind the service's `listPlansForAdmin`, `receivableTotals` and
 * `expectedCollectionsByWeek`. Plain SQL on the module's knex instead of the ORM: the list is the
 * page merchants open most, and hydrating ORM entities for 20 plans and their instalments cost
 * more than the queries themselves (bench/admin.bench.mjs). Every filter maps to an indexed
 * column of instalment_plan: order_id, customer_id, status (+ next_due_date), created_at.
 */
import type { LocalDate } from "../../../domain/calendar"
import type { PlanStatus } from "../../../domain/codes"
import type { InstalmentRow, PlanRow } from "../mapping"

/** The part of knex these queries use (the module's, see `knexOf` in ../sql.ts). */
export interface Knex {
  (table: string): KnexQuery
  raw: (sql: string, bindings: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
}
interface KnexQuery extends PromiseLike<any[]> {
  whereNull(column: string): KnexQuery
  where(column: string, op?: unknown, value?: unknown): KnexQuery
  whereIn(column: string, values: readonly unknown[]): KnexQuery
  whereILike(column: string, value: string): KnexQuery
  select(...columns: string[]): KnexQuery
  count(spec: Record<string, string>): KnexQuery
  orderBy(columns: { column: string; order: "asc" | "desc" }[]): KnexQuery
  limit(n: number): KnexQuery
  offset(n: number): KnexQuery
}

export interface PlanListFilters {
  orderId?: string
  customerId?: string
  statuses?: readonly string[]
  planCode?: string
  createdFrom?: Date
  createdBefore?: Date
  /** An order number (digits, optionally after #: exact match) or part of the shopper's e-mail. */
  search?: string
}

function filtered(knex: Knex, filters: PlanListFilters): KnexQuery {
  const query = knex("instalment_plan").whereNull("deleted_at")
  if (filters.orderId) query.where("order_id", filters.orderId)
  if (filters.customerId) query.where("customer_id", filters.customerId)
  if (filters.statuses?.length) query.whereIn("status", filters.statuses)
  if (filters.planCode) query.where("plan_code", filters.planCode)
  if (filters.createdFrom) query.where("created_at", ">=", filters.createdFrom)
  if (filters.createdBefore) query.where("created_at", "<", filters.createdBefore)
  if (filters.search) {
    const term = filters.search.replace(/^#/, "")
    if (/^\d{1,9}$/.test(term)) {
      // Digits are an order number: one exact match instead of a scan of every e-mail.
      query.where("order_display_id", Number(term))
    } else {
      // `%` and `_` in an e-mail are letters, not LIKE wildcards.
      query.whereILike("email", `%${term.replace(/[\\%_]/g, "\\$&")}%`)
    }
  }
  return query
}

/**
 * One page of plans, newest first (created_at, then id), each with its instalments, and how many
 * plans match in all. Three queries: the page and the count in parallel, then the page's instalments.
 */
export async function listPlans(knex: Knex, filters: PlanListFilters, page: { limit: number; offset: number }): Promise<{ plans: PlanRow[]; count: number }> {
  const [rows, counted] = await Promise.all([
    filtered(knex, filters)
      .select("*")
      .orderBy([
        { column: "created_at", order: "desc" },
        { column: "id", order: "desc" },
      ])
      .limit(page.limit)
      .offset(page.offset),
    filtered(knex, filters).count({ count: "*" }),
  ])
  const plans = rows as PlanRow[]
  if (plans.length > 0) {
    const instalments = (await knex("instalment")
      .whereNull("deleted_at")
      .whereIn(
        "plan_id",
        plans.map((p) => p.id),
      )
      .select("*")) as (InstalmentRow & { plan_id: string })[]
    const byPlan = new Map<string, InstalmentRow[]>(plans.map((p) => [p.id, []]))
    for (const i of instalments) byPlan.get(i.plan_id)?.push(i)
    for (const p of plans) p.instalments = byPlan.get(p.id)
  }
  return { plans, count: Number((counted as { count: string | number }[])[0]?.count ?? 0) }
}

// ---- receivables ---------------------------------------------------------------------------

/** Plans with something left to pay (closed ones — completed, cancelled, withdrawn — owe nothing). */
const OPEN: readonly PlanStatus[] = ["pending_start", "active", "late", "serious_delay", "frozen", "terminated"]
const LATE: readonly PlanStatus[] = ["late", "serious_delay"]
/** Plans the collection job charges on its own; the other open ones are owed but not collected now. */
const COLLECTED: readonly PlanStatus[] = ["active", "late", "serious_delay", "terminated"]
const NOT_COLLECTED_OPEN: readonly PlanStatus[] = OPEN.filter((s) => !COLLECTED.includes(s))

const placeholders = (list: readonly string[]) => list.map(() => "?").join(", ")

/** Per currency: what open plans still owe (outstanding_cents, kept with every revision), and the part on late plans. */
export async function receivableTotals(knex: Knex) {
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

/**
 * Collections expected per week index (0 = the week starting `firstWeek`), from `today` until
 * `until` (exclusive): scheduled instalments on their due date, failed ones on their next retry,
 * on plans the collection job charges.
 *
 * Unpaid instalments only exist on open plans (a completed, cancelled or withdrawn plan has none
 * left: the engine pays or cancels them all). So with one currency among the open plans — the
 * usual case — the plans to leave out are the few frozen or not yet started ones, and the query
 * reads only the (status, due_date) index of instalments. With several currencies it joins every
 * instalment to its plan for the currency.
 */
export async function expectedByWeek(knex: Knex, window: { firstWeek: LocalDate; today: LocalDate; until: LocalDate }, currency?: string) {
  const due = "i.amount_cents + i.customer_fee_cents + i.late_fee_cents"
  const { firstWeek, today, until } = window
  const instalments = `
         select i.plan_id, i.due_date as expected_on, ${due} as due
           from instalment i
          where i.deleted_at is null and i.status = 'scheduled' and i.due_date >= ? and i.due_date < ?
         union all
         select i.plan_id, i.next_retry_on as expected_on, ${due} as due
           from instalment i
          where i.deleted_at is null and i.status in ('failed', 'late') and i.next_retry_on >= ? and i.next_retry_on < ?`
  const week = "((x.expected_on::date - ?::date) / 7)::int"
  if (currency) {
    // The plans left out, read once (as a subquery, Postgres reads them for each half of the union).
    const { rows } = await knex.raw(
      `with not_collected as materialized (
         select id from instalment_plan where deleted_at is null and status in (${placeholders(NOT_COLLECTED_OPEN)}))
       select ?::text as currency_code, ${week} as week, sum(x.due)::bigint as expected
         from (${instalments}) x
        where x.plan_id not in (select id from not_collected)
        group by 1, 2`,
      [...NOT_COLLECTED_OPEN, currency, firstWeek, today, until, today, until],
    )
    return rows as { currency_code: string; week: number; expected: string }[]
  }
  const { rows } = await knex.raw(
    `select p.currency_code, ${week} as week, sum(x.due)::bigint as expected
       from (${instalments}) x
       join instalment_plan p on p.id = x.plan_id and p.deleted_at is null and p.status in (${placeholders(COLLECTED)})
      group by 1, 2`,
    [firstWeek, today, until, today, until, ...COLLECTED],
  )
  return rows as { currency_code: string; week: number; expected: string }[]
}
