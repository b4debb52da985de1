import type { Locale } from "../codes"
import { de } from "./de"
import { en } from "./en"
import { es } from "./es"
import { fr } from "./fr"
import { it } from "./it"
import type { Messages } from "./messages"
import { nl } from "./nl"

/**
 * Every catalogue, by locale. A locale of `codes.ts` without its catalogue is a type error here.
 * (The per-locale objects are not re-exported: `it`, `de`... would be awkward names at top level.)
 */
export const MESSAGES: Readonly<Record<Locale, Messages>> = { fr, es, de, it, nl, en }
