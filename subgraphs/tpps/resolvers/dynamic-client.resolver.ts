/**
 * Dynamically registered OAuth clients: the hub's authorization server records them after verifying
 * their software statement; they stay PENDING (and get no token) until an operator decides.
 */
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { requireOperator } from "../../shared/authz.js";
import { commonErrors, HubError } from "../../shared/errors.js";
import { assertUuid } from "../../shared/ids.js";
import type { TppsContext } from "../context.js";
import { Tpp, TppApplication } from "../entities/index.js";
import { ApplicationStatus } from "../entities/tpp-application.entity.js";
import { DecideTppApplicationInput, RegisterDynamicClientInput } from "./types/dynamic-client.inputs.js";

@Resolver(() => TppApplication)
export class DynamicClientResolver {
  @Mutation(() => TppApplication, {
    description: "For the hub's authorization server: a PENDING app (and, for an unknown authorisation number, a PENDING TPP) from a verified software statement.",
  })
  async registerDynamicClient(@Arg("input", () => RegisterDynamicClientInput) input: RegisterDynamicClientInput, @Ctx() ctx: TppsContext) {
    if (ctx.caller.kind !== "system") throw new HubError("FORBIDDEN", "Only the hub's authorization server registers dynamic clients.", { httpStatus: 403 });
    const { clientId, name, softwareId, redirectUris, jwks, ...organisation } = input;
    const tpp =
      (await ctx.em.findOne(Tpp, { authorisationNumber: organisation.authorisationNumber })) ??
      (await ctx.tpps.register({ ...organisation, contacts: [] }, ctx.caller));
    return ctx.tpps.registerApplication({ tppId: tpp.id, clientId, name, redirectUris, jwks }, { status: ApplicationStatus.PENDING, softwareId });
  }

  @Mutation(() => TppApplication, { description: "An operator approves (ACTIVE) or rejects (REJECTED) a PENDING app, or rejects an ACTIVE one." })
  async decideTppApplication(@Arg("input", () => DecideTppApplicationInput) input: DecideTppApplicationInput, @Ctx() ctx: TppsContext) {
    requireOperator(ctx.caller, "decide on applications");
    if (!input.reason.trim()) throw commonErrors.badInput("A decision needs a reason.");
    const application = await ctx.em.findOne(TppApplication, { id: assertUuid(input.applicationId, "applicationId") });
    if (!application) throw commonErrors.notFound("application", input.applicationId);
    const allowed = application.status === ApplicationStatus.PENDING ? input.status !== ApplicationStatus.PENDING : application.status === ApplicationStatus.ACTIVE && input.status === ApplicationStatus.REJECTED;
    if (!allowed) throw commonErrors.illegalTransition("application", application.status.toUpperCase(), input.status.toUpperCase());
    Object.assign(application, { status: input.status, decisionReason: input.reason.trim() });
    await ctx.em.flush();
    return application;
  }
}
