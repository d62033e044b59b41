/**
 * @module The supergraphs the gateways of a run share: the hub's checked-in supergraph pointed at
 * this run's subgraph servers, and the fan-out supergraph composed from bench/fanout.
 */
import { composeServices } from "@apollo/composition";
import { readSupergraph } from "../../gateway/supergraph.js";
import { fanoutSubgraphs } from "../fanout/subgraphs.js";

/** schema/supergraph.graphql with each subgraph's routing URL replaced by the running one. */
export function bankingSupergraph(urls: Record<string, string>): string {
  let sdl = readSupergraph();
  for (const [name, url] of Object.entries(urls)) {
    const pattern = new RegExp(`(@join__graph\\(name: "${name}", url: )"[^"]*"`);
    if (!pattern.test(sdl)) throw new Error(`subgraph "${name}" not found in schema/supergraph.graphql`);
    sdl = sdl.replace(pattern, `$1"${url}"`);
  }
  return sdl;
}

export function fanoutSupergraph(urls: Record<string, string>): string {
  const result = composeServices(fanoutSubgraphs().map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: urls[s.name]! })));
  if (result.errors) throw new Error(`fan-out composition failed:\n${result.errors.map((e) => e.message).join("\n")}`);
  return result.supergraphSdl;
}
