/** No Docker engine runs here, so docker-compose.yml is checked by reading it against the real start scripts. */
import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, loadConfig } from "../gateway/config.js";
import { subgraphNames, subgraphs } from "../subgraphs/index.js";

const compose = parse(readFileSync("docker-compose.yml", "utf8"), { merge: true }) as {
  services: Record<string, { command?: string[]; environment?: Record<string, string>; depends_on?: unknown; build?: string }>;
};
const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
const known = (name: string) => name in CONFIG_VARIABLES || /^[A-Z]+_SUBGRAPH_URL$/.test(name);

describe("docker-compose.yml", () => {
  it("runs every subgraph with the real start:subgraph script on its own port", () => {
    expect(scripts["start:subgraph"]).toBeDefined();
    for (const subgraph of subgraphs) {
      const service = compose.services[subgraph.name];
      expect(service, subgraph.name).toBeDefined();
      expect(service!.command).toEqual(["npm", "run", "start:subgraph", "--", subgraph.name]);
      expect(service!.environment?.PORT).toBe(String(subgraph.port));
      expect(service!.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(service!.environment?.HUB_INTERNAL_SECRET).toBeTruthy();
    }
  });

  it("points the gateway at each subgraph's service and port", () => {
    const gateway = compose.services.gateway!;
    expect(gateway.command).toEqual(["npm", "start"]);
    expect(scripts.start).toBeDefined();
    for (const subgraph of subgraphs) {
      expect(gateway.environment?.[`${subgraph.name.toUpperCase()}_SUBGRAPH_URL`]).toBe(`http://${subgraph.name}:${subgraph.port}/graphql`);
    }
  });

  it("uses only variables the hub reads, and the gateway's set passes the hub's own validation", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === "postgres" || name === "nats") continue;
      for (const variable of Object.keys(service.environment ?? {})) expect(known(variable), `${name}: ${variable}`).toBe(true);
    }
    const env = { ...compose.services.gateway!.environment, HUB_INTERNAL_SECRET: "x".repeat(32) };
    const config = loadConfig(env, subgraphNames);
    expect(Object.keys(config.subgraphUrls).sort()).toEqual([...subgraphNames].sort());
  });

  it("builds from the Dockerfile, whose default command is the hub's start script", () => {
    expect(existsSync("Dockerfile")).toBe(true);
    expect(readFileSync("Dockerfile", "utf8")).toMatch(/CMD \["npm", "start"\]/);
  });
});
