// The demo store. This repository is both the publishable plugin (src/) and a runnable Medusa
// store that loads the plugin from its TypeScript sources, so no second install is needed.
// A store that installs the package from npm writes the equivalent lines shown in README.md.
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/** Plugin options: the same object a store passes under `plugins: [{ resolve, options }]`. */
const instalmentsOptions = {
  processor: "sandbox",
  // The demo store declares a consumer-credit authorisation, so it offers every plan and fee (README,
  // "Consumer credit in direct mode"). INSTALMENTS_CREDIT_AUTHORISATION=false runs it as a store
  // without one (only the exempt plans), INSTALMENTS_MERCHANT_SIZE=large as a large seller.
  credit_authorisation: process.env.INSTALMENTS_CREDIT_AUTHORISATION !== "false",
  ...(process.env.INSTALMENTS_MERCHANT_SIZE ? { merchant_size: process.env.INSTALMENTS_MERCHANT_SIZE } : {}),
  // INSTALMENTS_DEFERRED_START=on_shipment starts plans when the order ships (the deferred-start tests use it).
  ...(process.env.INSTALMENTS_DEFERRED_START ? { deferred_start: process.env.INSTALMENTS_DEFERRED_START } : {}),
  // INSTALMENTS_REVISION_POLICY=last_first takes refunds off the last instalments instead of spreading them.
  ...(process.env.INSTALMENTS_REVISION_POLICY ? { revision_policy: process.env.INSTALMENTS_REVISION_POLICY } : {}),
  // INSTALMENTS_PLANS='{"p3x":{"fee_percent":10}}' sets the plans and their fees (the withdrawal tests use fees).
  ...(process.env.INSTALMENTS_PLANS ? { plans: JSON.parse(process.env.INSTALMENTS_PLANS) } : {}),
  // INSTALMENTS_SANDBOX_STORE=memory keeps the sandbox's records in the process (bench:collect compares both).
  ...(process.env.INSTALMENTS_SANDBOX_STORE ? { sandbox_store: process.env.INSTALMENTS_SANDBOX_STORE } : {}),
  // STRIPE_API_KEY switches the card processor to Stripe (its test mode with an sk_test_ key), with
  // STRIPE_WEBHOOK_SECRET (the whsec_ of the endpoint pointing at /hooks/instalments/stripe); the
  // tests point STRIPE_API_BASE at their fake Stripe (never in production: the module refuses it).
  // STRIPE_PUBLISHABLE_KEY (pk_test_ with an sk_test_ key) lets the self-service page run 3-D Secure.
  ...(process.env.STRIPE_API_KEY
    ? {
        processor: "stripe",
        stripe: {
          api_key: process.env.STRIPE_API_KEY,
          webhook_secret: process.env.STRIPE_WEBHOOK_SECRET,
          ...(process.env.STRIPE_API_BASE ? { api_base: process.env.STRIPE_API_BASE } : {}),
          ...(process.env.STRIPE_PUBLISHABLE_KEY ? { publishable_key: process.env.STRIPE_PUBLISHABLE_KEY } : {}),
        },
      }
    : {}),
  // INSTALMENTS_TEST_CLOCK=true turns on the sandbox test clock (POST /admin/instalments/sandbox/clock):
  // the demo (npm start) and the tests set it; never in production (the module refuses to start).
  ...(process.env.INSTALMENTS_TEST_CLOCK === "true" ? { test_clock: true } : {}),
  // The shoppers' signed links point at this server. Their key: INSTALMENTS_LINK_SECRET (npm start
  // keeps one in .demo/); without it, outside production, a key of the process (links die at restart).
  self_service: {
    ...(process.env.INSTALMENTS_LINK_SECRET ? { secret: process.env.INSTALMENTS_LINK_SECRET } : {}),
    base_url: process.env.INSTALMENTS_BASE_URL || `http://localhost:${process.env.PORT || 9000}`,
  },
}

/**
 * The Alma provider (Alma as the lender). Starting Medusa never calls Alma. Without ALMA_API_KEY
 * the demo talks to the local fake (`npm run fake-alma`, port 4010); with a real key it talks to
 * Alma's sandbox or live API (the key's mode) unless ALMA_API_ROOT says otherwise. The tests point
 * ALMA_API_ROOT at their msw fake.
 */
const almaOptions = {
  api_key: process.env.ALMA_API_KEY || "sk_test_demo_fake_alma",
  ...(process.env.ALMA_API_ROOT || !process.env.ALMA_API_KEY ? { api_root: process.env.ALMA_API_ROOT || "http://localhost:4010" } : {}),
  ...(process.env.ALMA_PLANS ? { plans: process.env.ALMA_PLANS.split(",").map((p) => p.trim()) } : {}),
  ...(process.env.ALMA_DEFERRED_TRIGGER ? { deferred_trigger: process.env.ALMA_DEFERRED_TRIGGER } : {}),
  return_url: process.env.ALMA_RETURN_URL || "http://localhost:8000/checkout/alma-return",
  ipn_url: process.env.ALMA_IPN_URL || `http://localhost:${process.env.PORT || 9000}/hooks/alma/ipn`,
  ...(process.env.ALMA_TIMEOUT_MS ? { timeout_ms: Number(process.env.ALMA_TIMEOUT_MS) } : {}),
}

/**
 * With REDIS_URL, the store runs on Medusa's Redis modules, as README "Running more than one
 * process" shows: several processes (servers and a worker, MEDUSA_WORKER_MODE=server|worker, which
 * Medusa reads itself) share events, workflows, locks and the cache. The multi-process test
 * (integration-tests/http/multi-process.spec.ts) and `bench:collect --workers` start their own
 * Redis and set it. Caching is Medusa's only with MEDUSA_FF_CACHING=true.
 */
const redisUrl = process.env.REDIS_URL
const redisModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      {
        resolve: "@medusajs/medusa/locking",
        options: { providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }] },
      },
      ...(process.env.MEDUSA_FF_CACHING === "true"
        ? [
            {
              resolve: "@medusajs/medusa/caching",
              options: { providers: [{ resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl } }] },
            },
          ]
        : []),
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000,http://localhost:9000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
  },
  // In store mode Medusa does not auto-register this repository's own modules, so the plugin's
  // module is listed here by path. Do not also list this repository under `plugins`: that would
  // load the stale compiled copy in .medusa/server next to src/.
  modules: [
    ...redisModules,
    {
      resolve: "./src/modules/instalments",
      options: instalmentsOptions,
    },
    {
      // The plugin's e-mails go out on the "email" channel; the demo logs them with Medusa's local
      // provider (and keeps them in the notification table). A real store puts SendGrid, Resend... here.
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { name: "Local Notification Provider", channels: ["feed", "email"] },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/payment",
      // Lets the payment provider reach the instalments module (plans, processor, ledger).
      dependencies: ["instalments"],
      options: {
        providers: [
          {
            resolve: "./src/providers/instalments",
            id: "instalments",
            options: {},
          },
          {
            resolve: "./src/providers/alma",
            id: "alma",
            options: almaOptions,
          },
        ],
      },
    },
  ],
})
