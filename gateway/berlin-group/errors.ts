/**
 * @module Berlin Group errors: every refusal leaves the facade as `{ tppMessages: [...] }` with a code
 * and HTTP status from the spec's catalogue, never as a GraphQL error shape or a stack trace.
 */

/** Codes the facade answers with, and the HTTP status each is answered with by default. */
export const TPP_MESSAGE_STATUS = {
  FORMAT_ERROR: 400,
  PARAMETER_NOT_CONSISTENT: 400,
  PARAMETER_NOT_SUPPORTED: 400,
  PERIOD_INVALID: 400,
  EXECUTION_DATE_INVALID: 400,
  SCA_METHOD_UNKNOWN: 400,
  PAYMENT_FAILED: 400,
  RESOURCE_BLOCKED: 400,
  CERTIFICATE_INVALID: 401,
  CERTIFICATE_EXPIRED: 401,
  CERTIFICATE_BLOCKED: 401,
  CERTIFICATE_MISSING: 401,
  ROLE_INVALID: 401,
  PSU_CREDENTIALS_INVALID: 401,
  CONSENT_INVALID: 401,
  CONSENT_EXPIRED: 401,
  TOKEN_INVALID: 401,
  CONSENT_UNKNOWN: 403,
  SERVICE_BLOCKED: 403,
  PRODUCT_INVALID: 403,
  RESOURCE_UNKNOWN: 404,
  PRODUCT_UNKNOWN: 404,
  SERVICE_INVALID: 405,
  CANCELLATION_INVALID: 405,
  REQUESTED_FORMATS_INVALID: 406,
  STATUS_INVALID: 409,
  ACCESS_EXCEEDED: 429,
} as const;

export type TppMessageCode = keyof typeof TPP_MESSAGE_STATUS;

export interface TppMessage {
  category: "ERROR" | "WARNING";
  code: TppMessageCode;
  text?: string;
  path?: string;
}

/** A refusal the facade answers as tppMessages; `status` overrides the code's usual HTTP status. */
export class BerlinGroupError extends Error {
  override name = "BerlinGroupError";
  readonly status: number;
  readonly path?: string;

  constructor(
    readonly code: TppMessageCode,
    text: string,
    options: { status?: number; path?: string } = {},
  ) {
    super(text.slice(0, 500));
    this.status = options.status ?? TPP_MESSAGE_STATUS[code];
    this.path = options.path;
  }

  toBody(): { tppMessages: TppMessage[] } {
    const message: TppMessage = { category: "ERROR", code: this.code, text: this.message };
    if (this.path) message.path = this.path;
    return { tppMessages: [message] };
  }
}

export const formatError = (text: string, path?: string) => new BerlinGroupError("FORMAT_ERROR", text, { path });
