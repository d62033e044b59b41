import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { connectionType } from "../../shared/connection.js";
import { assertUuid } from "../../shared/ids.js";
import { inScope, scopeOf } from "../caller-scope.js";
import { awaitsAuthorisation } from "../consent-state.js";
import type { ConsentsContext } from "../context.js";
import { Consent, ConsentAuthorisation, ConsentStatusChange, ibansOf } from "../entities/index.js";
import { ConsentsArgs } from "./types/consents.args.js";
import { AccountReference, PsuReference, TppReference, accountRef, psuRef, tppRef } from "./types/stubs.js";

export const ConsentConnection = connectionType("Consent", Consent);

/** A consent the caller may see, or null. Also the `_entities` resolution of Consent. */
export async function visibleConsent(id: string, ctx: ConsentsContext): Promise<Consent | null> {
  const consent = await ctx.loaders.consentById.load(assertUuid(id, "id"));
  return consent && inScope(scopeOf(ctx.caller), consent) ? consent : null;
}

@Resolver(() => Consent)
export class ConsentResolver {
  @Query(() => Consent, { nullable: true, description: "A consent by id; null when there is none (or it is not the caller's)." })
  consent(@Arg("id", () => ID) id: string, @Ctx() ctx: ConsentsContext) {
    return visibleConsent(id, ctx);
  }

  @Query(() => ConsentConnection, { description: "Consents, newest first, optionally of one PSU, TPP and status." })
  consents(@Args(() => ConsentsArgs) args: ConsentsArgs, @Ctx() ctx: ConsentsContext) {
    return ctx.consents.list(args, ctx.caller);
  }

  @FieldResolver(() => Boolean, { description: "Whether the consent still takes an authorisation (RECEIVED or PARTIALLY_AUTHORISED)." })
  awaitsAuthorisation(@Root() consent: Consent) {
    return awaitsAuthorisation(consent.status);
  }

  @FieldResolver(() => PsuReference, { nullable: true, description: "The PSU whose accounts the consent covers; null until a PSU authorises a consent asked for without one." })
  psu(@Root() consent: Consent) {
    return consent.psuId ? psuRef(consent.psuId) : null;
  }

  @FieldResolver(() => TppReference, { description: "The TPP the consent was given to." })
  tpp(@Root() consent: Consent) {
    return tppRef(consent.tppId);
  }

  @FieldResolver(() => [AccountReference], {
    description: "Every account the access names (accounts, balances, transactions or the PIIS account), once each; empty for wholesale AIS access.",
  })
  accounts(@Root() consent: Consent) {
    return ibansOf(consent.access).map(accountRef);
  }

  @FieldResolver(() => [ConsentStatusChange], { description: "Every status change, oldest first." })
  statusHistory(@Root() consent: Consent, @Ctx() ctx: ConsentsContext) {
    return ctx.loaders.statusHistoryByConsentId.load(consent.id);
  }

  @FieldResolver(() => [ConsentAuthorisation], { description: "Authorisations (SCA) of the consent, oldest first." })
  authorisations(@Root() consent: Consent, @Ctx() ctx: ConsentsContext) {
    return ctx.loaders.authorisationsByConsentId.load(consent.id);
  }
}
