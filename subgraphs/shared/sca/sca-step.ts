/**
 * @module One SCA step of a consent or payment authorisation: the PSU's evidence, checked by the bank
 * through its connector, moves the scaStatus. Call it outside any transaction (the core is another
 * system, and embedded it shares the database connection), then store the new progress.
 */
import type { ConnectorContext, CoreBankingConnector, ScaMethod } from "../../../connectors/contract.js";
import { commonErrors, HubError } from "../errors.js";
import { assertScaMove } from "./sca-state.js";
import { enumName, ScaStatus } from "./sca-status.js";
import type { ScaStepInput } from "./sca-step.input.js";

export interface ScaProgress {
  scaStatus: ScaStatus;
  psuId: string | null;
  scaMethods: ScaMethod[] | null;
  chosenScaMethod: ScaMethod | null;
}

export interface ScaStepOutcome {
  progress: ScaProgress;
  /** Set when the bank refused the evidence: store the FAILED progress, then throw this. */
  failure?: HubError;
}

export const scaErrors = {
  credentialsInvalid: (message: string) => new HubError("PSU_CREDENTIALS_INVALID", message, { httpStatus: 401 }),
  notSupported: (bankId: string) =>
    new HubError("SCA_NOT_SUPPORTED", `Bank "${bankId}" does not take PSU authentication through the hub.`, { httpStatus: 501, details: { bankId } }),
  stepOutOfOrder: (step: string, status: ScaStatus) =>
    new HubError("SCA_STEP_OUT_OF_ORDER", `The ${step} step does not apply to an authorisation in ${enumName(ScaStatus, status)}.`, {
      httpStatus: 409,
      details: { scaStatus: enumName(ScaStatus, status) },
    }),
};

type Step = "password" | "authenticationMethodId" | "scaAuthenticationData" | "deny";

function stepOf(input: ScaStepInput): Step {
  const given = (["password", "authenticationMethodId", "scaAuthenticationData", "deny"] as const).filter((k) => input[k] != null && input[k] !== false);
  if (given.length !== 1) {
    throw commonErrors.badInput("Give exactly one of password, authenticationMethodId, scaAuthenticationData or deny.", { given });
  }
  return given[0]!;
}

/** Whether the input carries any step at all (a start may come with or without the password). */
export function hasScaStep(input: ScaStepInput): boolean {
  return input.password != null || input.authenticationMethodId != null || input.scaAuthenticationData != null || input.deny === true;
}

const move = (progress: ScaProgress, to: ScaStatus, changes: Partial<ScaProgress> = {}): ScaProgress => {
  assertScaMove(progress.scaStatus, to);
  return { ...progress, ...changes, scaStatus: to };
};

const failed = (progress: ScaProgress, failure: HubError): ScaStepOutcome => ({ progress: move(progress, ScaStatus.FAILED), failure });

export async function applyScaStep(
  progress: ScaProgress,
  input: ScaStepInput,
  bank: { id: string; connector: CoreBankingConnector },
  ctx: ConnectorContext,
): Promise<ScaStepOutcome> {
  const step = stepOf(input);
  if (step === "deny") return { progress: move(progress, ScaStatus.FAILED) };
  const psuId = progress.psuId;
  if (!psuId) throw new HubError("PSU_ID_REQUIRED", "The PSU must be identified (psuId) before this step.", { httpStatus: 400 });
  const core = <T>(call: Promise<T>) => call.catch((error: unknown) => Promise.reject(commonErrors.coreUnavailable(bank.id, error)));

  if (step === "password") {
    if (progress.scaStatus !== ScaStatus.RECEIVED && progress.scaStatus !== ScaStatus.PSU_IDENTIFIED) throw scaErrors.stepOutOfOrder("password", progress.scaStatus);
    const result = await core(bank.connector.authenticatePsu(ctx, psuId, input.password!));
    if (!result.ok) {
      if (result.error.code === "NOT_SUPPORTED") throw scaErrors.notSupported(bank.id);
      return failed(progress, scaErrors.credentialsInvalid(result.error.message));
    }
    const methods = result.value.scaMethods;
    const authenticated = move(progress, ScaStatus.PSU_AUTHENTICATED, { scaMethods: methods });
    if (methods.length === 0) return { progress: move(authenticated, ScaStatus.EXEMPTED) };
    if (methods.length === 1) return { progress: move(authenticated, ScaStatus.SCA_METHOD_SELECTED, { chosenScaMethod: methods[0]! }) };
    return { progress: authenticated };
  }

  if (step === "authenticationMethodId") {
    if (progress.scaStatus !== ScaStatus.PSU_AUTHENTICATED) throw scaErrors.stepOutOfOrder("method selection", progress.scaStatus);
    const method = progress.scaMethods?.find((m) => m.authenticationMethodId === input.authenticationMethodId);
    if (!method) throw commonErrors.badInput(`"${input.authenticationMethodId}" is not one of the PSU's SCA methods.`);
    return { progress: move(progress, ScaStatus.SCA_METHOD_SELECTED, { chosenScaMethod: method }) };
  }

  if (progress.scaStatus !== ScaStatus.SCA_METHOD_SELECTED && progress.scaStatus !== ScaStatus.STARTED) {
    throw scaErrors.stepOutOfOrder("authentication code", progress.scaStatus);
  }
  const method = progress.chosenScaMethod;
  if (!method) throw scaErrors.stepOutOfOrder("authentication code", progress.scaStatus);
  const result = await core(bank.connector.verifyScaCode(ctx, psuId, method.authenticationMethodId, input.scaAuthenticationData!));
  if (!result.ok) return failed(progress, scaErrors.credentialsInvalid(result.error.message));
  return { progress: move(progress, ScaStatus.FINALISED) };
}
