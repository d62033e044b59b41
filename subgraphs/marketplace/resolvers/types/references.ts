/** @module Other subgraphs' entities as this one sees them: their keys only. */
import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Owned by tpps; resolvable here because the marketplace adds `Tpp.solutions`. */
@Directive('@key(fields: "id")')
@ObjectType("Tpp")
export class TppReference {
  @Field(() => ID) id!: string;
}

/** Owned by accounts; the id is a slug such as "musterbank". */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType("Bank")
export class BankReference {
  @Field(() => ID) id!: string;
}

export const tppReference = (id: string) => Object.assign(new TppReference(), { id });
export const bankReference = (id: string) => Object.assign(new BankReference(), { id });
