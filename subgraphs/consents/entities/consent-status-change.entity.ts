import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, ObjectType } from "type-graphql";
import { ConsentStatus } from "./consent-enums.js";

@ObjectType({ description: "One step of a consent's status history." })
@Entity({ tableName: "consent_status_change" })
export class ConsentStatusChange {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid", index: true })
  consentId!: string;

  @Field(() => ConsentStatus, { nullable: true, description: "null for the creation of the consent." })
  @Enum({ items: () => ConsentStatus, nullable: true })
  fromStatus!: ConsentStatus | null;

  @Field(() => ConsentStatus)
  @Enum({ items: () => ConsentStatus })
  toStatus!: ConsentStatus;

  @Field(() => String, { description: "Why, e.g. 'authorisation finalised' or 'revoked by PSU'." })
  @Property({ type: "text" })
  reason!: string;

  @Field(() => String, { description: "Who: 'tpp:<id>', 'psu:<login>', 'operator' or 'system'." })
  @Property({ type: "string" })
  changedBy!: string;

  @Field(() => Date)
  @Property({ type: "datetime" })
  changedAt!: Date;
}
