import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { refusedUrl } from "../../../events/webhooks/target-policy.js";
import { requireOperator } from "../../shared/authz.js";
import { commonErrors } from "../../shared/errors.js";
import { assertUuid, newId } from "../../shared/ids.js";
import type { PaymentsContext } from "../context.js";
import { SpiEndpoint } from "./spi-endpoint.entity.js";
import { RegisterSpiEndpointInput } from "./spi-endpoint.inputs.js";

/** Bank staff decide which fintech takes part in their processes. */
@Resolver(() => SpiEndpoint)
export class SpiEndpointResolver {
  @Query(() => [SpiEndpoint], { description: "A bank's SPI endpoints, active ones first (operators)." })
  spiEndpoints(@Arg("bankId", () => ID) bankId: string, @Ctx() ctx: PaymentsContext) {
    requireOperator(ctx.caller, "read SPI endpoints");
    return ctx.em.find(SpiEndpoint, { bankId }, { orderBy: { enabled: "desc", createdAt: "desc" } });
  }

  @Mutation(() => SpiEndpoint, { description: "Registers a fintech's endpoint on an extension point of a bank's process; the bank's previous one there is disabled." })
  async registerSpiEndpoint(@Arg("input", () => RegisterSpiEndpointInput) input: RegisterSpiEndpointInput, @Ctx() ctx: PaymentsContext) {
    requireOperator(ctx.caller, "register SPI endpoints");
    ctx.connectors.get(input.bankId);
    const refused = refusedUrl(input.url, { allowHttpLoopback: ctx.allowHttpLoopback });
    if (refused) throw commonErrors.badInput(`url is not allowed: ${refused}`);
    if (!Number.isInteger(input.timeoutMs) || input.timeoutMs < 100 || input.timeoutMs > 10_000) throw commonErrors.badInput("timeoutMs must be 100 to 10000.");
    const endpoint = Object.assign(new SpiEndpoint(), {
      id: newId(),
      ...input,
      tppId: assertUuid(input.tppId, "tppId"),
      enabled: true,
      createdAt: new Date(),
    });
    await ctx.em.transactional(async (tx) => {
      await tx.nativeUpdate(SpiEndpoint, { bankId: input.bankId, extensionPoint: input.extensionPoint, enabled: true }, { enabled: false });
      tx.persist(endpoint);
    });
    return endpoint;
  }

  @Mutation(() => SpiEndpoint, { description: "Takes an endpoint out of the bank's process." })
  async disableSpiEndpoint(@Arg("id", () => ID) id: string, @Ctx() ctx: PaymentsContext) {
    requireOperator(ctx.caller, "disable SPI endpoints");
    const endpoint = await ctx.em.findOne(SpiEndpoint, { id: assertUuid(id, "id") });
    if (!endpoint) throw commonErrors.notFound("SPI endpoint", id);
    endpoint.enabled = false;
    await ctx.em.flush();
    return endpoint;
  }
}
