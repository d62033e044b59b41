/**
 * @module Signs what the hub sends (webhooks, SPI calls) with the hub's key as a JWS with detached
 * content (RFC 7515, appendix F): the payload is the exact request body, the protected header binds
 * the id, the time and the target URL, and `kid` names the key in the hub's published JWKS (/oauth/jwks).
 *
 * @example Verifying on the receiving side (jose):
 * const jwks = createRemoteJWKSet(new URL("https://hub.example/oauth/jwks"));
 * const [header, , signature] = req.headers["webhook-signature"].split(".");
 * const { protectedHeader } = await compactVerify(`${header}.${base64url.encode(rawBody)}.${signature}`, jwks);
 * // then check protectedHeader["webhook-url"], ["webhook-timestamp"] (freshness) and ["webhook-id"] (de-duplication)
 */
import { CompactSign, importJWK, type JWK } from "jose";
import type { SigningKeys } from "../../gateway/auth/keys.js";

export const WEBHOOK_JWS_TYPE = "webhook+jws";
export const SPI_JWS_TYPE = "spi+jws";

/** How a kind of request is signed: the JWS `typ`, and the prefix of its header parameters (`<prefix>-id`, …). */
export interface SignatureKind {
  typ: string;
  prefix: string;
}

export const WEBHOOK_SIGNATURE: SignatureKind = { typ: WEBHOOK_JWS_TYPE, prefix: "webhook" };
export const SPI_SIGNATURE: SignatureKind = { typ: SPI_JWS_TYPE, prefix: "spi" };

export interface WebhookToSign {
  /** The request id, sent as Webhook-Id (Spi-Id). */
  id: string;
  /** Unix seconds, sent as Webhook-Timestamp (Spi-Timestamp). */
  timestamp: number;
  url: string;
  body: string;
}

export interface WebhookSigner {
  /** The Webhook-Signature (Spi-Signature) header value: `<protected header>..<signature>`. */
  sign(webhook: WebhookToSign): Promise<string>;
}

export async function createWebhookSigner(privateJwk: JWK, kind: SignatureKind = WEBHOOK_SIGNATURE): Promise<WebhookSigner> {
  const { kid, alg } = privateJwk;
  if (!kid || !alg || !privateJwk.d) throw new Error("The signing key must be a private JWK with kid and alg.");
  const key = await importJWK(privateJwk, alg);
  const { typ, prefix } = kind;
  return {
    async sign({ id, timestamp, url, body }) {
      const jws = await new CompactSign(new TextEncoder().encode(body))
        .setProtectedHeader({ alg, kid, typ, [`${prefix}-id`]: id, [`${prefix}-timestamp`]: timestamp, [`${prefix}-url`]: url })
        .sign(key);
      const [header, , signature] = jws.split(".");
      return `${header}..${signature}`;
    },
  };
}

/** Signs with the hub's current signing key, taken at the first request (and again after a failure to get it). */
export function hubKeySigner(keys: () => Promise<SigningKeys>, kind: SignatureKind = WEBHOOK_SIGNATURE): WebhookSigner {
  let signer: Promise<WebhookSigner> | undefined;
  return {
    async sign(request) {
      signer ??= keys()
        .then((set) => createWebhookSigner(set.privateJwks.keys[0]!, kind))
        .catch((error: unknown) => {
          signer = undefined;
          throw error;
        });
      return (await signer).sign(request);
    },
  };
}
