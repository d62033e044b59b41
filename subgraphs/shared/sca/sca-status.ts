/** @module Berlin Group scaStatus, shared by consent and payment authorisations (DB values as the spec spells them). */
import { registerEnumType } from "type-graphql";

export enum ScaStatus {
  RECEIVED = "received",
  PSU_IDENTIFIED = "psuIdentified",
  PSU_AUTHENTICATED = "psuAuthenticated",
  SCA_METHOD_SELECTED = "scaMethodSelected",
  STARTED = "started",
  UNCONFIRMED = "unconfirmed",
  FINALISED = "finalised",
  FAILED = "failed",
  EXEMPTED = "exempted",
}
registerEnumType(ScaStatus, {
  name: "ScaStatus",
  description: "Berlin Group scaStatus of an authorisation; FINALISED, FAILED and EXEMPTED are final.",
});

/** The GraphQL name of an enum value ("psuIdentified" → "PSU_IDENTIFIED"), for messages. */
export function enumName<T extends Record<string, string>>(values: T, value: string): string {
  return Object.entries(values).find(([, v]) => v === value)?.[0] ?? value;
}
