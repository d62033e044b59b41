import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A payment service user: a bank customer, known to the hub by login." })
export class Psu {
  @Field(() => ID, { description: 'The PSU-ID as banks know it, e.g. "max.musterman".' }) id!: string;
}
