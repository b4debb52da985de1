import { model } from "@medusajs/framework/utils"

/**
 * One operation that moves money (a shopper's early payment, a Medusa refund, a collection
 * attempt, the checkout's first charge...), recorded under the plan's lock BEFORE the processor is
 * called, then settled leg by leg (`instalment_movement`). It is what makes an operation happen
 * once: its `idempotency_key` is unique, a replay with the same key and the same request
 * (`fingerprint`) gets the first answer, and one with another request is refused.
 *
 * `status`: `executing` (legs left to send or to record: the plan is busy until it is not), `completed`,
 * `declined` (the card refused the charge: nothing moved), `abandoned` (the processor has no
 * record of the charge: nothing moved; the same key may run it again).
 * `decided` is what was decided under the lock, so any process can finish the operation: the
 * revised plan and its events, or for collection the day it ran (collection decides again from
 * the plan, which cannot change while the operation runs).
 */
const InstalmentOperation = model
  .define("instalment_operation", {
    id: model.id({ prefix: "iop" }).primaryKey(),
    plan_id: model.text().nullable(),
    payment_session_id: model.text().nullable(),
    idempotency_key: model.text(),
    fingerprint: model.text(),
    actor: model.text(),
    status: model.enum(["executing", "completed", "declined", "abandoned"]),
    decided: model.json(),
    /** For a declined operation: the refusal a replay answers again. */
    outcome: model.json().nullable(),
  })
  // A plan is busy while one of its operations is executing: asked through a partial index that
  // holds the executing ones only (collection writes one operation per charge).
  .indexes([
    { on: ["idempotency_key"], unique: true },
    { on: ["plan_id"], where: "status = 'executing'" },
  ])

export default InstalmentOperation
