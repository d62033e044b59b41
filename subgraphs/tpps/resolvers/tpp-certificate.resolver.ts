/**
 * TPPs found by their eIDAS certificate: the gateway reads the authorisation number from a QWAC or
 * QSealC and looks the TPP up here; in sandbox mode it registers an unknown test certificate's TPP.
 */
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { UniqueConstraintViolationException } from "@mikro-orm/core";
import { requireOperator } from "../../shared/authz.js";
import { HubError } from "../../shared/errors.js";
import type { TppsContext } from "../context.js";
import { Tpp, TppStatus } from "../entities/index.js";
import { RegisterTppInput } from "./types/tpp.inputs.js";

@Resolver(() => Tpp)
export class TppCertificateResolver {
  @Query(() => Tpp, { nullable: true, description: "A TPP by its authorisation number at its competent authority (operators and the hub itself)." })
  tppByAuthorisationNumber(@Arg("authorisationNumber", () => String) authorisationNumber: string, @Ctx() ctx: TppsContext) {
    requireOperator(ctx.caller, "look TPPs up by authorisation number");
    return ctx.em.findOne(Tpp, { authorisationNumber });
  }

  @Mutation(() => Tpp, {
    description:
      "Sandbox only, for the hub itself: registers the TPP of an unknown test certificate as ACTIVE with the roles the certificate carries; an already registered TPP is returned unchanged.",
  })
  async registerSandboxTpp(@Arg("input", () => RegisterTppInput) input: RegisterTppInput, @Ctx() ctx: TppsContext) {
    if (ctx.caller.kind !== "system") throw new HubError("FORBIDDEN", "Only the hub itself registers sandbox TPPs from test certificates.", { httpStatus: 403 });
    const existing = await ctx.em.findOne(Tpp, { authorisationNumber: input.authorisationNumber });
    if (existing) return existing;
    try {
      const tpp = await ctx.tpps.register(input, ctx.caller);
      return await ctx.tpps.decide(tpp.id, TppStatus.ACTIVE, "sandbox: registered from its test certificate", ctx.caller);
    } catch (error) {
      if (!(error instanceof HubError && error.code === "TPP_ALREADY_REGISTERED") && !(error instanceof UniqueConstraintViolationException)) throw error;
      return ctx.em.fork().findOneOrFail(Tpp, { authorisationNumber: input.authorisationNumber });
    }
  }
}
