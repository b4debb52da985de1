/**
 * The storefront client: one object over the plugin's Store routes and Medusa's checkout routes.
 *
 *   const client = createInstalmentsClient({ sdk })                              // @medusajs/js-sdk
 *   const client = createInstalmentsClient({ baseUrl, publishableKey })          // plain fetch
 *
 * No React and no server code: usable from any storefront, in the browser or on a server.
 */
import { checkoutCalls } from "./checkout.js"
import { selfServiceCalls } from "./self-service.js"
import { transportOf, type ClientOptions } from "./transport.js"

export type { ClientOptions }

export function createInstalmentsClient(options: ClientOptions) {
  const send = transportOf(options)
  return { ...checkoutCalls(send), ...selfServiceCalls(send) }
}

export type InstalmentsClient = ReturnType<typeof createInstalmentsClient>
