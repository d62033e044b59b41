/** `npm run compose`: writes schema/supergraph.graphql, the client-facing schema/api.graphql and one SDL snapshot per subgraph. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { API_SCHEMA_FILE, apiSchemaSdl, composeSupergraph, SUPERGRAPH_FILE, subgraphSdl, subgraphSdlFile } from "../gateway/supergraph.js";
import { subgraphs } from "../subgraphs/index.js";

mkdirSync(dirname(subgraphSdlFile("x")), { recursive: true });
for (const subgraph of subgraphs) writeFileSync(subgraphSdlFile(subgraph.name), subgraphSdl(subgraph));
writeFileSync(SUPERGRAPH_FILE, composeSupergraph(subgraphs));
writeFileSync(API_SCHEMA_FILE, apiSchemaSdl(subgraphs));
console.log(`composed ${subgraphs.length} subgraphs into ${SUPERGRAPH_FILE}`);
