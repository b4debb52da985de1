/**
 * Payment, refund and error payloads shaped as Alma's clients document them
 * (shared fixtures README §2.1–2.3 and §2.8), written here field by field. Amounts in cents,
 * dates in Unix seconds.
 */

/** §2.1: the answer of POST /v1/payments/{id}/refund after a FULL refund of a 3x plan whose first instalment was paid (abridged: plan, orders, refunds). */
export const fullRefundAnswer = {
  payment_plan: [
    { id: "installment_1", state: "paid", due_date: 1649672451, date_paid: 1649672472, purchase_amount: 11733, original_purchase_amount: 11733, customer_fee: 100, customer_interest: 0, customer_can_postpone: false },
    { id: "installment_2", state: "paid", due_date: 1652264451, date_paid: null, purchase_amount: 0, original_purchase_amount: 11733, customer_fee: 0, customer_interest: 0, customer_can_postpone: false },
    { id: "installment_3", state: "paid", due_date: 1654942851, date_paid: null, purchase_amount: 0, original_purchase_amount: 11733, customer_fee: 0, customer_interest: 0, customer_can_postpone: false },
  ],
  orders: [
    { id: "order_1", merchant_reference: "00000206", payment: "payment_full_refund", created: 1649672400, data: {}, carrier: null, tracking_number: null, tracking_url: null, comment: null, customer_url: null, merchant_url: null },
  ],
  refunds: [
    { id: "refund_1", amount: 35299, payment_refund_amount: 11833, rebate_amount: 23466, created: 1649770695, from_payment_cancellation: false, merchant_reference: null, payment: "payment_full_refund" },
  ],
}

/** §2.2: a paid payment with `amount_already_refunded` (values not mutually consistent: names and types only). */
export const paidPayment = {
  id: "payment_xxxxxx",
  state: "paid",
  kind: "installments",
  installments_count: 3,
  deferred_days: 0,
  deferred_months: 0,
  purchase_amount: 11733,
  customer_fee: 100,
  customer_interest: 0,
  amount_already_refunded: 1200,
  expired_at: 1649772000,
  custom_data: {},
  url: "https://checkout.sandbox.getalma.eu/payment_xxxxxx",
  orders: [{ id: "order_2", merchant_reference: "1001", payment: "payment_xxxxxx", comment: "a comment", customer_url: "https://shop.example/account/orders/1001", merchant_url: "https://shop.example/admin/orders/1001", data: {}, created: 1649672400, updated: 1649672500 }],
  payment_plan: fullRefundAnswer.payment_plan.map(({ customer_can_postpone: _ignored, ...instalment }) => instalment),
}

/** §2.3: a full payment object in state not_started (3x, every instalment pending, no instalment ids). */
export const notStartedPayment = {
  id: "payment_11xlpX9QqMZLvFVfMRaYvhkcGPpJoqo6ad",
  merchant_id: "merchant_11gTOaPZ6eDOx8gVnbR8CkvvVJx3BKCHZI",
  merchant_name: "A shop",
  state: "not_started",
  processing_status: "awaiting_authorization",
  kind: "P3X",
  origin: "online",
  integration_origin: "woocommerce",
  locale: "fr",
  country_of_service: "FR",
  transaction_country: "FR",
  created: 1727700000,
  updated: 1727700000,
  expired_at: null,
  purchase_amount: 47487,
  installments_count: 3,
  deferred_days: 1,
  deferred_months: 2,
  customer_fee: 816,
  customer_interest: 0,
  customer_fees_refunded: 0,
  amount_already_refunded: 1200,
  is_completely_refunded: false,
  is_deferred_capture: false,
  merchant_target_fee: 1186,
  fees: { merchant: { total: 1186, total_excluding_tax: 989, tax: 197 } },
  url: "https://checkout.sandbox.getalma.eu/payment_11xlpX9QqMZLvFVfMRaYvhkcGPpJoqo6ad",
  return_url: "https://shop.example/return?pid=payment_11xlpX9QqMZLvFVfMRaYvhkcGPpJoqo6ad",
  customer_cancel_url: "https://shop.example/cart?pid=payment_11xlpX9QqMZLvFVfMRaYvhkcGPpJoqo6ad",
  ipn_callback_url: "https://shop.example/ipn?pid=payment_11xlpX9QqMZLvFVfMRaYvhkcGPpJoqo6ad",
  failure_return_url: null,
  cancelation_reason: null,
  seller: null,
  custom_data: { order_id: 42, order_key: "wc_order_abc" },
  refunds: [],
  customer: { id: "customer_1", first_name: "Léa", last_name: "Martin", email: "lea@example.com", phone: null, is_business: false, business_name: null, business_id_number: null, created: 1727700000 },
  billing_address: { first_name: "Léa", last_name: "Martin", company: null, line1: "1 rue de la Paix", line2: null, postal_code: "75002", city: "Paris", country: "FR", county_sublocality: null, state_province: null, email: "lea@example.com", phone: null, title: null, created: 1727700000 },
  shipping_address: { first_name: "Léa", last_name: "Martin", company: null, line1: "1 rue de la Paix", line2: null, postal_code: "75002", city: "Paris", country: "FR", county_sublocality: null, state_province: null, email: "lea@example.com", phone: null, title: null, created: 1727700000 },
  cart: { items: [{ title: "Chair", quantity: 1, line_price: 10000, picture_url: null }] },
  orders: [],
  payment_plan: [
    { due_date: 1727700000, purchase_amount: 15829, original_purchase_amount: 15829, customer_fee: 816, customer_interest: 0, date_paid: null, is_check: false, state: "pending" },
    { due_date: 1730378400, purchase_amount: 15829, original_purchase_amount: 15829, customer_fee: 0, customer_interest: 0, date_paid: null, is_check: false, state: "pending", unknown_extra_key: true },
    { due_date: 1732970400, purchase_amount: 15829, original_purchase_amount: 15829, customer_fee: 0, customer_interest: 0, date_paid: null, is_check: false, state: "pending" },
  ],
}

/** §2.8: error bodies. */
export const refundTooLarge = {
  error_code: "validation_error",
  errors: [{ error_code: "invalid_value", field: "amount", message: "Impossible de rembourser plus que le montant de l'achat", value: 100000000 }],
}
export const paymentNotFound = { error_code: "not_found", object_type: "Payment", value: "payment_11ujT8U2zSX9OUlFbRVUBcHuTU2191NrYQ123" }
