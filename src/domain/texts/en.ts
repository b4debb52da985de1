import type { Messages } from "./messages"

/** English: the fallback language, and the reference for placeholders. */
export const en: Messages = {
  // Plans
  "checkout.title": "Pay in instalments",
  "plan.p2x.label": "Pay in 2 instalments",
  "plan.p2x.description": "A first instalment today, then a second one month later. Interest-free.",
  "plan.p3x.label": "Pay in 3 instalments",
  "plan.p3x.description": "A first instalment today, then 2 monthly instalments. Interest-free.",
  "plan.p4x.label": "Pay in 4 instalments",
  "plan.p4x.description": "A first instalment today, then 3 monthly instalments. Interest-free.",
  "plan.d15.label": "Pay in 15 days",
  "plan.d15.description":
    "Nothing to pay today: the full amount is charged to your card 15 days after your order. Interest-free.",
  "plan.d30.label": "Pay in 30 days",
  "plan.d30.description":
    "Nothing to pay today: the full amount is charged to your card 30 days after your order. Interest-free.",
  "plan.deferred.onShipment":
    "Nothing is charged today: your card is only verified. The first payment will be charged when your order ships.",
  "plan.deferred.onDelivery":
    "Nothing is charged today: your card is only verified. The first payment will be charged when your order is delivered.",
  "plan.deferredLater.onShipment":
    "Nothing is charged today: your card is only verified. The full amount will be charged {days} days after your order ships.",
  "plan.deferredLater.onDelivery":
    "Nothing is charged today: your card is only verified. The full amount will be charged {days} days after your order is delivered.",

  // Acceptance
  "accept.button.instalments": "Pay in {count} instalments",
  "accept.button.later": "Pay later",
  "accept.button.verifyCard": "Verify my card",
  "accept.answer.paymentAccepted": "Payment accepted",
  "accept.answer.verified": "Verified",
  "accept.answer.validated": "Validated",
  "accept.consent": "I have read and accept the payment schedule and the terms of this instalment plan.",

  // Schedule
  "schedule.today": "{amount} today",
  "schedule.onDate": "{amount} on {date}",
  "schedule.fees": "including {fee} in fees",
  "schedule.lateFees": "including {fee} in late fees",
  "schedule.total": "Total: {amount}",
  "schedule.interestFree": "Interest-free",
  "schedule.credit": "Amount of credit: {amount}",
  "schedule.creditNote":
    "The first instalment, paid today, is a payment on account to the merchant and is not part of the credit.",
  "schedule.remaining": "Remaining to pay: {amount}",

  // Responsible lending
  "credit.warning":
    "Credit is a commitment and must be repaid. Check that you can afford the repayments before you commit.",
  "credit.warningCcd2": "Warning: borrowing money costs money.",

  // Eligibility
  "reason.plan_not_offered":
    "This payment option is not offered for this order. Please choose another plan or another payment method.",
  "reason.currency_not_supported":
    "Payment in instalments is not available in this currency. Please choose another payment method.",
  "reason.amount_below_minimum":
    "This plan is available for orders of {min} or more. Please choose another plan or another payment method.",
  "reason.amount_above_maximum":
    "This plan is available for orders of up to {max}. Please choose another plan or another payment method.",
  "reason.country_not_supported":
    "Payment in instalments is only available to residents of the following countries: {countries}. Please choose another payment method.",
  "reason.card_network_not_accepted":
    "This type of card is not accepted for payment in instalments. Accepted cards: {networks}. You can also choose another payment method.",
  "reason.card_prepaid":
    "Prepaid cards are not accepted for payment in instalments. Please use another bank card or choose another payment method.",
  "reason.card_virtual":
    "Virtual cards are not accepted for payment in instalments. Please use the physical card issued by your bank or choose another payment method.",
  "reason.card_systematic_authorisation":
    "Cards with systematic authorisation (such as Maestro or Visa Electron) are not accepted for payment in instalments. Please use another card or choose another payment method.",
  "reason.card_issuer_country":
    "Your card was issued outside the European Union and cannot be used for payment in instalments. Please use a card issued in the European Union or choose another payment method.",
  "reason.card_expires_too_soon":
    "Your card expires before the end of this payment plan. Please use a card that remains valid until at least one month after the last instalment, or choose a shorter plan.",
  "reason.credit_refused":
    "We are unable to accept your request to pay in instalments for this order. You can complete your order with another payment method.",
  "reason.consumer_credit_not_authorised":
    "This shop can only offer plans paid off within a short period and without fees. Please choose a shorter plan or another payment method.",

  // Statuses
  "status.plan.pending_start": "Not started yet",
  "status.plan.active": "In progress",
  "status.plan.late": "Payment overdue",
  "status.plan.serious_delay": "Overdue by more than 15 days",
  "status.plan.frozen": "Suspended",
  "status.plan.completed": "Paid in full",
  "status.plan.cancelled": "Cancelled",
  "status.plan.terminated": "Terminated",
  "status.plan.withdrawn": "Withdrawn",
  "status.instalment.scheduled": "Upcoming",
  "status.instalment.paid": "Paid",
  "status.instalment.failed": "Payment failed",
  "status.instalment.late": "Overdue",
  "status.instalment.cancelled": "Cancelled",

  // Self-service page
  "self.title": "Your payment plan",
  "self.order": "Order {orderNumber}",
  "self.nextInstalment": "Next instalment: {amount} on {date}",
  "self.card": "Card ending in {last4}",
  "self.action.payNext": "Pay the next instalment now",
  "self.action.payWithBank": "Pay with your bank's confirmation",
  "self.bank.help": "Your bank will ask you to confirm this payment (3-D Secure) in a window on this page.",
  "self.bank.refused": "Your bank did not confirm the payment: nothing has been charged. You can try again, or change your card.",
  "self.action.payAll": "Pay everything now",
  "self.action.postpone": "Postpone a due date",
  "self.action.changeCard": "Change card",
  "self.action.withdraw": "Withdraw",
  "self.confirm.payNext": "You are about to pay {amount} now, ahead of schedule. An early payment cannot be undone.",
  "self.confirm.payAll": "You are about to pay the remaining {amount} now. An early payment cannot be undone.",
  "self.confirm.postpone": "Your instalment due on {date} will be postponed to {newDate}.",
  "self.confirm.changeCard": "Your future instalments will be charged to your new card.",
  "self.confirm.withdraw":
    "If you withdraw, your payment plan ends: the remaining {amount} will be charged to your card at once, and any fees you have already paid will be refunded.",
  "self.done.authenticate": "To finish this payment of {amount}, confirm it with your bank (3-D Secure), then come back to this page.",
  "self.done.payNext": "Thank you. Your payment of {amount} has been received. Your updated schedule is shown below.",
  "self.done.payAll": "Thank you. Your payment of {amount} has been received: your order is now paid in full.",
  "self.done.postpone": "Done: your instalment is now due on {date}.",
  "self.done.changeCard": "Your new card has been saved. Your future instalments will be charged to it.",
  "self.done.withdraw":
    "Your withdrawal has been recorded and the remaining {amount} has been charged to your card. Any fees you have already paid will be refunded.",
  "self.postpone.choose": "Choose a new date, no more than {days} days after the current due date.",
  "self.withdraw.info":
    "You may withdraw from this payment facility until {date}. The remaining amount is then charged at once, and any fees already paid are refunded.",
  "self.button.confirm": "Confirm",
  "self.button.back": "Back",
  "self.overdue":
    "Your instalment of {amount} due on {date} has not been paid. Please pay it now from this page, or contact us if you are having difficulty.",
  "self.frozen": "Your payment plan is temporarily suspended and cannot be changed for now. We will contact you.",
  "self.difficulty": "Having difficulty paying? Contact us: we will look for a solution with you.",
  "self.linkExpired": "This link has expired",
  "self.linkExpiredHelp":
    "For your security, this link is only valid for a limited time. Please use the link in our most recent e-mail, or contact us to receive a new one.",
  "self.linkReplaced": "This link has been replaced",
  "self.linkReplacedHelp":
    "For your security, this link no longer works: a newer link has been sent to you, or the card of your plan was changed. Please use the link in our most recent e-mail, or contact us to receive a new one.",
  "self.linkInvalid": "This link is not valid. Please check that you have copied it in full.",
  "self.error.generic": "Something went wrong. Please try again in a few minutes.",
  "self.error.paymentDeclined":
    "Your bank declined the payment and nothing has been charged. Please try again or use another card.",
  "self.error.notFound": "We could not find this payment plan.",
  "self.schedule.title": "Schedule",
  "self.schedule.instalment": "Instalment",
  "self.schedule.dueDate": "Due date",
  "self.schedule.amount": "Amount",
  "self.schedule.status": "Status",
  "self.schedule.postponedFrom": "Postponed from {date}",
  "self.instalmentNumber": "Instalment {count}",
  "self.actions.title": "Manage your payment plan",
  "self.postpone.instalment": "Instalment to postpone",
  "self.postpone.days": "Number of days",
  "self.changeCard.token": "New card",
  "self.changeCard.help": "The reference of your new card, as given by the secure card form.",
  "self.language": "Language",
  "self.action.payExchange": "Pay the difference now",
  "self.confirm.payExchange": "Your exchange costs {amount} more. This amount will be charged to your card now.",

  // Asking for help (docs/business-rules.md §9)
  "self.support.title": "Ask for help",
  "self.support.intro": "Tell us what you need. The store replies within 24 hours (a formal complaint within 48 working hours), by e-mail and on this page.",
  "self.support.order": "Order reference",
  "self.support.category": "What is your request about?",
  "self.support.message": "Your message",
  "self.support.messageHelp": "{max} characters at most. Give the amount and date of the payment concerned, if any.",
  "self.support.orderMatters": "Order not received, or not as ordered? The store handles deliveries and products itself: your request goes straight to the store.",
  "self.support.send": "Send my request",
  "self.support.sendAnyway": "Send my request anyway",
  "self.support.solve.postpone": "You can postpone a due date yourself, right now, on this page:",
  "self.support.solve.changeCard": "You can change your card yourself, right now, on this page:",
  "self.support.solve.payNow": "You can pay your instalment yourself, right now, on this page:",
  "self.support.solve.orSend": "If that does not solve it, you can still send your request to the store.",
  "self.support.sent": "Your request has been sent. The store will reply within 24 hours, by e-mail and on this page.",
  "self.support.sentComplaint": "Your complaint has been sent. The store will reply within 48 working hours, by e-mail and on this page.",
  "self.support.sentToMerchant": "Your request has been sent to the store, which handles deliveries and products itself. It will reply within 24 hours, by e-mail and on this page.",
  "self.support.error.category": "Please choose what your request is about.",
  "self.support.error.messageRequired": "Please describe your request in the message field.",
  "self.support.error.messageTooLong": "Your message is too long: {max} characters at most. Please shorten it; you can send documents by e-mail.",
  "self.support.error.changed": "This page changed in the meantime and nothing was sent. Please check your requests below and send yours again if it is not there.",
  "self.support.requests": "Your requests",
  "self.support.openedOn": "Sent on {date}",
  "self.support.status.open": "Open",
  "self.support.status.closed": "Closed",
  "self.support.author.shopper": "You",
  "self.support.author.merchant": "The store",
  "support.category.purchase_blocked": "I cannot finish my purchase",
  "support.category.payment_refused": "My payment was refused",
  "support.category.postpone": "Postpone a due date",
  "support.category.schedule_question": "A question about my schedule",
  "support.category.change_card": "Change my payment card",
  "support.category.difficulty_paying": "I am having difficulty paying",
  "support.category.order_not_received": "My order has not arrived",
  "support.category.order_not_as_ordered": "My order is not what I ordered",
  "support.category.refund_confirmed": "The store has confirmed a refund",
  "support.category.page_access": "I cannot access my payment plan page",
  "support.category.formal_complaint": "Formal complaint",

  // Self-service refusals
  "refusal.postponement_limit_reached": "You have already used all the postponements allowed for this payment plan.",
  "refusal.postponement_too_long": "A due date can be postponed by {days} days at most. Please choose an earlier date.",
  "refusal.postponement_not_allowed": "This instalment can no longer be postponed.",
  "refusal.withdrawal_period_over":
    "The {days}-day withdrawal period has ended, so you can no longer withdraw from this payment plan. You can still pay early at any time.",
  "refusal.nothing_left_to_pay": "There is nothing left to pay on this payment plan.",
  "refusal.plan_frozen": "Your payment plan is temporarily suspended and cannot be changed for now. We will contact you.",
  "refusal.plan_closed": "This payment plan is closed and can no longer be changed.",
  "refusal.plan_not_active": "This change is not possible in the current state of your payment plan.",
  "refusal.plan_not_started":
    "Your payment plan has not started yet. This will be possible once the first instalment has been charged.",
  "refusal.payment_overdue": "An instalment is overdue. Please pay it first; you will then be able to make this change.",
  "refusal.plan_busy": "A payment on your plan is being processed right now. Please try again in a minute; nothing was done.",
  "refusal.plan_changed":
    "Your payment plan changed in the meantime. Please look at it again and repeat your request if it still applies; nothing was done.",
  "refusal.payment_pending":
    "Your payment is being processed. Please look at your plan again in a minute: you will not be charged twice.",
  "refusal.card_not_eligible": "This card cannot be used for your payment plan. Please use another card.",
  "refusal.lender_managed": "This payment plan is managed by the lender that financed your order: please manage it from the link in their e-mails.",

  // E-mails
  "email.greeting": "Hello,",
  "email.closing": "Kind regards,",
  "email.viewPlan": "View my payment plan",
  "email.planConfirmed.subject": "Your payment plan for order {orderNumber} is confirmed",
  "email.planConfirmed.body":
    "Thank you for your order {orderNumber}. Your interest-free payment plan is confirmed: you will find your schedule and the terms you accepted below. Your next instalment of {amount} will be charged to your card on {date}. You can view and manage your payment plan at any time: {link}",
  "email.cardVerified.subject": "Order {orderNumber}: your card has been verified",
  "email.cardVerified.body":
    "Thank you for your order {orderNumber}. Your card has been verified and nothing has been charged yet. Your first instalment of {amount} will only be charged once your order ships or is delivered; we will then send you your schedule. You can view your payment plan at any time: {link}",
  "email.reminder.subject": "Reminder: your instalment of {amount} on {date} for order {orderNumber}",
  "email.reminder.body":
    "Your next instalment for order {orderNumber}, {amount}, will be charged to your card on {date}. If you need to change your card or postpone this due date, you can do so from your payment plan page: {link}",
  "email.paymentFailed.subject": "Order {orderNumber}: your instalment could not be paid",
  "email.paymentFailed.authenticationBody":
    "We were unable to charge your instalment of {amount} due on {date} for order {orderNumber}: your bank asks you to confirm this payment yourself (3-D Secure). Open your payment plan page and choose to pay now with your bank's confirmation: {link}. Until then, we will not be able to charge it automatically.",
  "email.paymentFailed.body":
    "We were unable to charge your instalment of {amount} due on {date} for order {orderNumber}. We will try again in the next few days. You can also pay it now or change your card from your payment plan page: {link}. If you are having difficulty paying, please contact us: we will look for a solution with you.",
  "email.planUpdated.subject": "Your payment plan for order {orderNumber} has been updated",
  "email.planUpdated.body":
    "Your payment plan for order {orderNumber} has been updated. Your next instalment of {amount} will be charged on {date}. You will find your updated schedule below and on your payment plan page: {link}",
  "email.planCompleted.subject": "Order {orderNumber}: your payment plan is complete",
  "email.planCompleted.body":
    "Your last instalment was paid on {date}: order {orderNumber} is now paid in full, for a total of {amount}. Thank you for your trust. Your payment plan remains available here: {link}",
  "email.scheduleTitle": "Your schedule",
  "email.terms": "Terms accepted: version {version}, on {date}.",
  "email.selfServiceLink.subject": "Order {orderNumber}: your link to your payment plan",
  "email.selfServiceLink.body": "Here is your secure link to view and manage your payment plan for order {orderNumber}: {link}. For your security, this link is valid until {date}.",
  "email.supportReply.subject": "Order {orderNumber}: reply to your request",
  "email.supportReply.body": "The store has replied to your request about the payment plan for order {orderNumber}:",
}
