/**
 * GET /admin/instalments/receivables — what the store is still owed on its plans, per currency:
 *  - outstanding_total: everything that remains to be paid (instalments, customer and late fees)
 *    on plans that are not closed;
 *  - late_total: the part of it on plans that are `late` or in `serious_delay`;
 *  - weekly: 12 weeks from the Monday of the current week (the plugin's time zone), each with the
 *    collections the job expects that week: unpaid scheduled instalments by due date, failed ones
 *    by their next retry, on plans that are being collected (active, late, serious delay,
 *    terminated); expected_total is their sum. Frozen and not-yet-started plans are owed but not
 *    expected.
 * Amounts in major units. Two aggregate queries of the module (src/modules/instalments/reads/admin-queries.ts).
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addDays } from "../../../../domain/calendar"
import { money, toMajor } from "../../../../domain/money"
import { INSTALMENTS_MODULE } from "../../../../modules/instalments"
import type InstalmentsModuleService from "../../../../modules/instalments/service"
import { mondayOf } from "../../../utils/local-day"

const WEEKS = 12

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const today = instalments.today()
  const firstWeek = mondayOf(today)
  const until = addDays(firstWeek, 7 * WEEKS)
  const window = { firstWeek, today, until }
  // Both queries at once, betting on one currency (the usual store); several currencies need the
  // per-currency query, run once the totals have shown them.
  const single = instalments.engineConfig.currency
  const [totals, bet] = await Promise.all([instalments.receivableTotals(), instalments.expectedCollectionsByWeek(window, single)])
  const oneCurrency = totals.every((t) => t.currency_code === single)
  const weekly = oneCurrency ? bet : await instalments.expectedCollectionsByWeek(window)

  // The engine's currency always appears, so an empty store still shows its 12 weeks at 0.
  const currencies = [...new Set([instalments.engineConfig.currency, ...totals.map((t) => t.currency_code), ...weekly.map((w) => w.currency_code)])].sort()
  const major = (cents: string | number | undefined, currency: string) => toMajor(money(Number(cents ?? 0), currency))
  const receivables = currencies.map((currency) => {
    const total = totals.find((t) => t.currency_code === currency)
    const expected = Array.from({ length: WEEKS }, (_, week) => Number(weekly.find((w) => w.currency_code === currency && w.week === week)?.expected ?? 0))
    return {
      currency_code: currency,
      outstanding_total: major(total?.outstanding, currency),
      late_total: major(total?.late, currency),
      open_plans: total?.open_plans ?? 0,
      late_plans: total?.late_plans ?? 0,
      expected_total: major(expected.reduce((sum, cents) => sum + cents, 0), currency),
      weekly: expected.map((cents, week) => ({ week_start: addDays(firstWeek, 7 * week), expected_total: major(cents, currency) })),
    }
  })
  res.json({ as_of: today, time_zone: instalments.engineConfig.timeZone, currency_codes: currencies, receivables })
}
