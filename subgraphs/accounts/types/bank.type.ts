import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum BankStatus {
  LIVE = "live",
  SANDBOX = "sandbox",
  MAINTENANCE = "maintenance",
}
registerEnumType(BankStatus, { name: "BankStatus" });

@Directive('@key(fields: "id")')
@ObjectType({ description: "A bank whose core the hub fronts." })
export class Bank {
  @Field(() => ID, { description: 'A short slug, e.g. "musterbank".' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) bic!: string;
  @Field(() => String, { description: "ISO 3166 country code." }) country!: string;
  @Field(() => String, { description: 'The kind of core connector: "sandbox", "iso20022", …' }) connectorKind!: string;
  @Field(() => BankStatus) status!: BankStatus;
}
