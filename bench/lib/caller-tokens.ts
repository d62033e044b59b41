/**
 * @module The signed caller identity the hub's subgraphs demand (x-hub-caller), for the gateways
 * that are not ours. They do not check bearer tokens, so they forward the identity our hub derives
 * from the benchmark's operator tokens, signed once and refreshed every 30 s: every such gateway pays
 * the same nothing for it per request. (Ours verifies each bearer token and signs with its own code.)
 */
import { CALLER_HEADER, signCaller } from "../../subgraphs/shared/caller-token.js";
import type { Caller } from "../../subgraphs/shared/context.js";

export { CALLER_HEADER };

/** What gateway/auth makes of a client-credentials token with scope `operator`. */
export const BENCH_CALLER: Caller = { kind: "operator", scopes: ["operator"], psuPresent: false };

export async function callerTokens(secret: string): Promise<{ current(): string; close(): void }> {
  let token = await signCaller(BENCH_CALLER, secret);
  const timer = setInterval(async () => {
    token = await signCaller(BENCH_CALLER, secret);
  }, 30_000);
  timer.unref();
  return { current: () => token, close: () => clearInterval(timer) };
}
