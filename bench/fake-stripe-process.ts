/**
 * The fake Stripe of `npm run bench:collect -- --processor stripe-fake`, in a process of its own
 * (node -r @swc-node/register), so that it does not share Medusa's event loop: the store's Stripe
 * client talks to it on loopback, as the integration tests' does (test-support/fake-stripe).
 *
 * Prints one JSON line once listening: `{ "api": <port of the fake>, "bench": <port of the bench's
 * questions> }`. The bench's questions, on a second loopback port (never on the fake's API):
 *   GET /usage                  the process's CPU time (ms) and the number of API requests so far
 *   GET /charges?plans=<prefix> the off-session PaymentIntents of the plans whose id starts with
 *                               <prefix>, counted per plan and status (the fake's own records)
 */
import http from "node:http"
import type { AddressInfo } from "node:net"
import { startFakeStripe } from "../test-support/fake-stripe"

const API_KEY = process.env.BENCH_STRIPE_KEY ?? "sk_test_benchCollect"

/** The plan id of a collection's idempotency key, `collect:<plan id>:<instalment>.<attempt>…`. */
const planOf = (key: string | undefined) => (key?.startsWith("collect:") ? key.split(":")[1] : undefined)

async function main() {
  const fake = await startFakeStripe({ apiKey: API_KEY })

  function charges(prefix: string) {
    const perPlan = new Map<string, Record<string, number>>()
    for (const intent of fake.state.paymentIntents.values()) {
      const plan = planOf(intent.metadata.idempotency_key)
      if (!plan?.startsWith(prefix)) continue
      const counts = perPlan.get(plan) ?? {}
      counts[intent.status] = (counts[intent.status] ?? 0) + 1
      perPlan.set(plan, counts)
    }
    const succeededOnce = [...perPlan.values()].filter((c) => c.succeeded === 1 && Object.keys(c).length === 1).length
    const other = [...perPlan.entries()].filter(([, c]) => !(c.succeeded === 1 && Object.keys(c).length === 1)).slice(0, 5)
    return { plans: perPlan.size, succeededOnce, examplesOfOthers: Object.fromEntries(other) }
  }

  const questions = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://bench")
    const usage = process.cpuUsage()
    const body =
      url.pathname === "/usage"
        ? { cpuMs: (usage.user + usage.system) / 1000, requests: fake.requests.length }
        : url.pathname === "/charges"
          ? charges(url.searchParams.get("plans") ?? "")
          : undefined
    res.writeHead(body ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify(body ?? { error: "unknown question" }))
  })
  await new Promise<void>((resolve) => questions.listen(0, "127.0.0.1", resolve))
  process.stdout.write(JSON.stringify({ api: fake.port, bench: (questions.address() as AddressInfo).port }) + "\n")
}

main().catch((error) => {
  process.stderr.write(`fake Stripe failed: ${error.stack ?? error}\n`)
  process.exit(1)
})
