export { AllAccountsScope, ConsentStatus, ConsentType, ScaStatus } from "./consent-enums.js";
export { ConsentAccess, ConsentAccountReference, FundsConfirmationAccess, ibansOf } from "./consent-access.js";
export { Consent } from "./consent.entity.js";
export { ConsentAuthorisation } from "./consent-authorisation.entity.js";
export { ConsentStatusChange } from "./consent-status-change.entity.js";
