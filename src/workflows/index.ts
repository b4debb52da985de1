export * from "./collect-due-instalments"
export * from "./send-due-reminders"
export * from "./sandbox-clock"
