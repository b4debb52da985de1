/**
 * What the plugin does with a Stripe event whose signature checked out. An event's body is only a
 * hint: whatever the plugin records comes from Stripe, read again by id. Every answer is
 * idempotent, whatever the order of the events and however often Stripe redelivers them.
 *
 *  - `charge.dispute.created`: the dispute is read from Stripe and the plan whose charge it is
 *    gets a `stripe.dispute_opened` entry in its history (once per dispute), for the merchant.
 *  - `payment_intent.succeeded`, `payment_intent.payment_failed`, `charge.refunded`: the payment
 *    is read from Stripe and its state answered. The plugin records payments from the answers to
 *    its own calls, and its reconciler settles what a crash left open; one thing more: a payment
 *    that succeeded while its plan's operation still waits for it (a shopper's 3-D Secure on the
 *    self-service page) settles that operation now (`settled: true`), as its reconciler would.
 *  - anything else: acknowledged, ignored.
 *
 * Answers 200 (Stripe stops sending), or 503 when Stripe cannot be read (Stripe sends it again).
 */
import type Stripe from "stripe"
import type InstalmentsModuleService from "../../../../modules/instalments/service"
import type { ProcessorError, StripeWebhooks } from "../../../../processors"

type Instalments = Pick<InstalmentsModuleService, "processor" | "listInstalmentMovements" | "recordPlanEventOnce" | "reconcileChargeKey">
export type EventAnswer = { status: number; body: Record<string, unknown> }

const CONFIRMED_BY_PAYMENT = ["payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded"]

export async function answerStripeEvent(instalments: Instalments, webhooks: StripeWebhooks, event: Stripe.Event): Promise<EventAnswer> {
  const object = event.data.object as { id?: string; payment_intent?: string | { id: string } | null }
  if (event.type === "charge.dispute.created") return recordDispute(instalments, webhooks, event.id, object.id ?? "")
  if (CONFIRMED_BY_PAYMENT.includes(event.type)) {
    const intent = event.type.startsWith("payment_intent.") ? object.id : typeof object.payment_intent === "string" ? object.payment_intent : object.payment_intent?.id
    if (!intent) return done(event.id, "ignored", { reason: "the event names no PaymentIntent" })
    const charge = await instalments.processor.getCharge(intent)
    if (!charge.ok) return failed(event.id, charge.error)
    const settled = charge.value.status === "succeeded" && charge.value.idempotencyKey ? await instalments.reconcileChargeKey(charge.value.idempotencyKey) : null
    return done(event.id, "confirmed", { payment_intent: intent, status: charge.value.status, refunded_cents: charge.value.refunded.cents, ...(settled ? { settled: true } : {}) })
  }
  return done(event.id, "ignored", { reason: `the plugin does not act on ${event.type}` })
}

async function recordDispute(instalments: Instalments, webhooks: StripeWebhooks, eventId: string, disputeId: string): Promise<EventAnswer> {
  const read = await webhooks.readDispute(disputeId)
  if (!read.ok) return failed(eventId, read.error)
  const dispute = read.value
  const [charge] = dispute.paymentIntentId
    ? await instalments.listInstalmentMovements({ processor: instalments.processor.name, processor_reference: dispute.paymentIntentId, kind: "charge" }, { take: 1 })
    : []
  if (!charge?.plan_id) return done(eventId, "ignored", { reason: "no instalment plan has the disputed payment", dispute: dispute.disputeId })
  const recorded = await instalments.recordPlanEventOnce(
    charge.plan_id,
    {
      type: "stripe.dispute_opened",
      data: {
        disputeId: dispute.disputeId,
        chargeId: dispute.chargeId,
        paymentIntentId: dispute.paymentIntentId,
        amount: dispute.amount.cents,
        currency: dispute.amount.currency,
        reason: dispute.reason,
        status: dispute.status,
      },
    },
    { actor: "system", idempotencyKey: `stripe-dispute:${dispute.disputeId}` },
  )
  return done(eventId, recorded ? "dispute_recorded" : "already_recorded", { plan_id: charge.plan_id, dispute: dispute.disputeId })
}

const done = (eventId: string, handled: string, details: Record<string, unknown>): EventAnswer => ({ status: 200, body: { received: true, event: eventId, handled, ...details } })

function failed(eventId: string, error: ProcessorError): EventAnswer {
  if (error.code === "processor_unavailable") return { status: 503, body: { type: "stripe_unavailable", event: eventId, message: `${error.message}; Stripe will send the event again` } }
  return done(eventId, "ignored", { reason: `Stripe does not confirm it: ${error.message}` })
}
