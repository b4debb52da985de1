/**
 * Test helpers for the sandbox processor's tests (not shipped: tsconfig excludes __tests__).
 */
import type { ProcessorResult } from "../../port"
import { createSandboxProcessor } from "../adapter"
import { createSandboxClock } from "../clock"
import { type SandboxStore, createMemorySandboxStore } from "../store"

export const START = new Date("2025-03-15T12:00:00Z")
export const eur = (cents: number) => ({ cents, currency: "eur" })

/** A processor on a frozen clock at START. */
export function setup(store: SandboxStore = createMemorySandboxStore()) {
  const clock = createSandboxClock({ start: START, frozen: true })
  const processor = createSandboxProcessor({ clock, store })
  return { clock, store, processor }
}

export function value<T>(result: ProcessorResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value
}

export function errorCode(result: ProcessorResult<unknown>): string {
  if (result.ok) throw new Error("expected an error")
  return result.error.code
}

/** A store whose every call takes a little time, so concurrent calls really interleave. */
export function slowStore(inner = createMemorySandboxStore()) {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 2))
  const slow =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await pause()
      return call(...args)
    }
  const store: SandboxStore = {
    get: slow(inner.get.bind(inner)) as SandboxStore["get"],
    put: slow(inner.put.bind(inner)),
    claim: slow(inner.claim.bind(inner)) as SandboxStore["claim"],
    release: slow(inner.release.bind(inner)),
    list: slow(inner.list.bind(inner)) as SandboxStore["list"],
  }
  return { inner, store }
}

export function keysWithPrefix(entries: Array<[string, unknown]>, prefix: string) {
  return entries.filter(([k]) => k.startsWith(prefix))
}
