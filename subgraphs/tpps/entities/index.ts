export { Tpp, TppContact, TppRole, TppStatus } from "./tpp.entity.js";
export { TppApplication } from "./tpp-application.entity.js";
export { VettingDecision } from "./vetting-decision.entity.js";
