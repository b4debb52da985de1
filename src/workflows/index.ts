export * from "./collect-due-instalments"
