/**
 * @module `npm run bench`: every scenario against every gateway, side by side on the same subgraphs,
 * one after the other. Gateways run pinned to one core, the load generator (and the subgraph servers)
 * to the other; each gateway's answer is checked before it is timed and again after. Prints the table,
 * our ratios and the issue's targets, and writes the same figures to bench/results/latest.json.
 * Knobs: bench/config.ts (BENCH_WARMUP, BENCH_DURATION, BENCH_CONNECTIONS, BENCH_SCENARIOS, …).
 */
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GATEWAYS, GATEWAY_TITLES, readConfig, type GatewayKind } from "./config.js";
import { availableCores, canPin, spawnChild, type Child } from "./lib/child.js";
import { createScratch, postgresBase, type Scratch } from "./lib/database.js";
import { postJson } from "./lib/post-json.js";
import { bankingSupergraph, fanoutSupergraph } from "./lib/supergraph.js";
import type { LoadResult } from "./load-process.js";
import { ratios, ratioTable, table, targets, targetTable, type RunResult } from "./report.js";
import { scenarios, SCENARIO_ORDER, type GraphName, type ScenarioName } from "./scenarios.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const tmp = path.join(root, "bench/results/tmp");
mkdirSync(tmp, { recursive: true });

const config = readConfig(process.env);
const cores = availableCores();
const pinned = cores >= 2 && config.gatewayCpu !== config.loadCpu && canPin([config.gatewayCpu, config.loadCpu]);
const gatewayCpu = pinned ? config.gatewayCpu : undefined;
const loadCpu = pinned ? config.loadCpu : undefined;
const stamp = Date.now().toString(36);
const secret = randomBytes(32).toString("hex");
const tty = process.stderr.isTTY;

/** `npm start` runs ours compiled (scripts/build.mjs); the gateways under test run from the same build. */
const built = spawnSync(process.execPath, [path.join(root, "scripts/build.mjs"), "--with-bench"], { stdio: ["ignore", "ignore", "inherit"] });
if (built.status !== 0) throw new Error("scripts/build.mjs failed");
/** The node flags of package.json's start script (GC settings), given to ours as `npm start` gives them. */
const startFlags = String(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts.start)
  .split(/\s+/)
  .filter((word) => word.startsWith("--"));

const children = new Set<Child>();
const scratches: Scratch[] = [];
const results: RunResult[] = [];
const golden: Partial<Record<ScenarioName, unknown>> = {};

function progress(text: string, final = false) {
  if (tty) process.stderr.write(`\r\x1b[2K${text}${final ? "\n" : ""}`);
  else if (final) process.stderr.write(`${text}\n`);
}

async function cleanup() {
  await Promise.all([...children].map((c) => c.stop().catch(() => {})));
  children.clear();
  for (const scratch of scratches.splice(0)) await scratch.drop().catch(() => {});
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    progress("interrupted; stopping children and dropping scratch databases", true);
    cleanup().finally(() => process.exit(130));
  });
}

/**
 * BENCH_PROFILE=ours-distributed,floor,subgraphs: V8 CPU profiles of those processes, one folder each under
 * bench/results/tmp/profiles (the main thread's file has thread id 0; summarise it with bench/profile-summary.ts).
 */
const profiled = new Set((process.env.BENCH_PROFILE ?? "").split(",").map((s) => s.trim()).filter(Boolean));

async function spawn(name: string, file: string, args: string[], cpu: number | undefined, env: Record<string, string> = {}, flags: string[] = []) {
  const profile = [...profiled].some((p) => name.startsWith(p));
  const nodeArgs = [...flags, ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${path.join(tmp, "profiles", `${name}-${stamp}`)}`] : [])];
  const child = await spawnChild(name, file, args, { cpu, env, nodeArgs, logFile: path.join(tmp, `${name.replace(/\W+/g, "-")}.log`) });
  children.add(child);
  return child;
}

async function stop(child: Child) {
  children.delete(child);
  await child.stop();
}

/** Distinct bearer tokens from one of our hubs' own authorization server (when it has one). */
async function tokensFrom(issuer: string | undefined): Promise<string[]> {
  if (!issuer) return [];
  const basic = Buffer.from(`hub-operator:${secret}`).toString("base64");
  const tokens: string[] = [];
  while (tokens.length < config.tokenPool) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(8, config.tokenPool - tokens.length) }, async () => {
        const res = await fetch(`${issuer}/oauth/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}` },
          body: new URLSearchParams({ grant_type: "client_credentials", scope: "operator" }),
        });
        const body = (await res.json()) as { access_token?: string; error?: string };
        if (!body.access_token) throw new Error(`token request at ${issuer} failed: ${body.error ?? res.status}`);
        return body.access_token;
      }),
    );
    tokens.push(...batch);
  }
  return tokens;
}

/** Ours embedded has its subgraphs in-process: it runs the live scenarios only. */
const runsOn = (scenario: ScenarioName, gateway: GatewayKind) => gateway !== "ours-embedded" || scenarios[scenario].subgraphs === "live";

interface Running {
  kind: GatewayKind;
  child: Child;
  tokens: string[];
}

async function counters(gateway: Running, subgraphs: Child) {
  const [gw, sg] = await Promise.all([gateway.child.call("counters"), subgraphs.call("counters")]);
  const embedded = gateway.kind === "ours-embedded";
  return {
    calls: embedded ? (gw.subgraphCalls as number) : (sg.requests as number),
    statements: (embedded ? gw.statements : sg.statements) as number | undefined,
  };
}

/** Waits until no subgraph calls happen any more (requests still in flight after a load run end). */
async function settle(gateway: Running, subgraphs: Child) {
  let last = await counters(gateway, subgraphs);
  for (let i = 0; i < 60; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await counters(gateway, subgraphs);
    if (now.calls === last.calls && now.statements === last.statements) return;
    last = now;
  }
}

async function checkOnce(gateway: Running, scenarioName: ScenarioName, n: number, runId: string): Promise<string | undefined> {
  const scenario = scenarios[scenarioName];
  const token = gateway.tokens.length ? gateway.tokens[n % gateway.tokens.length] : `bench-check-${n}`;
  const res = await postJson(`${gateway.child.info.url}/graphql`, scenario.body(n, runId), { authorization: `Bearer ${token}` });
  if (res.status !== 200) return `HTTP ${res.status}: ${res.text.slice(0, 300)}`;
  const problem = scenario.check(res.body, n, golden[scenarioName]);
  if (!problem && golden[scenarioName] === undefined && scenario.goldenOf) golden[scenarioName] = scenario.goldenOf(res.body, n);
  return problem;
}

async function measure(gateway: Running, scenarioName: ScenarioName, subgraphs: Child, loader: Child, label: string): Promise<RunResult> {
  const connections = config.connections ?? scenarios[scenarioName].connections;
  const base = { scenario: scenarioName, gateway: gateway.kind, connections };
  const runId = `${stamp}-${scenarioName}-${gateway.kind}`;
  const CHECK_N = 1_000_000_000;
  progress(`${label} checking`);
  await settle(gateway, subgraphs);
  // Three checked requests; the last one alone (idle system) gives calls and statements per request.
  for (let k = 0; k < 2; k++) {
    const problem = await checkOnce(gateway, scenarioName, CHECK_N + k, runId);
    if (problem) return { ...base, ok: false, problem: `before timing: ${problem}` };
  }
  const before = await counters(gateway, subgraphs);
  const problem = await checkOnce(gateway, scenarioName, CHECK_N + 2, runId);
  if (problem) return { ...base, ok: false, problem: `before timing: ${problem}` };
  const single = await counters(gateway, subgraphs);

  const load = (durationS: number, firstN: number, phase: string) => {
    const off = loader.onEvent((e) => {
      if (e.kind === "tick") progress(`${label} ${phase} ${e.second}/${e.of} s  ${e.requests} req/s`);
    });
    return loader
      .call<LoadResult>("run", { url: gateway.child.info.url, scenario: scenarioName, connections, durationS, runId, firstN, tokens: gateway.tokens }, (durationS + 60) * 1000)
      .finally(off);
  };
  let nextN = 0;
  if (config.warmupS > 0) nextN = (await load(config.warmupS, 0, "warm-up")).nextN;

  // BENCH_REPEAT windows back to back; the one with the median throughput is reported (all are kept).
  const windows: Window[] = [];
  for (let r = 0; r < config.repeat; r++) {
    const [gwUsage0, sgUsage0, c0] = await Promise.all([gateway.child.call("usage", { resetPeak: true }), subgraphs.call("usage"), counters(gateway, subgraphs)]);
    const result = await load(config.durationS, nextN, config.repeat > 1 ? `measure ${r + 1}/${config.repeat}` : "measure");
    const [gwUsage1, sgUsage1, c1] = await Promise.all([gateway.child.call("usage"), subgraphs.call("usage"), counters(gateway, subgraphs)]);
    nextN = result.nextN;
    windows.push({ result, gwCpu: gwUsage1.cpuMicros - gwUsage0.cpuMicros, sgCpu: sgUsage1.cpuMicros - sgUsage0.cpuMicros, peakRss: gwUsage1.peakRssBytes, c0, c1 });
  }

  await settle(gateway, subgraphs);
  const after = await checkOnce(gateway, scenarioName, CHECK_N + 3, runId);
  if (after) return { ...base, ok: false, problem: `after timing: ${after}` };
  for (const { result } of windows) {
    if (result.requests === 0) return { ...base, ok: false, problem: "no request completed within the window (fewer BENCH_CONNECTIONS or a longer BENCH_DURATION)" };
    if (result.non2xx || result.errors || result.timeouts) {
      return { ...base, ok: false, problem: `${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts of ${result.requests}` };
    }
  }
  const { result, gwCpu, sgCpu, c0, c1 } = [...windows].sort((a, b) => a.result.rps - b.result.rps)[Math.floor(windows.length / 2)]!;
  const windowMicros = result.durationS * 1e6;
  const live = scenarios[scenarioName].graph === "banking" && scenarios[scenarioName].subgraphs === "live";
  const statementsSingle = single.statements !== undefined && before.statements !== undefined ? single.statements - before.statements : undefined;
  return {
    ...base,
    ok: true,
    rps: result.rps,
    p50Ms: result.p50,
    p90Ms: result.p90,
    p99Ms: result.p99,
    maxMs: result.max,
    requests: result.requests,
    non2xx: result.non2xx,
    errors: result.errors,
    cpuMsPerRequest: gwCpu / 1000 / result.requests,
    gatewayCoreBusy: gwCpu / windowMicros,
    subgraphCoreBusy: gateway.kind === "ours-embedded" ? undefined : sgCpu / windowMicros,
    subgraphCallsSingle: single.calls - before.calls,
    subgraphCallsPerOp: (c1.calls - c0.calls) / result.requests,
    sqlSingle: live ? statementsSingle : undefined,
    sqlPerOp: live && c1.statements !== undefined && c0.statements !== undefined ? (c1.statements - c0.statements) / result.requests : undefined,
    peakRssMb: Math.max(...windows.map((w) => w.peakRss)) / 2 ** 20,
    bytesPerResponse: result.bytesPerResponse,
    windows: windows.map((w) => ({ rps: w.result.rps, p99Ms: w.result.p99, cpuMsPerRequest: w.gwCpu / 1000 / w.result.requests })),
  };
}

interface Window {
  result: LoadResult;
  gwCpu: number;
  sgCpu: number;
  peakRss: number;
  c0: { calls: number; statements?: number };
  c1: { calls: number; statements?: number };
}

async function runGraph(graph: GraphName, names: ScenarioName[], loader: Child, sharedDb: string | undefined, embeddedDb: string | undefined, counter: { done: number; total: number }) {
  progress(`starting the ${graph} subgraphs`);
  const subgraphs = await spawn(`subgraphs-${graph}`, "../subgraphs-process.ts", [graph], loadCpu, {
    BENCH_SECRET: secret,
    ...(sharedDb ? { BENCH_DATABASE_URL: sharedDb } : {}),
  });
  const urls = subgraphs.info.urls as Record<string, string>;
  const sdl = graph === "banking" ? bankingSupergraph(urls) : fanoutSupergraph(urls);
  const setupFile = path.join(tmp, `setup-${graph}.json`);
  writeFileSync(setupFile, JSON.stringify({ graph, supergraphSdl: sdl, subgraphUrls: urls, secret, databaseUrl: embeddedDb }));
  const kinds = config.gateways.filter((k) => k !== "ours-embedded" || names.some((n) => runsOn(n, k)));
  const running: Running[] = [];
  for (const kind of kinds) {
    progress(`starting ${GATEWAY_TITLES[kind]} on the ${graph} supergraph`);
    // Every gateway runs compiled (dist/, built above); ours with the node flags of `npm start`.
    const child = await spawn(`${kind}-${graph}`, "../../dist/bench/gateway-process.js", [kind, setupFile], gatewayCpu, {}, kind.startsWith("ours") ? startFlags : []);
    running.push({ kind, child, tokens: await tokensFrom(child.info.issuer) });
  }
  // Gateways that do not authenticate get a hub's valid tokens too, so every gateway sees the same headers.
  const shared = running.find((r) => r.tokens.length)?.tokens ?? [];
  for (const r of running) if (!r.tokens.length) r.tokens = shared;

  for (const name of names) {
    if (name === "cold-plan") golden["cold-plan"] ??= golden.banking;
    await subgraphs.call("replay", { on: scenarios[name].subgraphs === "replay" });
    for (const gateway of running.filter((r) => runsOn(name, r.kind))) {
      counter.done++;
      const label = `[${counter.done}/${counter.total}] ${name} · ${GATEWAY_TITLES[gateway.kind]} ·`;
      const result = await measure(gateway, name, subgraphs, loader, label).catch((error: Error) => ({ scenario: name, gateway: gateway.kind, connections: config.connections ?? scenarios[name].connections, ok: false, problem: error.message }) as RunResult);
      results.push(result);
      progress(
        result.ok
          ? `${label} ${result.rps!.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.cpuMsPerRequest!.toFixed(2)} CPU ms/req`
          : `${label} FAILED: ${result.problem}`,
        true,
      );
    }
  }
  await Promise.all(running.map((r) => stop(r.child)));
  await stop(subgraphs);
}

async function main() {
  const startedAt = new Date();
  const base = await postgresBase(process.env);
  const database = base ? "PostgreSQL (scratch databases)" : "PGlite in memory (no PostgreSQL answered)";
  const machine = {
    cores,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
    pinning: pinned ? `gateway on core ${gatewayCpu}, load generator and subgraph servers on core ${loadCpu} (taskset)` : "none (taskset missing or fewer than 2 cores)",
  };
  console.log(`open-banking hub benchmark · ${machine.cores} cores (${machine.cpuModel}) · Node ${machine.node} · ${machine.platform}`);
  console.log(`pinning: ${machine.pinning}`);
  console.log(
    `database: ${database}; ${config.connections ?? "per-scenario"} connections; warm-up ${config.warmupS} s, measurement ${config.durationS} s per run${config.repeat > 1 ? ` (median of ${config.repeat})` : ""}`,
  );
  console.log(`load average at start: ${machine.loadAverageAtStart.join(" ")}${machine.loadAverageAtStart[0]! > 0.5 ? "  (the machine is not idle: expect noise)" : ""}\n`);

  const names = SCENARIO_ORDER.filter((s) => config.scenarios.includes(s));
  const byGraph = (graph: GraphName) => names.filter((s) => scenarios[s].graph === graph);
  const total = names.reduce((sum, name) => sum + config.gateways.filter((g) => runsOn(name, g)).length, 0);
  const counter = { done: 0, total };

  const loader = await spawn("load-generator", "../load-process.ts", [], loadCpu);
  try {
    if (byGraph("banking").length) {
      let sharedDb: string | undefined;
      let embeddedDb: string | undefined;
      if (base) {
        const shared = await createScratch(base, "subgraphs");
        scratches.push(shared);
        sharedDb = shared.url;
        if (config.gateways.includes("ours-embedded")) {
          const embedded = await createScratch(base, "embedded");
          scratches.push(embedded);
          embeddedDb = embedded.url;
        }
      }
      await runGraph("banking", byGraph("banking"), loader, sharedDb, embeddedDb, counter);
    }
    if (byGraph("fanout").length) await runGraph("fanout", byGraph("fanout"), loader, undefined, undefined, counter);
  } finally {
    await cleanup();
  }

  const rs = ratios(results);
  const ts = targets(results);
  console.log(`\n${table(results)}\n`);
  console.log("calls/op and SQL/req: one request on an idle system (average under load in brackets).");
  console.log("gw core: the gateway process's CPU share of its core; sg core: the subgraph servers' (they share the load generator's core).\n");
  console.log(`ours as a multiple of the others (req/s and p99: higher and lower are better; CPU/req: lower is better)\n${ratioTable(rs)}\n`);
  console.log(`targets (issue 7)\n${targetTable(ts)}\n`);

  const out = path.resolve(root, config.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ startedAt, finishedAt: new Date(), machine, database, config: { ...config, gateways: config.gateways, allGateways: GATEWAYS }, results, ratios: rs, targets: ts }, null, 2)}\n`,
  );
  console.log(`written to ${path.relative(root, out)}`);
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}

await main();
