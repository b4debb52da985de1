export * from "./port"
export * from "./sandbox"
