/**
 * A fake Stripe for the files of http/with-stripe: the stateful fake (test-support/fake-stripe) on a
 * loopback port, and the environment medusa-config.ts reads to make Stripe the card processor,
 * pointed at it. Their entry (with-stripe.spec.ts) sets the environment with `shareFakeStripe` when
 * the suite is declared, before medusaIntegrationTestRunner loads the config (so the port is chosen
 * then, synchronously), and puts it back when the file ends; each file's `useFakeStripe` starts a
 * fake of its own on that port.
 */
import { execFileSync } from "node:child_process"
import { type FakeStripe, startFakeStripe } from "../../test-support/fake-stripe"
import { useFileEnv } from "./env"

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
 * A file of http/with-stripe calls it inside its suite (its hooks are the file's): the entry set the
 * environment, and the file's own fake starts on the entry's port before its tests and stops after
 * them, so nothing a file did at Stripe is seen by the next.
 */
export function useFakeStripe(): { readonly fake: FakeStripe } {
  if (!shared) throw new Error("useFakeStripe runs in a file of http/with-stripe, from its entry (with-stripe.spec.ts, shareFakeStripe)")
  const { port, input: { apiKey } } = shared
  const holder = {} as { fake: FakeStripe }
  beforeAll(async () => {
    holder.fake = await startFakeStripe({ apiKey, port })
  })
  afterAll(async () => {
    await holder.fake?.close()
  })
  return holder
}

/** For a folder's entry: Stripe's environment (`publishableKey`: the module's `stripe.publishable_key`, for the self-service page's 3-D Secure), on a port each file's fake takes in turn. */
export function shareFakeStripe(input: FakeStripeInput) {
  const port = freePortNow()
  useFileEnv(stripeEnv(input, port))
  shared = { port, input }
  afterAll(() => {
    shared = null
  })
}

/** What medusa-config.ts reads to make Stripe the processor, pointed at the fake's port. */
function stripeEnv(input: FakeStripeInput, port: number): Record<string, string> {
  return {
    STRIPE_API_KEY: input.apiKey,
    STRIPE_WEBHOOK_SECRET: input.webhookSecret,
    STRIPE_API_BASE: `http://127.0.0.1:${port}`,
    ...(input.publishableKey ? { STRIPE_PUBLISHABLE_KEY: input.publishableKey } : {}),
  }
}
