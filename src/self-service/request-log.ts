/**
 * Keeps self-service tokens out of the request log (M2). Medusa logs every request with morgan
 * (@medusajs/framework/dist/http/express-loader.js, at the default log level `http`): the `:url`
 * token, read when the response finishes, is `req.originalUrl || req.url`, query string included.
 * An e-mail's link carries its token in the query (`/instalments/plans/:id?token=…`), so this
 * middleware rewrites `req.originalUrl` with the token's value replaced by "redacted" before the
 * route runs; the line morgan writes afterwards never holds it. `req.url` and `req.query` (what
 * Express routes on and what the route reads) stay as they were.
 *
 * It runs on the plugin's routes that may receive a token in the query (see src/api/middlewares.ts).
 * A request Medusa refuses before them (a /store request without its publishable key) is logged
 * as sent: storefronts pass the token in the x-instalments-token header, never in a URL.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

const REDACTED = "redacted"

/** Whether a query key names the token: `token`, or an array/object form of it (`token[]`, `token[a]`). */
function isTokenKey(rawKey: string): boolean {
  let key = rawKey.replace(/\+/g, " ")
  try {
    key = decodeURIComponent(key)
  } catch {
    // A malformed escape: judge the key as written.
  }
  return key === "token" || key.startsWith("token[")
}

/** `url` with the value of every `token` query parameter replaced by "redacted". */
export function redactTokens(url: string): string {
  const queryStart = url.indexOf("?")
  if (queryStart === -1) return url
  const hashStart = url.indexOf("#", queryStart)
  const query = url.slice(queryStart + 1, hashStart === -1 ? undefined : hashStart)
  const redacted = query
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=")
      const key = equals === -1 ? pair : pair.slice(0, equals)
      return isTokenKey(key) ? `${key}=${REDACTED}` : pair
    })
    .join("&")
  return `${url.slice(0, queryStart + 1)}${redacted}${hashStart === -1 ? "" : url.slice(hashStart)}`
}

/** The middleware: the request log shows the URL without the token. */
export function keepTokensOutOfRequestLog(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (req.originalUrl) req.originalUrl = redactTokens(req.originalUrl)
  next()
}
