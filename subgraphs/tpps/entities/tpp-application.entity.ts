import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum ClientAuthMethod {
  PRIVATE_KEY_JWT = "private_key_jwt",
  CLIENT_SECRET_BASIC = "client_secret_basic",
}
registerEnumType(ClientAuthMethod, {
  name: "ClientAuthMethod",
  description: "How the app authenticates at the token endpoint: private_key_jwt (FAPI), or a secret (sandbox).",
});

export enum ApplicationStatus {
  PENDING = "pending",
  ACTIVE = "active",
  REJECTED = "rejected",
}
registerEnumType(ApplicationStatus, {
  name: "ApplicationStatus",
  description: "Only ACTIVE apps of ACTIVE TPPs get tokens; dynamically registered apps start PENDING until an operator decides.",
});

@ObjectType({ description: "An OAuth client of a TPP: the app through which it calls the hub." })
@Entity({ tableName: "tpp_application" })
export class TppApplication {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid", index: true })
  tppId!: string;

  @Field(() => String)
  @Property({ type: "string" })
  name!: string;

  @Field(() => String)
  @Property({ type: "string", unique: true })
  clientId!: string;

  @Field(() => [String])
  @Property({ type: "json" })
  redirectUris!: string[];

  @Field(() => ApplicationStatus)
  @Property({ type: "string" })
  status!: ApplicationStatus;

  @Field(() => String, { nullable: true, description: "Why an operator approved or rejected it." })
  @Property({ type: "string", nullable: true })
  decisionReason!: string | null;

  @Field(() => String, { nullable: true, description: "The software_id of the software statement it registered with (dynamic registration)." })
  @Property({ type: "string", nullable: true })
  softwareId!: string | null;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;

  @Field(() => ClientAuthMethod)
  @Property({ type: "string" })
  tokenEndpointAuthMethod!: ClientAuthMethod;

  /** The app's public keys for private_key_jwt, as a JWKS JSON document. */
  @Property({ type: "json", nullable: true })
  jwks!: { keys: Record<string, unknown>[] } | null;

  /** Sandbox client secret; readable by the hub itself only (see the resolver). */
  @Property({ type: "string", nullable: true })
  clientSecret!: string | null;
}
