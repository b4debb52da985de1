/**
 * A small client of Alma's merchant API on Node's fetch: every call has a timeout
 * (AbortSignal.timeout), answers are checked with zod, and failures become `AlmaApiError`s.
 *
 * Retries: only safe calls are tried again (reads, and eligibility, which changes nothing), after
 * a network error, a timeout or a 5xx, with a short backoff. Calls that change something at Alma
 * (create, refund, cancel, trigger...) are never retried blindly: a refund that timed out may have
 * happened, so the caller looks at the payment before trying again.
 */
import type { z } from "@medusajs/framework/zod"
import { AlmaApiError, describeErrorBody } from "./errors"
import type { AlmaConfig } from "./options"
import {
  ErrorBodySchema,
  EligibilityResponseSchema,
  PaymentSchema,
  RefundResponseSchema,
  type AlmaPayment,
  type EligibilityItem,
} from "./schemas"

export interface AlmaAddress {
  first_name?: string
  last_name?: string
  company?: string
  line1?: string
  line2?: string
  postal_code?: string
  city?: string
  country?: string
  email?: string
  phone?: string
}

export interface CreatePaymentBody {
  payment: {
    purchase_amount: number
    installments_count: number
    deferred_days?: number
    deferred_months?: number
    deferred?: "trigger"
    deferred_description?: string
    return_url?: string
    failure_return_url?: string
    customer_cancel_url?: string
    ipn_callback_url?: string
    locale?: string
    origin?: "online"
    billing_address?: AlmaAddress
    shipping_address?: AlmaAddress
    custom_data?: Record<string, unknown>
  }
  customer?: { first_name?: string; last_name?: string; email?: string; phone?: string }
  order?: { merchant_reference: string; merchant_url?: string; customer_url?: string }
}

export interface EligibilityBody {
  purchase_amount: number
  queries: { installments_count: number; deferred_days: number; deferred_months: number }[]
  billing_address?: { country: string }
  shipping_address?: { country: string }
  locale?: string
  origin?: "online"
}

type ClientConfig = Pick<AlmaConfig, "apiKey" | "apiRoot" | "timeoutMs" | "retries"> & {
  /** Base delay of the backoff between attempts, ms (doubles each time). */
  retryDelayMs?: number
  fetch?: typeof fetch
}

/** Per-call choices: `retry: false` asks Alma once (a request an anonymous caller triggered). */
export interface CallOptions {
  retry?: boolean
}

interface Call<T extends z.ZodType> {
  method: "GET" | "POST" | "PUT"
  path: string
  body?: unknown
  schema: T | null
  /** Safe to try again: reads and eligibility. */
  safe: boolean
  operation: string
  options?: CallOptions
}

export class AlmaClient {
  private readonly fetchImpl: typeof fetch
  private readonly retryDelayMs: number

  constructor(private readonly config: ClientConfig) {
    this.fetchImpl = config.fetch ?? ((...args) => fetch(...args))
    this.retryDelayMs = config.retryDelayMs ?? 150
  }

  get apiRoot(): string {
    return this.config.apiRoot
  }

  /** One call for every plan: one answer per query, in the same order. */
  async eligibility(body: EligibilityBody, options?: CallOptions): Promise<EligibilityItem[]> {
    const items = await this.call({ method: "POST", path: "/v2/payments/eligibility", body, schema: EligibilityResponseSchema, safe: true, operation: "check eligibility", options })
    if (items.length !== body.queries.length) {
      throw new AlmaApiError("bad_response", "check eligibility", `${items.length} answers for ${body.queries.length} plans`)
    }
    return items
  }

  async createPayment(body: CreatePaymentBody): Promise<AlmaPayment> {
    if (!Number.isSafeInteger(body.payment.purchase_amount) || body.payment.purchase_amount <= 0) {
      throw new AlmaApiError("validation", "create the payment", `purchase_amount must be a positive whole number of cents (got ${body.payment.purchase_amount})`)
    }
    return this.call({ method: "POST", path: "/v1/payments", body, schema: PaymentSchema, safe: false, operation: "create the payment" })
  }

  async getPayment(id: string, options?: CallOptions): Promise<AlmaPayment> {
    return this.call({ method: "GET", path: `/v1/payments/${encodeURIComponent(id)}`, schema: PaymentSchema, safe: true, operation: `fetch payment ${id}`, options })
  }

  /** A partial refund of `amount` cents; the Medusa refund id as `merchant_reference` makes a replay detectable. */
  async refund(id: string, input: { amount: number; merchant_reference: string; comment?: string }) {
    if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
      throw new AlmaApiError("validation", `refund payment ${id}`, `amount must be a positive whole number of cents (got ${input.amount})`)
    }
    return this.call({ method: "POST", path: `/v1/payments/${encodeURIComponent(id)}/refund`, body: input, schema: RefundResponseSchema, safe: false, operation: `refund payment ${id}` })
  }

  async cancel(id: string): Promise<void> {
    await this.call({ method: "PUT", path: `/v1/payments/${encodeURIComponent(id)}/cancel`, schema: null, safe: false, operation: `cancel payment ${id}` })
  }

  /** Starts a `deferred: "trigger"` payment: Alma takes the first instalment. */
  async trigger(id: string): Promise<AlmaPayment> {
    return this.call({ method: "POST", path: `/v1/payments/${encodeURIComponent(id)}/trigger`, schema: PaymentSchema, safe: false, operation: `trigger payment ${id}` })
  }

  async flagPotentialFraud(id: string, reason: string): Promise<void> {
    await this.call({ method: "POST", path: `/v1/payments/${encodeURIComponent(id)}/potential-fraud`, body: { reason }, schema: null, safe: false, operation: `flag payment ${id} as potential fraud` })
  }

  async pushOrderStatus(id: string, merchantReference: string, status: { status: string; is_shipped: boolean | null }): Promise<void> {
    const path = `/v1/payments/${encodeURIComponent(id)}/orders/${encodeURIComponent(merchantReference)}/status`
    await this.call({ method: "POST", path, body: status, schema: null, safe: false, operation: `send the order status of payment ${id}` })
  }

  // ---- transport --------------------------------------------------------------------------------

  private async call<T extends z.ZodType>(call: Call<T>): Promise<z.infer<T>> {
    const attempts = call.safe && call.options?.retry !== false ? 1 + this.config.retries : 1
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(call)
      } catch (error) {
        const retry = error instanceof AlmaApiError && error.transient && attempt < attempts
        if (!retry) throw error
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * 2 ** (attempt - 1)))
      }
    }
  }

  private async once<T extends z.ZodType>(call: Call<T>): Promise<z.infer<T>> {
    const response = await this.send(call)
    const text = await response.text()
    if (!response.ok) throw this.httpError(call, response, text)
    if (!call.schema) return undefined as z.infer<T>
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new AlmaApiError("bad_response", call.operation, `HTTP ${response.status} with a body that is not JSON`, response.status)
    }
    const parsed = call.schema.safeParse(json)
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
      throw new AlmaApiError("bad_response", call.operation, issues.join("; "), response.status)
    }
    return parsed.data
  }

  private async send(call: Call<z.ZodType>): Promise<Response> {
    const headers: Record<string, string> = {
      Authorization: `Alma-Auth ${this.config.apiKey}`,
      Accept: "application/json",
      "User-Agent": "medusa-instalments (Medusa v2)",
    }
    // POST and PUT always carry a body: Alma answers 411 to an empty one without a length.
    const hasBody = call.method !== "GET"
    if (hasBody) headers["Content-Type"] = "application/json"
    try {
      return await this.fetchImpl(`${this.config.apiRoot}${call.path}`, {
        method: call.method,
        headers,
        body: hasBody ? JSON.stringify(call.body ?? {}) : undefined,
        signal: AbortSignal.timeout(this.config.timeoutMs),
      })
    } catch (error) {
      const name = (error as { name?: string } | null)?.name
      if (name === "TimeoutError" || name === "AbortError") {
        throw new AlmaApiError("timeout", call.operation, `no answer within ${this.config.timeoutMs} ms`)
      }
      const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause
      throw new AlmaApiError("network", call.operation, `${cause?.code ?? cause?.message ?? (error as Error)?.message ?? "connection failed"} at ${this.config.apiRoot}`)
    }
  }

  private httpError(call: Call<z.ZodType>, response: Response, text: string): AlmaApiError {
    let body: ReturnType<typeof ErrorBodySchema.parse> | undefined
    if ((response.headers.get("content-type") ?? "").includes("json")) {
      try {
        const parsed = ErrorBodySchema.safeParse(JSON.parse(text))
        if (parsed.success) body = parsed.data
      } catch {
        // not JSON after all: keep the status only
      }
    }
    const status = response.status
    const detail = `HTTP ${status}: ${describeErrorBody(body)}`
    const kind =
      status === 401 ? "unauthorized" : status === 403 ? "forbidden" : status === 404 ? "not_found" : status >= 500 ? "server" : "validation"
    return new AlmaApiError(kind, call.operation, detail, status, body)
  }
}
