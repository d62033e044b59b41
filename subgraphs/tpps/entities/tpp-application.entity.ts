import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Field, ID, ObjectType } from "type-graphql";

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

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;
}
