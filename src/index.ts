/**
 * What a store imports from "medusa-instalments": the types of what it writes in medusa-config.ts.
 * Medusa itself loads the plugin from its folders (modules, providers, api, jobs...), not from here.
 *
 *   import type { InstalmentsOptions } from "medusa-instalments"
 *
 *   plugins: [{ resolve: "medusa-instalments", options: { plans: ["p2x", "d30"] } satisfies InstalmentsOptions }]
 *
 * README.md, "Options", says what each option does.
 */
import type { InstalmentsModuleOptions } from "./modules/instalments/service"
import type { PluginOptions } from "./options/plugin-options"
import type { SelfServiceOptionsInput } from "./modules/instalments/shopper-links/options"

/** The plugin's options: the plans and their rules, plus the module's wiring choices. */
export type InstalmentsOptions = PluginOptions &
  Pick<InstalmentsModuleOptions, "processor" | "sandbox_store" | "busy_wait_ms" | "terms_version" | "test_clock"> & {
    /** The shoppers' signed links: `{ secret, base_url, link_ttl_days }`. */
    self_service?: SelfServiceOptionsInput
  }

export type { PlanOptions } from "./options/plugin-options"
export type { SelfServiceOptionsInput as SelfServiceOptions } from "./modules/instalments/shopper-links/options"
/** Options of the `alma` payment provider (`medusa-instalments/providers/alma`). */
export type { AlmaOptions } from "./lenders/alma/options"
export type { ProcessorFactory } from "./modules/instalments/service"
