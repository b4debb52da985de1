/**
 * The specs of the Stripe processor (the plugin's stateful fake Stripe on a loopback port), each
 * file of ./with-stripe on one app (helpers/shared-app.ts) configured for Stripe (helpers/stripe.ts,
 * WITH_STRIPE); each file still gets a fake Stripe of its own.
 *  - stripe-processor: checkout, collection, refunds and webhooks through Stripe;
 *  - stripe-three-d-secure: 3-D Secure at checkout and from the self-service page.
 */
import path from "node:path"
import { shareOneApp } from "../helpers/shared-app"
import { shareFakeStripe, WITH_STRIPE } from "../helpers/stripe"

jest.setTimeout(240_000)

shareFakeStripe(WITH_STRIPE)
// The carts its tests take most, made ready with the seed (helpers/shop.ts).
shareOneApp(path.join(__dirname, "with-stripe"), { readyCarts: { "office-chair": 2 } })
