import * as domain from "./index"

describe("public API", () => {
  it("exports what the Medusa wiring calls", () => {
    const names = [
      "money", "add", "subtract", "isZero", "compare", "sum", "percentOf", "splitEvenly", "allocate", "fromMajor", "toMajor", "toMajorString",
      "addDays", "addMonthsClamped", "daysBetween", "compareDates", "toLocalDate",
      "instalmentCount", "isDeferred", "chargesAtCheckout", "defaultEngineConfig",
      "quotePlan", "quoteAll", "checkEligibility", "createPlan", "startDeferredPlan", "outstanding", "netPaid", "nextDue",
      "canTransition", "assertTransition", "cancelPlan", "applyRefund", "applyExchange", "recordExchangePayment", "payEarly", "postpone",
      "withdraw", "terminate", "freeze", "unfreeze", "flagFraud", "applyLateFee", "collectDue", "applyChargeSucceeded", "applyChargeFailed",
      "evaluateDelays", "checkInvariants", "PLAN_CODES",
    ]
    for (const name of names) expect(typeof (domain as Record<string, unknown>)[name]).not.toBe("undefined")
  })
})
