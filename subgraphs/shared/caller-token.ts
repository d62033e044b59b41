/**
 * @module How a caller crosses the network from the gateway to a subgraph in distributed mode: a
 * short-lived JWT signed with the secret both share. A subgraph trusts no caller it cannot verify.
 */
import { jwtVerify, SignJWT } from "jose";
import { parseCaller, type Caller } from "./context.js";
import { HubError } from "./errors.js";

export const CALLER_HEADER = "x-hub-caller";
const ISSUER = "hub-gateway";
const AUDIENCE = "hub-subgraphs";

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export function signCaller(caller: Caller, secret: string): Promise<string> {
  return new SignJWT({ caller })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime("2m")
    .sign(keyOf(secret));
}

export async function verifyCaller(token: string | undefined, secret: string): Promise<Caller> {
  if (!token) throw new HubError("UNAUTHENTICATED", "Subgraphs accept requests only from the gateway (no caller token).", { httpStatus: 401 });
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"], clockTolerance: 5 });
    return parseCaller(payload.caller);
  } catch (error) {
    throw new HubError("UNAUTHENTICATED", "The caller token is not valid for this hub.", { httpStatus: 401, cause: error });
  }
}
