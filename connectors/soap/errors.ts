/**
 * @module What a SOAP core call throws when the core, not the business, failed: a HubError with code
 * CORE_UNAVAILABLE (a 5xx, so the resilience layer counts it) saying what went wrong. Business
 * refusals (a SOAP Fault with a BusinessFault detail) are not errors: they become Result values.
 */
import { HubError } from "../../subgraphs/shared/errors.js";

export type SoapFailure =
  | "refused"
  | "reset"
  | "timeout"
  | "too-large"
  /** Not XML, or not a SOAP envelope. */
  | "malformed"
  /** A SOAP Fault without a business code: the core failed. */
  | "fault"
  /** An HTTP error without a SOAP envelope. */
  | "status"
  /** Well-formed, but not the shape or types the WSDL promises. */
  | "bad-answer"
  /** The WSDL could not be loaded or refers to something it may not. */
  | "wsdl";

const STATUS: Record<SoapFailure, number> = { refused: 503, reset: 503, timeout: 504, "too-large": 502, malformed: 502, fault: 502, status: 502, "bad-answer": 502, wsdl: 503 };

export class SoapCoreError extends HubError {
  constructor(
    readonly failure: SoapFailure,
    readonly detail: string,
    readonly where: { bankId: string; operation: string },
    cause?: unknown,
  ) {
    super("CORE_UNAVAILABLE", `SOAP core of bank "${where.bankId}", ${where.operation}: ${detail}`, {
      httpStatus: STATUS[failure],
      cause,
      details: { bankId: where.bankId, operation: where.operation, failure },
    });
    this.name = "SoapCoreError";
  }
}

/** A business refusal the core sent as a SOAP Fault. */
export interface BusinessFault {
  code: string;
  message: string;
}

const NETWORK: Record<string, [SoapFailure, string]> = {
  ECONNREFUSED: ["refused", "connection refused"],
  ENOTFOUND: ["refused", "host not found"],
  EAI_AGAIN: ["refused", "host name lookup failed"],
  EHOSTUNREACH: ["refused", "host unreachable"],
  ECONNRESET: ["reset", "the connection was reset"],
  EPIPE: ["reset", "the connection was closed"],
  ECONNABORTED: ["timeout", "no answer in time"],
  ETIMEDOUT: ["timeout", "no answer in time"],
  ERR_CANCELED: ["timeout", "no answer in time"],
};

/** Sorts whatever the soap client threw into a business fault (returned) or a SoapCoreError (for throwing). */
export function classify(error: unknown, where: { bankId: string; operation: string }, limits: { timeoutMs: number; maxResponseBytes: number }): BusinessFault | SoapCoreError {
  const e = error as { code?: string; message?: string; root?: any; Fault?: any; response?: { status?: number }; isAxiosError?: boolean };
  const fault = e?.root?.Envelope?.Body?.Fault;
  if (fault) {
    const business = fault.detail?.BusinessFault;
    if (typeof business?.Code === "string") return { code: business.Code, message: typeof business.Message === "string" ? business.Message : business.Code };
    const code = typeof fault.faultcode === "string" ? fault.faultcode : "unknown";
    return new SoapCoreError("fault", `the core answered a SOAP Fault ${code}: ${String(fault.faultstring ?? "").slice(0, 200)}`, where, error);
  }
  if (e?.isAxiosError || (typeof e?.code === "string" && e.code in NETWORK)) {
    if (/maxContentLength/.test(e.message ?? "")) return new SoapCoreError("too-large", `the answer is larger than maxResponseBytes (${limits.maxResponseBytes})`, where, error);
    const [failure, what] = NETWORK[e.code ?? ""] ?? (/socket hang up/.test(e.message ?? "") ? NETWORK.ECONNRESET! : ["reset", `the call failed (${e.code ?? e.message})`]);
    return new SoapCoreError(failure, failure === "timeout" ? `no answer within ${limits.timeoutMs} ms` : what, where, error);
  }
  if (e?.response?.status && e.response.status >= 400 && e.message === "Error http status codes") {
    return new SoapCoreError("status", `the core answered HTTP ${e.response.status} without a SOAP envelope`, where, error);
  }
  const message = e?.Fault?.faultstring ?? e?.message ?? String(error);
  return new SoapCoreError("malformed", `the answer is not a SOAP envelope the WSDL describes (${String(message).split("\n")[0]!.slice(0, 200)})`, where, error);
}
