/** @module Other subgraphs' entities, by federation key only. */
import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "iban", resolvable: false)')
@ObjectType("Account", { description: "An account, owned by the accounts subgraph; referenced here by IBAN." })
export class AccountReference {
  @Field(() => String) iban!: string;
}

@Directive('@key(fields: "id")')
@ObjectType("Psu", { description: "A payment service user, owned by the accounts subgraph (id is the login)." })
export class PsuReference {
  @Field(() => ID) id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType("Tpp", { description: "A third-party provider, owned by the tpps subgraph." })
export class TppReference {
  @Field(() => ID) id!: string;
}

export const accountRef = (iban: string): AccountReference => Object.assign(new AccountReference(), { iban });
export const psuRef = (id: string): PsuReference => Object.assign(new PsuReference(), { id });
export const tppRef = (id: string): TppReference => Object.assign(new TppReference(), { id });
