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
import { fetchTransport, sdkTransport, type MedusaSdkLike, type Transport } from "./transport.js"

export type ClientOptions =
  | { sdk: MedusaSdkLike }
  | { baseUrl: string; publishableKey: string; fetch?: typeof fetch; headers?: Record<string, string> }
  | { transport: Transport }

function transportOf(options: ClientOptions): Transport {
  if ("transport" in options) return options.transport
  if ("sdk" in options) return sdkTransport(options.sdk)
  return fetchTransport(options)
}

export function createInstalmentsClient(options: ClientOptions) {
  const send = transportOf(options)
  return { ...checkoutCalls(send), ...selfServiceCalls(send) }
}

export type InstalmentsClient = ReturnType<typeof createInstalmentsClient>
