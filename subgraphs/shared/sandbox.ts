/**
 * @module The sandbox cast that several subgraphs seed rows for. Ids are derived, never stored here,
 * so each subgraph seeds its own tables and still refers to the same TPPs as the others.
 */
import { sandboxId } from "./ids.js";

export interface SandboxTpp {
  key: string;
  legalName: string;
  authorisationNumber: string;
  nationalCompetentAuthority: string;
  country: string;
  roles: ("AISP" | "PISP" | "PIISP")[];
  status: "pending" | "active" | "suspended" | "revoked";
}

export const SANDBOX_TPPS: readonly SandboxTpp[] = [
  { key: "finanzblick", legalName: "Finanzblick Budget GmbH", authorisationNumber: "PSDDE-BAFIN-911201", nationalCompetentAuthority: "BAFIN", country: "DE", roles: ["AISP"], status: "active" },
  { key: "paystream", legalName: "PayStream Payments SA", authorisationNumber: "PSDFR-ACPR-16428", nationalCompetentAuthority: "ACPR", country: "FR", roles: ["AISP", "PISP"], status: "active" },
  { key: "checkfunds", legalName: "CheckFunds Ltd", authorisationNumber: "PSDIE-CBI-C300112", nationalCompetentAuthority: "CBI", country: "IE", roles: ["PIISP"], status: "active" },
  { key: "taxmate", legalName: "TaxMate Software AG", authorisationNumber: "PSDAT-FMA-57731", nationalCompetentAuthority: "FMA", country: "AT", roles: ["AISP"], status: "active" },
  { key: "greenledger", legalName: "GreenLedger BV", authorisationNumber: "PSDNL-DNB-R183477", nationalCompetentAuthority: "DNB", country: "NL", roles: ["AISP", "PISP"], status: "pending" },
  { key: "quickloan", legalName: "QuickLoan Scoring OÜ", authorisationNumber: "PSDEE-FSA-4.1-1/44", nationalCompetentAuthority: "FSA", country: "EE", roles: ["AISP"], status: "suspended" },
];

export function sandboxTppId(key: string): string {
  return sandboxId("tpp", key);
}
