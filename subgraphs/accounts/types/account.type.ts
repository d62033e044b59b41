import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum AccountStatus {
  ENABLED = "enabled",
  DELETED = "deleted",
  BLOCKED = "blocked",
}
registerEnumType(AccountStatus, { name: "AccountStatus" });

@Directive('@key(fields: "id")')
@Directive('@key(fields: "iban")')
@ObjectType({ description: "A payment account held at one of the hub's banks." })
export class Account {
  @Field(() => ID) id!: string;
  @Field(() => String) iban!: string;
  @Field(() => String, { description: "ISO 4217 code." }) currency!: string;
  @Field(() => String) name!: string;
  @Field(() => String) product!: string;
  @Field(() => String, { description: "ISO 20022 cash account type: CACC, SVGS, CARD, …" }) cashAccountType!: string;
  @Field(() => AccountStatus) status!: AccountStatus;
  @Field(() => String) ownerName!: string;

  bankId!: string;
  /** The core's own reference, never exposed. */
  ref!: string;
  /** Logins of the PSUs who hold the account, for access decisions; never exposed. */
  psuIds!: string[];
}
