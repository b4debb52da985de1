// The demo store. This repository is both the publishable plugin (src/) and a runnable Medusa
// store that loads the plugin from its TypeScript sources, so no second install is needed.
// A store that installs the package from npm writes the equivalent lines shown in README.md.
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/** Plugin options: the same object a store passes under `plugins: [{ resolve, options }]`. */
const instalmentsOptions = {
  processor: "sandbox",
}

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
    {
      resolve: "./src/modules/instalments",
      options: instalmentsOptions,
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
        ],
      },
    },
  ],
})
