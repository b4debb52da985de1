/**
 * The plan engine of medusa-instalments: pure TypeScript, no Medusa, no npm package.
 *
 *  - money.ts, decimal.ts: integer money, exact decimal conversions
 *  - calendar.ts: calendar days (due dates)
 *  - codes.ts: the public vocabulary (plan codes, statuses, reasons)
 *  - catalogue.ts, config.ts: what the plans are and how a store configured them
 *  - eligibility.ts, quote.ts: may the shopper use a plan, and what it looks like
 *  - plan.ts: the plan snapshot and its creation; states.ts: allowed transitions
 *  - revisions/: everything that can happen to a plan afterwards
 *  - invariants.ts: the bookkeeping rules every snapshot obeys
 */
export * from "./codes"
export * from "./result"
export * from "./decimal"
export * from "./money"
export * from "./calendar"
export * from "./catalogue"
export * from "./config"
export * from "./eligibility"
export * from "./quote"
export * from "./outcome"
export * from "./plan"
export * from "./states"
export * from "./invariants"
export * from "./revisions"
export * from "./linked-plans"
export * from "./shopper-identity"
