/** @module Federated links inside a consent's parts: the PSU of an authorisation, the Account of a reference. */
import { FieldResolver, Resolver, Root } from "type-graphql";
import { ConsentAccountReference, ConsentAuthorisation } from "../entities/index.js";
import { AccountReference, PsuReference, accountRef, psuRef } from "./types/stubs.js";

@Resolver(() => ConsentAuthorisation)
export class ConsentAuthorisationResolver {
  @FieldResolver(() => PsuReference, { nullable: true, description: "The PSU who authorises; null until identified." })
  psu(@Root() authorisation: ConsentAuthorisation) {
    return authorisation.psuId ? psuRef(authorisation.psuId) : null;
  }
}

@Resolver(() => ConsentAccountReference)
export class ConsentAccountReferenceResolver {
  @FieldResolver(() => AccountReference, { description: "The account behind the IBAN (resolved by the accounts subgraph)." })
  account(@Root() reference: ConsentAccountReference) {
    return accountRef(reference.iban);
  }
}
