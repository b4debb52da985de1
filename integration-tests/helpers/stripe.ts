/**
 * A fake Stripe for an integration test file: the stateful fake (test-support/fake-stripe) on a
 * loopback port, and the environment medusa-config.ts reads to make Stripe the card processor,
 * pointed at it. Call at the top of the spec file, before medusaIntegrationTestRunner loads the
 * config (so the port is chosen now, synchronously); the fake starts before the tests and the
 * environment is restored when the file ends.
 */
import { execFileSync } from "node:child_process"
import { type FakeStripe, startFakeStripe } from "../../test-support/fake-stripe"

/** A free loopback port, found by a child process so that it is known when the suite is declared. */
function freePortNow(): number {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }))
}

/** `publishableKey`: the module's `stripe.publishable_key` (the self-service page's 3-D Secure). */
export function useFakeStripe(input: { apiKey: string; webhookSecret: string; publishableKey?: string }): { readonly fake: FakeStripe } {
  const port = freePortNow()
  const env: Record<string, string> = {
    STRIPE_API_KEY: input.apiKey,
    STRIPE_WEBHOOK_SECRET: input.webhookSecret,
    STRIPE_API_BASE: `http://127.0.0.1:${port}`,
    ...(input.publishableKey ? { STRIPE_PUBLISHABLE_KEY: input.publishableKey } : {}),
  }
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]))
  Object.assign(process.env, env)
  const holder = {} as { fake: FakeStripe }
  beforeAll(async () => {
    holder.fake = await startFakeStripe({ apiKey: input.apiKey, port })
  })
  afterAll(async () => {
    await holder.fake?.close()
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })
  return holder
}
