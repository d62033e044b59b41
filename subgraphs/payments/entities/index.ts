export { PaymentProduct, PaymentStatus } from "./payment-enums.js";
export { Payment } from "./payment.entity.js";
export { PaymentStatusChange } from "./payment-status-change.entity.js";
