/**
 * @module Imported before any @apollo module: Apollo Server and Gateway report telemetry and probe
 * cloud metadata unless this is set, and the hub makes no call outside its configuration.
 */
process.env.APOLLO_TELEMETRY_DISABLED = "1";
