/**
 * The module alone on a real Postgres (Medusa's module test runner), with a card processor that
 * fails on command (test-support/faulty-processor.ts) around the sandbox: what the tests of the
 * money path need to place a plan and break things.
 */
import path from "node:path"
import { createPgConnection } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { money } from "../../../domain/money"
import { createSandboxProcessor } from "../../../processors"
import { faultyProcessor, type FaultyProcessor } from "../../../../test-support/faulty-processor"
import type InstalmentsModuleService from "../service"

export const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

export interface ModuleSuite {
  service: () => InstalmentsModuleService
  processor: () => FaultyProcessor
  /** The test database's URL, for a second connection (another process of the same store). */
  databaseUrl: () => string
}

/** A suite on the module, its processor failing on command; each test starts on a fresh database and clock. */
export function moduleSuite(name: string, options: Record<string, unknown>, suite: (s: ModuleSuite) => void) {
  let processor: FaultyProcessor | undefined
  moduleIntegrationTestRunner<InstalmentsModuleService>({
    moduleName: "instalments",
    resolve: path.join(__dirname, ".."),
    pathToMigrations: path.join(__dirname, "../migrations"),
    moduleOptions: {
      test_clock: true,
      // The test store declares a consumer-credit authorisation: every plan and fee (docs/business-rules.md §11).
      credit_authorisation: true,
      sandbox_store: "memory",
      // A request meeting a payment in flight gives up at once: the tests wait for states, not time.
      busy_wait_ms: 0,
      self_service: { secret: "module-tests-link-secret-of-32-bytes!!", base_url: "https://shop.example.com" },
      processor: ({ clock, store }: { clock: any; store: () => any }) => (processor = faultyProcessor(createSandboxProcessor({ clock, store: store() }))),
      ...options,
    },
    testSuite: ({ service, dbConfig }) => {
      describe(name, () => {
        beforeEach(async () => {
          await service.setSandboxTime(CHECKOUT_DAY)
        })
        suite({ service: () => service, processor: () => processor as FaultyProcessor, databaseUrl: () => dbConfig.clientUrl })
      })
    },
  })
}

let sessions = 0

/** A payment session id no other test uses. */
export function newSessionId(): string {
  return `payses_test_${++sessions}_${Date.now().toString(36)}`
}

/** A plan as checkout makes it: session opened with the plan and the card, then authorised. */
export async function placePlan(service: InstalmentsModuleService, plan = "p3x", card = "tok_visa", cents = 25490, sessionId = newSessionId()) {
  const data = await service.openCheckout({
    sessionId,
    amount: money(cents, "eur"),
    data: { plan, card_token: card, phone: "+33612345678", country_code: "fr", email: "lea@example.com", locale: "fr" },
  })
  const authorized = await service.authorizeCheckout(data)
  if (authorized.status !== "placed") throw new Error(`the sandbox never asks for 3-D Secure, got ${authorized.status}`)
  return { row: authorized.plan, data, sessionId }
}

/** What the sandbox moved, in cents: every succeeded charge and refund it holds, by idempotency key. */
export async function processorMoney(processor: FaultyProcessor) {
  const charges = (await processor.inner.store.list<any>("charge:")).map(([, c]) => c).filter((c) => c.status === "succeeded")
  const refunds = (await processor.inner.store.list<any>("refund:")).map(([, r]) => r)
  return {
    charged: charges.reduce((sum, c) => sum + c.amount.cents, 0),
    refunded: refunds.reduce((sum, r) => sum + r.amount.cents, 0),
    charges,
    refunds,
  }
}

/** The keys of the operations executing on a plan (while there is one, the plan is busy). */
export async function runningOn(service: InstalmentsModuleService, planId: string): Promise<string[]> {
  return (await service.listInstalmentOperations({ plan_id: planId, status: "executing" })).map((o) => o.idempotency_key)
}

/** The plan's money ledger: its movement legs, oldest first. */
export async function movementsOf(service: InstalmentsModuleService, planId: string) {
  return service.listInstalmentMovements({ plan_id: planId }, { order: { created_at: "ASC" } })
}

/** Waits until `condition` holds (a state the test is waiting for, not a duration). */
export async function until(condition: () => boolean | Promise<boolean>) {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 5))
}

export type Knex = ReturnType<typeof createPgConnection>

/** A connection of its own to the suite's database (another process of the store, another transaction), open for the file's tests. */
export function useOtherConnection(databaseUrl: () => string): () => Knex {
  let knex: Knex
  beforeAll(() => {
    knex = createPgConnection({ clientUrl: databaseUrl() })
  })
  afterAll(async () => {
    await knex.destroy()
  })
  return () => knex
}
