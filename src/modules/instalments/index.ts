import { Module } from "@medusajs/framework/utils"
import InstalmentsModuleService from "./service"

/** Container key of the module: `container.resolve(INSTALMENTS_MODULE)`. */
export const INSTALMENTS_MODULE = "instalments"

export default Module(INSTALMENTS_MODULE, {
  service: InstalmentsModuleService,
})

export { InstalmentsModuleService }
