/**
 * The demo storefront's tiny static server (node:http), used by `npm start` and the browser tests
 * alike. It serves the built files, answers any page path with index.html (the storefront picks
 * the page from the address), and tells the page where the store is:
 *
 *   GET /config.json  → { storeUrl, publishableKey, regionId }
 *
 * Demo only, with `admin` given: GET /demo/self-service-link?order_id=… answers the signed link
 * of the order's plan, read from the Admin API with the demo's public admin login. A real store
 * never gives its storefront an admin login: the shopper gets that link in the confirmation
 * e-mail, which the demo only logs.
 */
import fs from "node:fs"
import http from "node:http"
import path from "node:path"

export interface StorefrontConfig {
  /** The Medusa server, as the browser reaches it (http://localhost:9000). */
  storeUrl: string
  publishableKey: string
  regionId: string
}

export interface StorefrontServerOptions {
  /** The built files (buildStorefront's outDir). */
  dir: string
  /** 0 picks a free port. */
  port: number
  /** 127.0.0.1 unless told: the demo's keys and admin login are public. */
  host?: string
  config: StorefrontConfig
  /** The demo's admin login, for /demo/self-service-link. */
  admin?: { email: string; password: string }
}

export interface StorefrontServer {
  /** http://localhost:<port> */
  url: string
  port: number
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-cache", "x-content-type-options": "nosniff" }).end(body)
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  send(res, status, TYPES[".json"], JSON.stringify(body))
}

/** A file of `dir` for the URL's path, or undefined (never a file outside `dir`). */
function fileFor(dir: string, pathname: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined // a malformed %-escape names no file
  }
  const file = path.resolve(dir, `.${decoded}`)
  if (!file.startsWith(dir + path.sep)) return undefined
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined
}

/** The Admin API with the demo's login: the signed self-service link of an order's plan. */
function selfServiceLinks(storeUrl: string, admin: { email: string; password: string }) {
  let token: string | undefined
  async function adminGet(route: string): Promise<any> {
    if (!token) {
      const login = await fetch(`${storeUrl}/auth/user/emailpass`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(admin),
      })
      if (!login.ok) throw new Error(`the demo's admin login was refused (${login.status})`)
      token = ((await login.json()) as { token: string }).token
    }
    const res = await fetch(`${storeUrl}${route}`, { headers: { authorization: `Bearer ${token}` } })
    if (res.status === 401) token = undefined
    if (!res.ok) throw new Error(`GET ${route}: ${res.status}`)
    return res.json()
  }
  return async function linkOf(orderId: string): Promise<string | null> {
    const { instalment_plans } = await adminGet(`/admin/instalment-plans?order_id=${encodeURIComponent(orderId)}`)
    if (!instalment_plans?.length) return null
    const { instalment_plan } = await adminGet(`/admin/instalment-plans/${encodeURIComponent(instalment_plans[0].id)}`)
    return instalment_plan.self_service_url ?? null
  }
}

export async function startStorefrontServer(options: StorefrontServerOptions): Promise<StorefrontServer> {
  const dir = path.resolve(options.dir)
  const index = path.join(dir, "index.html")
  if (!fs.existsSync(index)) throw new Error(`${index} is missing: build the storefront first (buildStorefront)`)
  const linkOf = options.admin ? selfServiceLinks(options.config.storeUrl, options.admin) : undefined

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://storefront")
    try {
      if (req.method !== "GET" && req.method !== "HEAD") return json(res, 405, { message: "The storefront's server only serves GET" })
      if (url.pathname === "/config.json") return json(res, 200, options.config)
      if (url.pathname === "/demo/self-service-link") {
        const orderId = url.searchParams.get("order_id")
        if (!linkOf) return json(res, 404, { message: "No admin login given to this server: the link is in the e-mail" })
        if (!orderId) return json(res, 400, { message: "order_id is required" })
        const link = await linkOf(orderId)
        return link ? json(res, 200, { url: link }) : json(res, 404, { message: `No plan attached to order ${orderId} yet` })
      }
      const file = fileFor(dir, url.pathname)
      if (file) return send(res, 200, TYPES[path.extname(file)] ?? "application/octet-stream", fs.readFileSync(file))
      // A path with an extension is a missing file; any other is a page of the storefront.
      if (path.extname(url.pathname)) return send(res, 404, "text/plain", "Not found")
      return send(res, 200, TYPES[".html"], fs.readFileSync(index))
    } catch (error) {
      json(res, 502, { message: String((error as Error).message ?? error) })
    }
  })
  const host = options.host ?? "127.0.0.1"
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port, host, resolve)
  })
  const port = (server.address() as { port: number }).port
  return {
    url: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
