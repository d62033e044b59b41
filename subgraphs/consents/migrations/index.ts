/** @module The consents schema's migrations, in order. */
import { CreateConsents } from "./20261122-create-consents.js";
import { ConsentSca } from "./20261123-consent-sca.js";

export const migrations = [
  { name: "20261122-create-consents", class: CreateConsents },
  { name: "20261123-consent-sca", class: ConsentSca },
];
