import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../../shared/connection.js";
import { TppRole, TppStatus } from "../../entities/tpp.entity.js";

@InputType()
export class TppContactInput {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => String, { defaultValue: "business" }) role!: string;
}

@InputType({ description: "A TPP applying to use the hub; it starts PENDING until an operator decides." })
export class RegisterTppInput {
  @Field(() => String) legalName!: string;
  @Field(() => String) authorisationNumber!: string;
  @Field(() => String) nationalCompetentAuthority!: string;
  @Field(() => String) country!: string;
  @Field(() => [TppRole]) roles!: TppRole[];
  @Field(() => [TppContactInput], { defaultValue: [] }) contacts!: TppContactInput[];
}

@InputType({ description: "An operator's vetting decision." })
export class DecideTppInput {
  @Field(() => ID) tppId!: string;
  @Field(() => TppStatus) status!: TppStatus;
  @Field(() => String) reason!: string;
}

@InputType()
export class RegisterTppApplicationInput {
  @Field(() => ID) tppId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) clientId!: string;
  @Field(() => [String]) redirectUris!: string[];
  @Field(() => String, { description: "The app's public keys (a JWKS JSON document) for private_key_jwt client authentication." })
  jwks!: string;
}

@ArgsType()
export class TppsArgs extends PageArgs {
  @Field(() => TppStatus, { nullable: true }) status?: TppStatus;
}
