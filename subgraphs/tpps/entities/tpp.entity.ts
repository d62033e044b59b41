import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum TppStatus {
  PENDING = "pending",
  ACTIVE = "active",
  SUSPENDED = "suspended",
  REVOKED = "revoked",
}
registerEnumType(TppStatus, { name: "TppStatus", description: "Where a TPP stands in the bank's vetting." });

export enum TppRole {
  AISP = "AISP",
  PISP = "PISP",
  PIISP = "PIISP",
}
registerEnumType(TppRole, { name: "TppRole", description: "PSD2 roles granted by the TPP's national competent authority." });

@ObjectType({ description: "A contact person at a TPP." })
export class TppContact {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => String, { description: "technical, business or security" }) role!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "A third-party provider (fintech) registered with the hub." })
@Entity({ tableName: "tpp" })
export class Tpp {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Field(() => String)
  @Property({ type: "string" })
  legalName!: string;

  @Field(() => String, { description: "Authorisation number at the national competent authority, e.g. PSDDE-BAFIN-123456." })
  @Property({ type: "string", unique: true })
  authorisationNumber!: string;

  @Field(() => String)
  @Property({ type: "string" })
  nationalCompetentAuthority!: string;

  @Field(() => String, { description: "ISO 3166 country code." })
  @Property({ type: "string" })
  country!: string;

  @Field(() => [TppRole])
  @Property({ type: "json" })
  roles!: TppRole[];

  @Field(() => TppStatus)
  @Enum({ items: () => TppStatus })
  status!: TppStatus;

  @Field(() => [TppContact])
  @Property({ type: "json" })
  contacts!: TppContact[];

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;
}
