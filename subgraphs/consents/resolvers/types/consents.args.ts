import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "../../../shared/connection.js";
import { ConsentStatus, ConsentType } from "../../entities/consent-enums.js";

@ArgsType()
export class ConsentsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Only consents of this PSU login." }) psuId?: string | null;
  @Field(() => ID, { nullable: true, description: "Only consents of this TPP." }) tppId?: string | null;
  @Field(() => ConsentStatus, { nullable: true }) status?: ConsentStatus | null;
  @Field(() => ConsentType, { nullable: true }) type?: ConsentType | null;
}
