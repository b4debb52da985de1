export * from "./port"
export * from "./sandbox"
export * from "./stripe"
