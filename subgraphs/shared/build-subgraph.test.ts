import { graphql } from "graphql";
import { Arg, Field, ObjectType, Query, Resolver, registerEnumType } from "type-graphql";
import { describe, expect, it } from "vitest";
import { buildFederatedSchema } from "./build-subgraph.js";

enum Colour {
  DEEP_RED = "deep-red",
  BLUE = "blue",
}
registerEnumType(Colour, { name: "BuildTestColour" });

@ObjectType("BuildTestThing")
class Thing {
  @Field(() => Colour) colour!: Colour;
}

@Resolver()
class ThingResolver {
  @Query(() => Thing)
  buildTestThing(@Arg("colour", () => Colour, { defaultValue: Colour.DEEP_RED }) colour: Colour): Thing {
    // The resolver must see the internal value, whether the client sent one or took the default.
    if (colour !== Colour.DEEP_RED && colour !== Colour.BLUE) throw new Error(`got ${colour}`);
    return { colour };
  }
}

describe("buildFederatedSchema", () => {
  const { schema, typeDefs } = buildFederatedSchema({ resolvers: [ThingResolver] });

  it("links Federation 2 and exposes _service", async () => {
    expect(typeDefs.definitions[0]!.kind).toBe("SchemaExtension");
    const res = await graphql({ schema, source: "{ _service { sdl } }" });
    expect(res.data?._service).toBeTruthy();
  });

  it("hands resolvers the internal value of an enum argument's default", async () => {
    const res = await graphql({ schema, source: "{ buildTestThing { colour } }" });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ buildTestThing: { colour: "DEEP_RED" } });
  });
});
