export { ExecutionRule, Frequency, PaymentKind, PaymentProduct, PaymentStatus } from "./payment-enums.js";
export { AuthorisationPurpose, PaymentAuthorisation } from "./payment-authorisation.entity.js";
export { Payment } from "./payment.entity.js";
export { PaymentStatusChange } from "./payment-status-change.entity.js";
export { BulkPaymentEntry } from "./bulk-payment-entry.entity.js";
export { StandingOrderInstalment } from "./standing-order-instalment.entity.js";
