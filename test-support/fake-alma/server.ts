/**
 * Serves the fake Alma's msw handlers over plain HTTP (node:http, no extra dependency): each
 * request becomes a Fetch Request and msw's `getResponse` answers it.
 */
import http from "node:http"
import { getResponse } from "msw"
import { createFakeAlma } from "./index"

export async function startFakeAlmaServer(options: { port: number; apiKey: string; host?: string }) {
  const host = options.host ?? "localhost"
  const apiRoot = `http://${host}:${options.port}`
  const alma = createFakeAlma({ apiRoot, apiKey: options.apiKey })
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const body = chunks.length ? Buffer.concat(chunks) : undefined
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value)
      const request = new Request(`${apiRoot}${req.url ?? "/"}`, {
        method: req.method,
        headers,
        body: body && req.method !== "GET" && req.method !== "HEAD" ? body : undefined,
      })
      // An HTML form posts urlencoded data; the hosted page's actions need no body.
      const response = await getResponse(alma.handlers, request)
      if (!response) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error_code: "not_found", message: `fake Alma has no ${req.method} ${req.url}` }))
        return
      }
      if (response.type === "error") {
        req.socket.destroy()
        return
      }
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()))
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: String(error) }))
    }
  })
  await new Promise<void>((resolve) => server.listen(options.port, host, resolve))
  return { server, apiRoot, state: alma.state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
