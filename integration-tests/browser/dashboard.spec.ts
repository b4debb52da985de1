/**
 * The admin dashboard in real headless Chromium (the system's, else the one the `@sparticuz/chromium`
 * devDependency ships: support/chromium.ts), driven by playwright-core, on one demo store with its
 * admin: the store's boot and the dashboard's first compile (Vite) are paid once for both parts,
 * which run one after the other on it, the admin signed in once:
 *  1. dashboard/plan-pages.ts: the plans on the order page, the Instalments page, the customer page,
 *     and the admin's actions, on 31 January 2027 (the store's sandbox test clock);
 *  2. dashboard/support-pages.ts: the Support page and the shopper's side of a request, from
 *     Friday 5 February 2027 (the test clock only moves forward: this part comes second).
 * Each test saves a screenshot under .screenshots/browser/ (git-ignored).
 */
import { planPages } from "./dashboard/plan-pages"
import { supportPages } from "./dashboard/support-pages"
import { useDashboard } from "./support/dashboard"

jest.setTimeout(600_000)

const dashboard = useDashboard("2027-01-31T10:00:00Z")
planPages(dashboard)
supportPages(dashboard)
