/**
 * @module The one list of subgraphs. Embedded mode opens them all in-process, `npm run compose`
 * composes them, `npm run start:subgraph -- <name>` serves one, docker-compose.yml runs each.
 */
import { accounts } from "./accounts/index.js";
import { consents } from "./consents/index.js";
import { marketplace } from "./marketplace/index.js";
import { payments } from "./payments/index.js";
import type { Subgraph } from "./shared/subgraph.js";
import { tpps } from "./tpps/index.js";

export const subgraphs: readonly Subgraph[] = [accounts, payments, consents, tpps, marketplace];

export const subgraphNames = subgraphs.map((s) => s.name);

export function subgraphByName(name: string): Subgraph {
  const subgraph = subgraphs.find((s) => s.name === name);
  if (!subgraph) throw new Error(`Unknown subgraph "${name}"; choose one of ${subgraphNames.join(", ")}.`);
  return subgraph;
}
