import { Field, ID, InputType, Int } from "type-graphql";
import { ExtensionPoint, SpiFailurePolicy } from "./spi-endpoint.entity.js";

@InputType({ description: "A fintech's endpoint on an extension point of a bank's process; it replaces the bank's active one there." })
export class RegisterSpiEndpointInput {
  @Field(() => ID) bankId!: string;
  @Field(() => ExtensionPoint) extensionPoint!: ExtensionPoint;
  @Field(() => ID, { description: "The fintech that answers (a TPP of the registry)." }) tppId!: string;
  @Field(() => String, { description: "https (plain http only to loopback in the sandbox); no credentials or fragment." }) url!: string;
  @Field(() => Int, { defaultValue: 2000, description: "100 to 10000 ms." }) timeoutMs!: number;
  @Field(() => SpiFailurePolicy, { description: "The bank's decision when the endpoint gives no usable answer in time." }) onFailure!: SpiFailurePolicy;
}
