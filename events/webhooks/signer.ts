/**
 * @module Signs a webhook with the hub's key as a JWS with detached content (RFC 7515, appendix F):
 * the payload is the exact request body, the protected header binds the delivery id, the time and
 * the target URL, and `kid` names the key in the hub's published JWKS (/oauth/jwks).
 *
 * @example Verifying on the receiving side (jose):
 * const jwks = createRemoteJWKSet(new URL("https://hub.example/oauth/jwks"));
 * const [header, , signature] = req.headers["webhook-signature"].split(".");
 * const { protectedHeader } = await compactVerify(`${header}.${base64url.encode(rawBody)}.${signature}`, jwks);
 * // then check protectedHeader["webhook-url"], ["webhook-timestamp"] (freshness) and ["webhook-id"] (de-duplication)
 */
import { CompactSign, importJWK, type JWK } from "jose";

export const WEBHOOK_JWS_TYPE = "webhook+jws";

export interface WebhookToSign {
  /** The delivery id, sent as Webhook-Id. */
  id: string;
  /** Unix seconds, sent as Webhook-Timestamp. */
  timestamp: number;
  url: string;
  body: string;
}

export interface WebhookSigner {
  /** The Webhook-Signature header value: `<protected header>..<signature>`. */
  sign(webhook: WebhookToSign): Promise<string>;
}

export async function createWebhookSigner(privateJwk: JWK): Promise<WebhookSigner> {
  const { kid, alg } = privateJwk;
  if (!kid || !alg || !privateJwk.d) throw new Error("The webhook signing key must be a private JWK with kid and alg.");
  const key = await importJWK(privateJwk, alg);
  return {
    async sign({ id, timestamp, url, body }) {
      const jws = await new CompactSign(new TextEncoder().encode(body))
        .setProtectedHeader({ alg, kid, typ: WEBHOOK_JWS_TYPE, "webhook-id": id, "webhook-timestamp": timestamp, "webhook-url": url })
        .sign(key);
      const [header, , signature] = jws.split(".");
      return `${header}..${signature}`;
    },
  };
}
