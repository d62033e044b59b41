import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { isOperator } from "../../shared/authz.js";
import type { TppsContext } from "../context.js";
import { Tpp, TppApplication } from "../entities/index.js";

@Resolver(() => TppApplication)
export class TppApplicationResolver {
  @Query(() => TppApplication, { nullable: true, description: "An app by OAuth client id: for operators, and for the TPP that owns it." })
  async tppApplication(@Arg("clientId", () => String) clientId: string, @Ctx() ctx: TppsContext) {
    const application = await ctx.loaders.applicationByClientId.load(clientId);
    if (!application) return null;
    const { caller } = ctx;
    const allowed = isOperator(caller) || caller.tppId === application.tppId;
    return allowed ? application : null;
  }

  @FieldResolver(() => Tpp)
  tpp(@Root() application: TppApplication, @Ctx() ctx: TppsContext) {
    return ctx.loaders.tppById.load(application.tppId);
  }

  @FieldResolver(() => String, { nullable: true, description: "Public keys for private_key_jwt, as a JWKS JSON document." })
  jwks(@Root() application: TppApplication) {
    return application.jwks ? JSON.stringify(application.jwks) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Sandbox client secret: only the hub's own authorization server reads it." })
  clientSecret(@Root() application: TppApplication, @Ctx() ctx: TppsContext) {
    return ctx.caller.kind === "system" ? application.clientSecret : null;
  }
}
