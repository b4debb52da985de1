import { newPlan } from "../__tests__/support"
import { patchInstalment, patchInstalments } from "./instalment-updates"

const plan = newPlan("p3x", 25490)

describe("instalment updates", () => {
  it("copies with the patch, leaving the original alone", () => {
    const changed = patchInstalment(plan.instalments[1], { status: "failed", attempts: 1 })
    expect(changed).toMatchObject({ number: 2, status: "failed", attempts: 1 })
    expect(plan.instalments[1].status).toBe("scheduled")
  })

  it("refuses a status change the table does not allow", () => {
    expect(() => patchInstalment(plan.instalments[0], { status: "scheduled" })).toThrow(/paid to scheduled/)
  })

  it("patches by number", () => {
    const revised = patchInstalments(plan, new Map([[3, { dueDate: "2025-03-20" }]]))
    expect(revised.instalments[2].dueDate).toBe("2025-03-20")
    expect(revised.instalments[1]).toBe(plan.instalments[1])
    expect(patchInstalments(plan, new Map())).toBe(plan)
  })
})
