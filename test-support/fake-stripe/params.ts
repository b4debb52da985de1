/**
 * Request parameters as Stripe receives them: `application/x-www-form-urlencoded` with bracketed
 * keys (`metadata[plan]=…`, `expand[0]=…`), which the SDK sends; read back into nested objects of
 * strings, then into the types each parameter has.
 */
import { invalidRequest } from "./errors"

export type Params = { [key: string]: string | Params | Array<string | Params> }

/** Parses a form body or query string into nested objects (numeric brackets make arrays). */
export function parseForm(text: string): Params {
  const root: Params = {}
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const path = rawKey.replace(/\]/g, "").split("[")
    let node: Params = root
    path.forEach((segment, i) => {
      const last = i === path.length - 1
      const key = segment === "" ? String(Object.keys(node).length) : segment
      if (last) node[key] = value
      else node = (node[key] ??= {}) as Params
    })
  }
  return arraysFromIndices(root) as Params
}

/** `{ "0": a, "1": b }` → `[a, b]`, all the way down. */
function arraysFromIndices(node: Params | string): unknown {
  if (typeof node === "string") return node
  const keys = Object.keys(node)
  const entries = keys.map((k) => [k, arraysFromIndices(node[k] as Params)] as const)
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return entries.map(([, v]) => v)
  return Object.fromEntries(entries)
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name]
  if (value === undefined || value === "") return undefined
  if (typeof value !== "string") throw invalidRequest(`Invalid string: ${name}`, name)
  return value
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name)
  if (value === undefined) throw invalidRequest(`Missing required param: ${name}.`, name, "parameter_missing")
  return value
}

export function optionalInteger(params: Params, name: string): number | undefined {
  const value = optionalString(params, name)
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw invalidRequest(`Invalid integer: ${value}`, name)
  return Number(value)
}

export function optionalBoolean(params: Params, name: string): boolean | undefined {
  const value = optionalString(params, name)
  if (value === undefined) return undefined
  if (value !== "true" && value !== "false") throw invalidRequest(`Invalid boolean: ${value}`, name)
  return value === "true"
}

/** `metadata[…]`: strings only, at most 50 keys, as Stripe documents. */
export function metadataOf(params: Params): Record<string, string> {
  const value = params.metadata
  if (value === undefined || value === "") return {}
  if (typeof value !== "object" || Array.isArray(value)) throw invalidRequest("Invalid metadata", "metadata")
  const entries = Object.entries(value)
  if (entries.length > 50) throw invalidRequest("Metadata can have at most 50 keys", "metadata")
  for (const [, v] of entries) if (typeof v !== "string") throw invalidRequest("Metadata values must be strings", "metadata")
  return Object.fromEntries(entries) as Record<string, string>
}

export function expandOf(params: Params): string[] {
  const value = params.expand
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string")
}
