import Medusa from "@medusajs/js-sdk"

/**
 * The admin's own session (cookie) authenticates these calls, as for every dashboard page.
 * In a plugin the backend URL comes from the global the admin bundler defines (see vite-env.d.ts).
 */
export const sdk = new Medusa({
  baseUrl: (typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__) || "/",
  auth: { type: "session" },
})
