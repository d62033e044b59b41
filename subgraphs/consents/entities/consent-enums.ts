/** @module The Berlin Group code lists of the consent model, as GraphQL enums (DB values as the spec spells them). */
import { registerEnumType } from "type-graphql";

export enum ConsentType {
  AIS = "AIS",
  PIS = "PIS",
  PIIS = "PIIS",
}
registerEnumType(ConsentType, {
  name: "ConsentType",
  description: "AIS: account information; PIS: payment initiation; PIIS: confirmation of funds.",
});

export enum ConsentStatus {
  RECEIVED = "received",
  VALID = "valid",
  REJECTED = "rejected",
  REVOKED_BY_PSU = "revokedByPsu",
  EXPIRED = "expired",
  TERMINATED_BY_TPP = "terminatedByTpp",
  PARTIALLY_AUTHORISED = "partiallyAuthorised",
}
registerEnumType(ConsentStatus, { name: "ConsentStatus", description: "Berlin Group consentStatus." });

export { ScaStatus } from "../../shared/sca/sca-status.js";

export enum AllAccountsScope {
  ALL_ACCOUNTS = "allAccounts",
  ALL_ACCOUNTS_WITH_OWNER_NAME = "allAccountsWithOwnerName",
}
registerEnumType(AllAccountsScope, {
  name: "AllAccountsScope",
  description: "Value of availableAccounts, availableAccountsWithBalance or allPsd2: with or without the owner's name.",
});
