/**
 * The Berlin Group OpenAPI file the facade is judged against (../shared/specs, unchanged on disk), with
 * the one patch SOURCE.md describes: its PUT-authorisation request bodies (a `oneOf` that includes `{}`)
 * and its UpdatePsuData 200 response (a `oneOf` of overlapping objects) become `anyOf`, because a
 * strict validator rejects valid traffic on them otherwise. Nothing else is loosened (the payment
 * information's `oneOf` overlaps too; conformance.ts validates it against the branch of the payment
 * service instead, which is stricter than either).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const SPEC_FILE = fileURLToPath(new URL("../../../../shared/specs/berlin-group-psd2-api-1.3.12_2022-07-01.yaml", import.meta.url));

/** JSON pointers (as path arrays) of the `oneOf`s that become `anyOf`. */
export const PATCHED_ONE_OFS: readonly string[][] = [
  ...["/v1/{payment-service}/{payment-product}/{paymentId}/authorisations/{authorisationId}",
    "/v1/{payment-service}/{payment-product}/{paymentId}/cancellation-authorisations/{authorisationId}",
    "/v1/consents/{consentId}/authorisations/{authorisationId}",
    "/v1/signing-baskets/{basketId}/authorisations/{authorisationId}"].map((path) => ["paths", path, "put", "requestBody", "content", "application/json", "schema"]),
  ["components", "responses", "OK_200_UpdatePsuData", "content", "application/json", "schema"],
];

export type Spec = Record<string, any>;

export function loadOriginalSpec(): Spec {
  return parse(readFileSync(SPEC_FILE, "utf8")) as Spec;
}

export function derivedSpec(): Spec {
  const spec = loadOriginalSpec();
  for (const pointer of PATCHED_ONE_OFS) {
    const node = pointer.reduce<any>((n, key) => n?.[key], spec);
    if (!node?.oneOf) throw new Error(`expected a oneOf at ${pointer.join(" / ")}`);
    node.anyOf = node.oneOf;
    delete node.oneOf;
  }
  return spec;
}

export const PIIS_SPEC_FILE = fileURLToPath(new URL("../../../../shared/specs/berlin-group-piis-confirmation-of-funds-consent-2.0_2019-06-07.yaml", import.meta.url));

/**
 * The confirmation-of-funds consent extension (/v2), derived the same way: its PUT-authorisation body,
 * its UpdatePsuData 200 and its consent 201 (single-level and multilevel responses overlap) become
 * `anyOf`; and the `tppMessageGeneric` schema it refers to but lacks is added, as the main file defines it.
 */
export const PIIS_PATCHED_ONE_OFS: readonly string[][] = [
  ["paths", "/v2/consents/confirmation-of-funds/{consentId}/authorisations/{authorisationId}", "put", "requestBody", "content", "application/json", "schema"],
  ["components", "responses", "OK_200_UpdatePsuData", "content", "application/json", "schema"],
  ["components", "responses", "CREATED_201_ConsentsConfirmationOfFunds", "content", "application/json", "schema"],
];

export function loadOriginalPiisSpec(): Spec {
  return parse(readFileSync(PIIS_SPEC_FILE, "utf8")) as Spec;
}

export function derivedPiisSpec(): Spec {
  const spec = loadOriginalPiisSpec();
  for (const pointer of PIIS_PATCHED_ONE_OFS) {
    const node = pointer.reduce<any>((n, key) => n?.[key], spec);
    if (!node?.oneOf) throw new Error(`expected a oneOf at ${pointer.join(" / ")}`);
    node.anyOf = node.oneOf;
    delete node.oneOf;
  }
  const schemas = spec.components.schemas;
  const main = loadOriginalSpec().components.schemas;
  schemas.tppMessageGeneric ??= main.tppMessageGeneric;
  for (const name of ["tppMessageCategory", "tppMessageCodeGeneric", "tppMessageText"]) schemas[name] ??= main[name];
  return spec;
}
