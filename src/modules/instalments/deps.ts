/**
 * What the module's job files (checkout/, medusa-payments/, card-change.ts, ledger.ts,
 * lender-mirror.ts, operations/, linked/, support/) need from the module service: the processor, the clock,
 * transactions, the event bus and the services Medusa generates for the module's tables. The
 * service builds it once (service.ts) and passes it to each of them: none of them holds state.
 */
import type { IEventBusModuleService } from "@medusajs/framework/types"
import type { LocalDate } from "../../domain/calendar"
import type { ModuleSettings } from "./boot"
import type { OperationsDeps } from "./operations/run"
import { emitPluginEvents } from "./plugin-events"
import type { PluginLogger } from "./plugin-logger"
import type InstalmentsModuleService from "./service"

/** The reads and writes Medusa generates (and the service's own plan reads), in the transaction a context names. */
export type ModuleEntities = Pick<
  InstalmentsModuleService,
  | "loadPlan"
  | "findPlanBySession"
  | "listInstalmentPlans"
  | "createInstalmentPlans"
  | "updateInstalmentPlans"
  | "createInstalments"
  | "updateInstalments"
  | "listInstalmentPlanEvents"
  | "createInstalmentPlanEvents"
  | "listInstalmentSupportRequests"
  | "createInstalmentSupportRequests"
  | "updateInstalmentSupportRequests"
  | "createInstalmentSupportMessages"
>

export interface ModuleDeps extends OperationsDeps {
  /** Today on the shoppers' calendar (the engine's time zone), by the module's clock. */
  today(): LocalDate
  /** Version of the credit terms a shopper accepts at checkout. */
  readonly termsVersion: string
  readonly entities: ModuleEntities
}

/** What the service gives the job files: its settings, its clock, its generated services and its two SQL entry points. */
export interface ServiceParts {
  readonly settings: ModuleSettings
  readonly service: ModuleEntities & Pick<InstalmentsModuleService, "now" | "today" | "revisionContext">
  readonly transaction: ModuleDeps["transaction"]
  readonly read: ModuleDeps["read"]
  readonly eventBus: () => IEventBusModuleService | undefined
  readonly logger: PluginLogger
  readonly staleAfterMs: number
  readonly reconcileOperation: (deps: ModuleDeps, operationId: string) => Promise<unknown>
}

export function moduleDeps(parts: ServiceParts): ModuleDeps {
  const { settings, service } = parts
  const deps: ModuleDeps = {
    processor: settings.processor,
    engineConfig: settings.engineConfig,
    termsVersion: settings.termsVersion,
    entities: service,
    context: () => service.revisionContext(),
    now: () => service.now(),
    today: () => service.today(),
    transaction: parts.transaction,
    read: parts.read,
    emit: (events) => emitPluginEvents(parts.eventBus(), events, parts.logger),
    logger: parts.logger,
    busyWaitMs: settings.busyWaitMs,
    staleAfterMs: parts.staleAfterMs,
    reconcileOperation: async (id) => {
      await parts.reconcileOperation(deps, id)
    },
  }
  return deps
}
