/**
 * A fake Stripe for an integration test file: the stateful fake (test-support/fake-stripe) on a
 * loopback port, and the environment medusa-config.ts reads to make Stripe the card processor,
 * pointed at it. Call it when the suite is declared, before medusaIntegrationTestRunner loads the
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

type FakeStripeInput = { apiKey: string; webhookSecret: string; publishableKey?: string }

/** The Stripe of the http/with-stripe files. */
export const WITH_STRIPE: FakeStripeInput = { apiKey: "sk_test_integrationStripe", webhookSecret: "whsec_integrationStripe", publishableKey: "pk_test_integrationStripe" }

/** The port and configuration of the entry running a folder's files (shareFakeStripe), while it runs them. */
let shared: { port: number; input: FakeStripeInput } | null = null

/**
 * `publishableKey`: the module's `stripe.publishable_key` (the self-service page's 3-D Secure).
 * In a file of http/with-stripe, call it inside the suite (its hooks are the file's): the entry set
 * the environment, and the file's own fake starts on the entry's port before its tests and stops
 * after them, so nothing a file did at Stripe is seen by the next.
 */
export function useFakeStripe(input: FakeStripeInput): { readonly fake: FakeStripe } {
  if (shared) {
    if (JSON.stringify(input) !== JSON.stringify(shared.input)) {
      throw new Error(`this file asks for Stripe ${JSON.stringify(input)}, but its folder's app runs with ${JSON.stringify(shared.input)}: use the folder's (WITH_STRIPE)`)
    }
    return fakeOnPort(input, shared.port)
  }
  const port = freePortNow()
  const restoreEnv = setStripeEnv(input, port)
  const holder = fakeOnPort(input, port)
  afterAll(restoreEnv)
  return holder
}

/** For a folder's entry: Stripe's environment, on a port each file's fake takes in turn. */
export function shareFakeStripe(input: FakeStripeInput) {
  const port = freePortNow()
  const restoreEnv = setStripeEnv(input, port)
  shared = { port, input }
  afterAll(() => {
    shared = null
    restoreEnv()
  })
}

function fakeOnPort(input: FakeStripeInput, port: number): { readonly fake: FakeStripe } {
  const holder = {} as { fake: FakeStripe }
  beforeAll(async () => {
    holder.fake = await startFakeStripe({ apiKey: input.apiKey, port })
  })
  afterAll(async () => {
    await holder.fake?.close()
  })
  return holder
}

/** Sets what medusa-config.ts reads to make Stripe the processor; answers how to put it back. */
function setStripeEnv(input: FakeStripeInput, port: number): () => void {
  const env: Record<string, string> = {
    STRIPE_API_KEY: input.apiKey,
    STRIPE_WEBHOOK_SECRET: input.webhookSecret,
    STRIPE_API_BASE: `http://127.0.0.1:${port}`,
    ...(input.publishableKey ? { STRIPE_PUBLISHABLE_KEY: input.publishableKey } : {}),
  }
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]))
  Object.assign(process.env, env)
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}
