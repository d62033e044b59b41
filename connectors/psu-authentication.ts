/**
 * @module For cores that do not authenticate PSUs themselves (their bank runs its own identity
 * provider): the connector answers NOT_SUPPORTED, and the hub cannot take an SCA at that bank.
 */
import type { ScaMethod } from "./contract.js";
import { notSupported, type Result } from "./result.js";

export const psuAuthenticationNotSupported = {
  authenticatePsu: async (): Promise<Result<{ scaMethods: ScaMethod[] }>> => notSupported("authenticatePsu"),
  verifyScaCode: async (): Promise<Result<void>> => notSupported("verifyScaCode"),
};
