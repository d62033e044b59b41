/**
 * @module GET /v1/aspsps?bic=&name=: the banks behind this hub, as Berlin Group hubs publish their
 * ASPSP registry (not part of the NextGenPSD2 spec). A bank's `id` is what X-GTW-ASPSP-ID takes.
 * Public, like the GraphQL bank catalogue: no TPP identification needed.
 */
import type { ApolloServer } from "@apollo/server";
import { Router, type Request, type Response } from "express";
import { anonymousCaller } from "../../../subgraphs/shared/context.js";
import type { GatewayContext } from "../../local-data-source.js";
import { executorFor } from "../execute.js";
import { BanksDocument } from "../operations/generated.js";
import { query } from "../route.js";

export function aspspRoutes(apollo: ApolloServer<GatewayContext>): Router {
  const router = Router();
  router.get("/aspsps", async (req: Request, res: Response) => {
    const { banks } = await executorFor(apollo, anonymousCaller)(BanksDocument, {});
    const bic = query(req, "bic")?.toUpperCase();
    const name = query(req, "name")?.toLowerCase();
    const found = banks.filter((b) => (!bic || b.bic.toUpperCase().startsWith(bic.slice(0, 8))) && (!name || b.name.toLowerCase().includes(name)));
    res.status(200).json(found.map((b) => ({ id: b.id, name: b.name, bic: b.bic, country: b.country })));
  });
  return router;
}
