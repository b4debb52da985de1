/**
 * One collecting process of `npm run bench:collect -- --workers 2` (bench/collect-workers.mjs), run
 * inside Medusa by `medusa exec`: it boots once, prints `ready`, then obeys one command per line on
 * its standard input, answering each with one JSON line:
 *   cards <n>            make n sandbox cards (tok_visa) as a card form would; answers { cards }
 *   seed <n> <prefix>    remove the plugin's plans, then n p3x plans with one instalment due on the
 *                        collection day, on those cards, ids iplan_<prefix>…; answers { seeded }
 *   go                   one collection run (the job's workflow) on the collection day; answers its summary and ms
 *   exit                 ends the process
 * Several of these processes run the same `go` at once: they are the workers whose jobs collect
 * at the same time. The clock is each process's own test clock, set to the collection day.
 */
import readline from "node:readline"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INSTALMENTS_MODULE } from "../src/modules/instalments"
import type InstalmentsModuleService from "../src/modules/instalments/service"
import { SANDBOX_TABLE } from "../src/processors"
import { collectDueInstalmentsWorkflow } from "../src/workflows/collect-due-instalments"
import { COLLECTION_DAY, type Knex, seed } from "./collect-run"

/** Cards are made this many at a time (each is a write of the sandbox's records). */
const CARD_CONCURRENCY = 8

export default async function collectWorker({ container }: ExecArgs) {
  const instalments = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  instalments.clock.set(new Date(`${COLLECTION_DAY}T10:00:00Z`))
  const answer = (value: unknown) => process.stdout.write(JSON.stringify(value) + "\n")
  answer({ ready: true })
  const lines = readline.createInterface({ input: process.stdin })
  for await (const line of lines) {
    const [command, ...args] = line.trim().split(/\s+/)
    if (command === "exit") break
    if (command === "cards") answer({ cards: await makeCards(instalments, Number(args[0])) })
    else if (command === "seed") answer({ seeded: await seedPlans(instalments, db, Number(args[0]), args[1]) })
    else if (command === "go") answer(await collect(container))
    else answer({ error: `unknown command ${JSON.stringify(line)}` })
  }
  lines.close()
}

async function makeCards(instalments: InstalmentsModuleService, n: number): Promise<number> {
  let next = 0
  async function maker() {
    while (next++ < n) {
      const card = await instalments.processor.describeCard("tok_visa")
      if (!card.ok) throw new Error(card.error.message)
    }
  }
  await Promise.all(Array.from({ length: CARD_CONCURRENCY }, maker))
  return n
}

/** The round's plans on the sandbox's first n cards; the previous round's plans go. */
async function seedPlans(instalments: InstalmentsModuleService, db: Knex, n: number, prefix: string): Promise<number> {
  await db.raw("truncate instalment_plan_event, instalment, instalment_plan, instalment_operation, instalment_movement")
  const { rows } = await db.raw(`select value->>'cardRef' as ref from ${SANDBOX_TABLE} where starts_with(key, 'card:') order by key limit ?`, [n])
  if (rows.length < n) throw new Error(`only ${rows.length} sandbox cards for ${n} plans: send "cards ${n}" first`)
  await seed(
    db,
    rows.map((r) => r.ref),
    prefix,
    instalments.processor.name,
  )
  await db.raw("vacuum analyze instalment_plan")
  await db.raw("vacuum analyze instalment")
  // The seeding's writes are flushed now, not during the timed runs (see collect-run.ts).
  await db.raw("checkpoint")
  return n
}

async function collect(container: ExecArgs["container"]) {
  const started = performance.now()
  const { result } = await collectDueInstalmentsWorkflow(container).run({ input: {} })
  return { ms: performance.now() - started, charged: result.charged, failed: result.failed, errors: result.errors, batches: result.batches, examined: result.examined }
}
