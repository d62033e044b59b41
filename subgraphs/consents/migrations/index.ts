/** @module The consents schema's migrations, in order. */
import { CreateConsents } from "./20261122-create-consents.js";
import { ConsentSca } from "./20261123-consent-sca.js";
import { ConsentWithoutPsu } from "./20261124-consent-without-psu.js";
import { ExpiringNoticed } from "./20261125-expiring-noticed.js";

export const migrations = [
  { name: "20261122-create-consents", class: CreateConsents },
  { name: "20261123-consent-sca", class: ConsentSca },
  { name: "20261124-consent-without-psu", class: ConsentWithoutPsu },
  { name: "20261125-expiring-noticed", class: ExpiringNoticed },
];
