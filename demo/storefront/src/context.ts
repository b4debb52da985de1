/** What every page reads: the shop's clients and the shopper's language. */
import { createContext, useContext } from "react"
import type { Language, WordKey } from "./i18n"
import type { Shop } from "./shop"

export interface DemoContext {
  shop: Shop
  language: Language
  say: (key: WordKey, values?: Record<string, string | number>) => string
}

export const Demo = createContext<DemoContext | null>(null)

export function useDemo(): DemoContext {
  const value = useContext(Demo)
  if (!value) throw new Error("useDemo outside <Demo.Provider>")
  return value
}
