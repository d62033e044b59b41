/**
 * @module Turns measured runs into the printed table, our ratios to (b) Apollo Gateway, (c) Hive
 * Gateway and (d) the floor, and where each target of issue 7 stands.
 */
import { GATEWAY_TITLES, type GatewayKind } from "./config.js";
import type { ScenarioName } from "./scenarios.js";

export interface RunResult {
  scenario: ScenarioName;
  gateway: GatewayKind;
  connections: number;
  ok: boolean;
  problem?: string;
  rps?: number;
  p50Ms?: number;
  p90Ms?: number;
  p99Ms?: number;
  maxMs?: number;
  requests?: number;
  non2xx?: number;
  errors?: number;
  /** Gateway process CPU (user + system) per request, ms. */
  cpuMsPerRequest?: number;
  /** Share of its core the gateway process used during the window. */
  gatewayCoreBusy?: number;
  /** Share of a core the subgraph process used (it shares the load generator's core). */
  subgraphCoreBusy?: number;
  subgraphCallsPerOp?: number;
  subgraphCallsSingle?: number;
  sqlPerOp?: number;
  sqlSingle?: number;
  peakRssMb?: number;
  bytesPerResponse?: number;
  /** Every measurement window (BENCH_REPEAT); the figures above are the median window's. */
  windows?: { rps: number; p99Ms: number; cpuMsPerRequest: number }[];
}

export interface Target {
  target: string;
  value: string;
  met: boolean | null;
}

const fmt = (value: number | undefined, digits = 0) => (value === undefined || !Number.isFinite(value) ? "–" : value.toFixed(digits));

export function table(results: RunResult[]): string {
  const header = ["scenario", "gateway", "conns", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "gw core", "sg core", "calls/op", "SQL/req", "peak RSS MB", "KB/resp"];
  const rows = results.map((r) =>
    r.ok
      ? [
          r.scenario,
          GATEWAY_TITLES[r.gateway],
          String(r.connections),
          fmt(r.rps),
          fmt(r.p50Ms),
          fmt(r.p99Ms),
          fmt(r.cpuMsPerRequest, 2),
          r.gatewayCoreBusy === undefined ? "–" : `${fmt(r.gatewayCoreBusy * 100)}%`,
          r.subgraphCoreBusy === undefined ? "–" : `${fmt(r.subgraphCoreBusy * 100)}%`,
          fmt(r.subgraphCallsSingle, 0) + (r.subgraphCallsPerOp !== undefined ? ` (${fmt(r.subgraphCallsPerOp, 1)})` : ""),
          r.sqlSingle === undefined ? "–" : fmt(r.sqlSingle, 0) + (r.sqlPerOp !== undefined ? ` (${fmt(r.sqlPerOp, 1)})` : ""),
          fmt(r.peakRssMb),
          fmt((r.bytesPerResponse ?? 0) / 1024, 1),
        ]
      : [r.scenario, GATEWAY_TITLES[r.gateway], `FAILED: ${r.problem}`],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.filter((r) => r.length > 3).map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map((r) => (r.length > 3 ? line(r) : r.join("  ")))].join("\n");
}

function find(results: RunResult[], scenario: ScenarioName, gateway: GatewayKind) {
  const r = results.find((x) => x.scenario === scenario && x.gateway === gateway);
  return r?.ok ? r : undefined;
}

export interface Ratios {
  scenario: ScenarioName;
  ours: GatewayKind;
  versus: GatewayKind;
  rps: number;
  p99: number;
  cpu: number;
}

export function ratios(results: RunResult[]): Ratios[] {
  const out: Ratios[] = [];
  for (const scenario of [...new Set(results.map((r) => r.scenario))]) {
    for (const ours of ["ours-distributed", "ours-embedded"] as const) {
      const a = find(results, scenario, ours);
      if (!a) continue;
      for (const versus of ["apollo", "hive", "floor"] as const) {
        const b = find(results, scenario, versus);
        if (!b) continue;
        out.push({ scenario, ours, versus, rps: a.rps! / b.rps!, p99: a.p99Ms! / b.p99Ms!, cpu: a.cpuMsPerRequest! / b.cpuMsPerRequest! });
      }
    }
  }
  return out;
}

export function ratioTable(rs: Ratios[]): string {
  const header = ["scenario", "ours", "vs", "req/s ×", "p99 ×", "CPU/req ×"];
  const rows = rs.map((r) => [r.scenario, r.ours.replace("ours-", ""), GATEWAY_TITLES[r.versus], fmt(r.rps, 2), fmt(r.p99, 2), fmt(r.cpu, 2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function targets(results: RunResult[]): Target[] {
  const out: Target[] = [];
  const dist = find(results, "banking", "ours-distributed");
  const emb = find(results, "banking-live", "ours-embedded");
  const apolloLive = find(results, "banking-live", "apollo");
  const distLive = find(results, "banking-live", "ours-distributed");
  const apollo = find(results, "banking", "apollo");
  const hive = find(results, "banking", "hive");
  const floor = find(results, "banking", "floor");
  const ratio = (a?: RunResult, b?: RunResult, need = 1) => {
    if (!a || !b) return { value: "not measured", met: null };
    const x = a.rps! / b.rps!;
    return { value: `${x.toFixed(2)}× (${fmt(a.rps)} vs ${fmt(b.rps)} req/s)`, met: x >= need };
  };
  out.push({ target: "banking (replayed subgraphs), distributed ≥ 2.5× stock Apollo Gateway req/s", ...ratio(dist, apollo, 2.5) });
  out.push({ target: "banking (replayed subgraphs), distributed ≥ 1.5× Hive Gateway req/s", ...ratio(dist, hive, 1.5) });
  for (const [other, name] of [
    [apollo, "Apollo"],
    [hive, "Hive"],
  ] as const) {
    out.push(
      dist && other
        ? { target: `banking, distributed p99 no worse than ${name}`, value: `${fmt(dist.p99Ms)} ms vs ${fmt(other.p99Ms)} ms`, met: dist.p99Ms! <= other.p99Ms! }
        : { target: `banking, distributed p99 no worse than ${name}`, value: "not measured", met: null },
    );
  }
  out.push({ target: "banking end to end (live subgraphs), embedded ≥ 6× stock Apollo Gateway req/s", ...ratio(emb, apolloLive, 6) });
  out.push({ target: "  the same, replayed subgraphs for Apollo (embedded cannot replay)", ...ratio(emb, apollo, 6) });
  out.push(
    dist && floor
      ? {
          target: "banking, gateway CPU per request within 3× the floor (distributed)",
          value: `${(dist.cpuMsPerRequest! / floor.cpuMsPerRequest!).toFixed(2)}× (${fmt(dist.cpuMsPerRequest, 2)} vs ${fmt(floor.cpuMsPerRequest, 2)} ms)`,
          met: dist.cpuMsPerRequest! <= 3 * floor.cpuMsPerRequest!,
        }
      : { target: "banking, gateway CPU per request within 3× the floor", value: "not measured", met: null },
  );
  const ours = results.filter((r) => r.ok && r.gateway.startsWith("ours-"));
  const peak = Math.max(...ours.map((r) => r.peakRssMb ?? 0));
  out.push(ours.length ? { target: "ours: peak RSS under load < 300 MB (all scenarios)", value: `${fmt(peak)} MB`, met: peak < 300 } : { target: "ours: peak RSS < 300 MB", value: "not measured", met: null });
  const sql = [distLive, emb].filter(Boolean).map((r) => `${r!.gateway.replace("ours-", "")} ${fmt(r!.sqlSingle)} per request (${fmt(r!.sqlPerOp, 1)} under load)`);
  out.push({ target: "SQL statements per banking request (independent of accounts: test/e2e/n-plus-one.test.ts)", value: sql.join("; ") || "not measured", met: null });
  return out;
}

export function targetTable(ts: Target[]): string {
  return ts.map((t) => `${t.met === null ? "  ·" : t.met ? "  ✓" : "  ✗"} ${t.target}: ${t.value}`).join("\n");
}
