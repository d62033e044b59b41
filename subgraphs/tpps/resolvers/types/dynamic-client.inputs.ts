import { Field, ID, InputType } from "type-graphql";
import { ApplicationStatus } from "../../entities/tpp-application.entity.js";
import { TppRole } from "../../entities/tpp.entity.js";

@InputType({ description: "An OAuth client registered dynamically (RFC 7591) from a verified software statement: what the statement says." })
export class RegisterDynamicClientInput {
  @Field(() => String) clientId!: string;
  @Field(() => String, { description: "software_client_name" }) name!: string;
  @Field(() => String) softwareId!: string;
  @Field(() => String, { description: "The TPP's authorisation number (org_id)." }) authorisationNumber!: string;
  @Field(() => String) legalName!: string;
  @Field(() => String) nationalCompetentAuthority!: string;
  @Field(() => String) country!: string;
  @Field(() => [TppRole]) roles!: TppRole[];
  @Field(() => [String]) redirectUris!: string[];
  @Field(() => String, { description: "The app's public keys, a JWKS JSON document." }) jwks!: string;
}

@InputType()
export class DecideTppApplicationInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => ApplicationStatus, { description: "ACTIVE (approve) or REJECTED." }) status!: ApplicationStatus;
  @Field(() => String) reason!: string;
}
