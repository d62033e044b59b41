import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { ConsentsContext } from "../context.js";
import {
  StartConsentAuthorisationInput,
  StartConsentAuthorisationPayload,
  UpdateConsentAuthorisationInput,
  UpdateConsentAuthorisationPayload,
} from "./types/consent-authorisation.input.js";
import { CreateConsentInput, CreateConsentPayload } from "./types/create-consent.input.js";
import { DeleteConsentInput, DeleteConsentPayload, RevokeConsentInput, RevokeConsentPayload } from "./types/end-consent.input.js";

@Resolver()
export class ConsentMutationResolver {
  @Mutation(() => CreateConsentPayload, { description: "A TPP asks for a consent (Berlin Group POST /v1/consents); it starts RECEIVED." })
  async createConsent(@Arg("input", () => CreateConsentInput) input: CreateConsentInput, @Ctx() ctx: ConsentsContext) {
    return ctx.consents.create(input, ctx.caller);
  }

  @Mutation(() => StartConsentAuthorisationPayload, { description: "Start an SCA of the consent (POST …/authorisations), optionally with the PSU's password as its first step." })
  startConsentAuthorisation(@Arg("input", () => StartConsentAuthorisationInput) input: StartConsentAuthorisationInput, @Ctx() ctx: ConsentsContext) {
    return ctx.authorisations.start(input, ctx.caller);
  }

  @Mutation(() => UpdateConsentAuthorisationPayload, {
    description: "One SCA step (PUT …/authorisations/{id}): the bank checks the password or one-time code; FINALISED or EXEMPTED makes the consent VALID, FAILED makes it REJECTED. A refused password or code is PSU_CREDENTIALS_INVALID.",
  })
  updateConsentAuthorisation(@Arg("input", () => UpdateConsentAuthorisationInput) input: UpdateConsentAuthorisationInput, @Ctx() ctx: ConsentsContext) {
    return ctx.authorisations.update(input, ctx.caller);
  }

  @Mutation(() => RevokeConsentPayload, { description: "The PSU withdraws a VALID consent: REVOKED_BY_PSU." })
  async revokeConsent(@Arg("input", () => RevokeConsentInput) input: RevokeConsentInput, @Ctx() ctx: ConsentsContext) {
    return { consent: await ctx.consents.revoke(input.consentId, ctx.caller, input.psuId) };
  }

  @Mutation(() => DeleteConsentPayload, { description: "The TPP ends its consent (DELETE /v1/consents/{id}): TERMINATED_BY_TPP." })
  async deleteConsent(@Arg("input", () => DeleteConsentInput) input: DeleteConsentInput, @Ctx() ctx: ConsentsContext) {
    return { consent: await ctx.consents.terminate(input.consentId, ctx.caller, input.tppId) };
  }
}
