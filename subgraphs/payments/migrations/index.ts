/** @module The payments schema's migrations, in order. */
import { CreatePayments } from "./20261122-create-payments.js";
import { PaymentSca } from "./20261123-payment-sca.js";
import { SpiEndpoints } from "./20261123-spi-endpoints.js";
import { PeriodicBulk } from "./20261124-periodic-bulk.js";
import { CancellationAuthorisations } from "./20261125-cancellation-authorisations.js";

export const migrations = [
  { name: "20261122-create-payments", class: CreatePayments },
  { name: "20261123-payment-sca", class: PaymentSca },
  { name: "20261123-spi-endpoints", class: SpiEndpoints },
  { name: "20261124-periodic-bulk", class: PeriodicBulk },
  { name: "20261125-cancellation-authorisations", class: CancellationAuthorisations },
];
