/**
 * How the client reaches the store: the browser's fetch with a base URL and a publishable key, or
 * an instance of `@medusajs/js-sdk` (its auth, locale and headers then apply). Either way a request
 * answers its status, JSON body and headers and never throws on an HTTP status: the client decides
 * what each status means. Only a network failure throws.
 */

export interface HttpRequest {
  method: "GET" | "POST"
  query?: Record<string, string | number | undefined>
  body?: Record<string, unknown>
  headers?: Record<string, string>
}

export interface HttpAnswer {
  status: number
  body: unknown
  headers: { get(name: string): string | null }
}

export type Transport = (path: string, request: HttpRequest) => Promise<HttpAnswer>

/** The part of `@medusajs/js-sdk`'s `Medusa` instance the kit uses (`sdk.client.fetch`). */
export interface MedusaSdkLike {
  client: {
    fetch<T>(path: string, init?: { method?: string; query?: Record<string, unknown>; body?: Record<string, unknown>; headers?: Record<string, string> }): Promise<T>
  }
}

const NO_HEADERS = { get: () => null }

function queryString(query: HttpRequest["query"]): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, String(value))
  const text = params.toString()
  return text ? `?${text}` : ""
}

async function jsonOf(response: { json(): Promise<unknown> }): Promise<unknown> {
  return response.json().catch(() => ({}))
}

/** Over `fetch` (the browser's, Node's, or one you pass), with the store's publishable key. */
export interface FetchOptions {
  baseUrl: string
  publishableKey: string
  fetch?: typeof fetch
  headers?: Record<string, string>
  /** "include" sends the store's cookies cross-origin (a customer's session); the browser's default otherwise. */
  credentials?: RequestCredentials
}

export function fetchTransport(options: FetchOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, "")
  const doFetch = options.fetch ?? fetch
  return async (path, request) => {
    const response = await doFetch(`${base}${path}${queryString(request.query)}`, {
      method: request.method,
      headers: {
        accept: "application/json",
        "x-publishable-api-key": options.publishableKey,
        ...(request.body ? { "content-type": "application/json" } : {}),
        ...options.headers,
        ...request.headers,
      },
      body: request.body ? JSON.stringify(request.body) : undefined,
      ...(options.credentials ? { credentials: options.credentials } : {}),
    })
    return { status: response.status, body: await jsonOf(response), headers: response.headers }
  }
}

/** js-sdk's FetchError: a non-2xx status, with the server's message. */
function isFetchError(error: unknown): error is Error & { status: number } {
  return error instanceof Error && typeof (error as { status?: unknown }).status === "number"
}

/**
 * Over `sdk.client.fetch`. Asking for `accept: *\/*` makes the sdk hand back the raw Response, so
 * the client can read a header (the renewed self-service token); a non-2xx status is the sdk's
 * FetchError, which carries the server's message.
 */
export function sdkTransport(sdk: MedusaSdkLike): Transport {
  return async (path, request) => {
    try {
      const response = await sdk.client.fetch<Response>(path, {
        method: request.method,
        query: request.query,
        body: request.body,
        headers: { ...request.headers, accept: "*/*" },
      })
      return { status: response.status, body: await jsonOf(response), headers: response.headers }
    } catch (error) {
      if (!isFetchError(error)) throw error
      return { status: error.status, body: { message: error.message }, headers: NO_HEADERS }
    }
  }
}

/** How to reach the store: js-sdk, a base URL and publishable key, or a transport of your own. */
export type ClientOptions =
  | { sdk: MedusaSdkLike }
  | FetchOptions
  | { transport: Transport }

export function transportOf(options: ClientOptions): Transport {
  if ("transport" in options) return options.transport
  if ("sdk" in options) return sdkTransport(options.sdk)
  return fetchTransport(options)
}
