/**
 * @module Fault switches of the simulated core, flipped by tests: slow answers, garbage of several kinds,
 * and lost answers to payment initiations (processed, then the connection is dropped). "Down" is a method
 * of the simulator, since it closes the listening socket.
 */
import { buildIsoDocument } from "../../../connectors/iso20022/xml.js";
import type { SimResponse } from "./routes.js";

export type GarbageKind = "off" | "malformed" | "wrong-message" | "oversized" | "doctype" | "truncated" | "server-error";

export class Iso20022Faults {
  /** Delay before each request is handled (the core still processes it if the client gave up). */
  slowMs = 0;
  garbage: GarbageKind = "off";
  /** The next N payment initiations are booked, then their connection is dropped without an answer. */
  loseResponses = 0;
  /** The next N requests of any kind are dropped unread: the core never sees them. */
  dropRequests = 0;
  /** Called when an answer is lost, before the connection is dropped (e.g. to take the core down right then). */
  onLostResponse: (() => void) | undefined = undefined;
  /** Size of an oversized answer, in bytes. */
  oversizeBytes = 6 * 1024 * 1024;

  reset(): void {
    Object.assign(this, { slowMs: 0, garbage: "off", loseResponses: 0, dropRequests: 0, onLostResponse: undefined });
  }
}

const camt054 = () =>
  buildIsoDocument("camt.054", {
    GrpHdr: { MsgId: "WRONG-MESSAGE", CreDtTm: "2026-01-01T00:00:00Z" },
    Ntfctn: [{ Id: "WRONG-1", Acct: { Id: { IBAN: "DE89370400440532013000" } } }],
  });

/** What a garbage-answering core sends instead of `real`. */
export function garbageFor(kind: Exclude<GarbageKind, "off" | "truncated">, real: SimResponse, oversizeBytes: number): SimResponse {
  const xmlish = real.type !== "json";
  switch (kind) {
    case "malformed":
      return { ...real, status: 200, body: xmlish ? `${real.body.slice(0, Math.floor(real.body.length / 2))}<<</Unclosed` : '{"accounts": [ {"iban": ' };
    case "wrong-message":
      if (!xmlish) return { status: 200, type: "json", body: "[1, 2, 3]" };
      return { status: 200, type: "xml", body: real.body.includes("camt.054") ? camt054().replace("camt.054.001.08", "pain.002.001.10") : camt054() };
    case "oversized":
      return { status: 200, type: real.type === "json" ? "json" : "xml", body: `${real.body}${" ".repeat(oversizeBytes)}` };
    case "server-error":
      return { status: 503, type: "json", body: '{"error":"MAINTENANCE"}' };
    case "doctype":
      return {
        status: 200,
        type: "xml",
        body: '<?xml version="1.0"?><!DOCTYPE Document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.08">&b;</Document>',
      };
  }
}
