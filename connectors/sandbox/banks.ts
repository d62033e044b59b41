/** @module The two sandbox banks the hub starts with when no bank configuration is given. */
import type { BankConfig } from "../registry.js";

export const SANDBOX_BANKS: BankConfig[] = [
  {
    id: "musterbank",
    name: "Musterbank AG",
    bic: "MUSBDEM1XXX",
    country: "DE",
    status: "sandbox",
    connector: { kind: "sandbox", options: { bankCode: "76070024" } },
  },
  {
    id: "beispielbank",
    name: "Beispielbank eG",
    bic: "BSPBDEF1XXX",
    country: "DE",
    status: "sandbox",
    connector: { kind: "sandbox", options: { bankCode: "50010517" } },
  },
];
