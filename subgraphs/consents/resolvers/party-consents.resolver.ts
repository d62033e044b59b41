/** @module Fields this subgraph adds to others' entities: Psu.consents and Tpp.consents. */
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConsentsContext } from "../context.js";
import { Consent, ConsentStatus } from "../entities/index.js";
import { PsuReference, TppReference } from "./types/stubs.js";

@Resolver(() => PsuReference)
export class PsuConsentsResolver {
  @FieldResolver(() => [Consent], { description: "The PSU's consents, newest first (only the caller's TPP's when a TPP calls)." })
  consents(
    @Root() psu: PsuReference,
    @Arg("status", () => ConsentStatus, { nullable: true }) status: ConsentStatus | null | undefined,
    @Ctx() ctx: ConsentsContext,
  ) {
    return ctx.loaders.consentsByPsu.load({ id: psu.id, status });
  }
}

@Resolver(() => TppReference)
export class TppConsentsResolver {
  @FieldResolver(() => [Consent], { description: "Consents given to the TPP, newest first." })
  consents(
    @Root() tpp: TppReference,
    @Arg("status", () => ConsentStatus, { nullable: true }) status: ConsentStatus | null | undefined,
    @Ctx() ctx: ConsentsContext,
  ) {
    return ctx.loaders.consentsByTpp.load({ id: tpp.id, status });
  }
}
