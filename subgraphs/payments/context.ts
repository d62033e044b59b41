import type { ConnectorRegistry } from "../../connectors/registry.js";
import type { SubgraphContext } from "../shared/context.js";
import type { PaymentLoaders } from "./loaders.js";
import type { PaymentAuthorisationService } from "./payment-authorisation.service.js";
import type { PaymentService } from "./payment.service.js";
import type { StandingOrders } from "./standing-orders.js";

export interface PaymentsContext extends SubgraphContext<PaymentLoaders> {
  connectors: ConnectorRegistry;
  /** Plain http to loopback allowed for outbound SPI calls (the sandbox). */
  allowHttpLoopback: boolean;
  payments: PaymentService;
  authorisations: PaymentAuthorisationService;
  standingOrders: StandingOrders;
}
