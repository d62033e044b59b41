import type { SubgraphContext } from "../shared/context.js";
import type { PaymentLoaders } from "./loaders.js";
import type { PaymentAuthorisationService } from "./payment-authorisation.service.js";
import type { PaymentService } from "./payment.service.js";

export interface PaymentsContext extends SubgraphContext<PaymentLoaders> {
  payments: PaymentService;
  authorisations: PaymentAuthorisationService;
}
