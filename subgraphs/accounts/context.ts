import type { ConnectorRegistry } from "../../connectors/registry.js";
import type { SubgraphContext } from "../shared/context.js";
import type { AccountDirectory } from "./directory.js";
import type { AccountLoaders } from "./loaders.js";

export interface AccountsContext extends SubgraphContext<AccountLoaders> {
  connectors: ConnectorRegistry;
  directory: AccountDirectory;
}
