import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import AlmaProviderService from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [AlmaProviderService],
})
