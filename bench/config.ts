/**
 * @module The benchmark's knobs, all from environment variables with defaults that keep a whole
 * `npm run bench` to a few minutes on 2 cores.
 */
import { SCENARIO_ORDER, type ScenarioName } from "./scenarios.js";

/** Run order within a scenario. Ours embedded goes last: its database work must not still be settling while another gateway is timed. */
export const GATEWAYS = ["ours-distributed", "apollo", "hive", "floor", "ours-embedded"] as const;
export type GatewayKind = (typeof GATEWAYS)[number];

export const GATEWAY_TITLES: Record<GatewayKind, string> = {
  "ours-embedded": "(a) ours, embedded",
  "ours-distributed": "(a) ours, distributed",
  apollo: "(b) Apollo Gateway (stock)",
  hive: "(c) Hive Gateway",
  floor: "(d) floor (node:http)",
};

export interface BenchConfig {
  warmupS: number;
  durationS: number;
  /** Measurement windows per run; the median (by req/s) is reported. */
  repeat: number;
  /** Concurrent connections; undefined: each scenario's own (bench/scenarios.ts). */
  connections?: number;
  scenarios: ScenarioName[];
  gateways: GatewayKind[];
  gatewayCpu: number;
  loadCpu: number;
  /** How many distinct bearer tokens to cycle through when the hub authenticates. */
  tokenPool: number;
  out: string;
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function list<T extends string>(env: NodeJS.ProcessEnv, name: string, all: readonly T[]): T[] {
  const raw = env[name];
  if (!raw) return [...all];
  const picked = raw.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = picked.filter((p) => !all.includes(p as T));
  if (unknown.length) throw new Error(`${name}: unknown ${unknown.join(", ")}; choose from ${all.join(", ")}`);
  return all.filter((a) => picked.includes(a));
}

export function readConfig(env: NodeJS.ProcessEnv): BenchConfig {
  return {
    warmupS: number(env, "BENCH_WARMUP", 2, 0, 600),
    durationS: number(env, "BENCH_DURATION", 5, 1, 600),
    repeat: number(env, "BENCH_REPEAT", 1, 1, 20),
    connections: env.BENCH_CONNECTIONS ? number(env, "BENCH_CONNECTIONS", 32, 1, 1000) : undefined,
    scenarios: list(env, "BENCH_SCENARIOS", SCENARIO_ORDER),
    gateways: list(env, "BENCH_GATEWAYS", GATEWAYS),
    gatewayCpu: number(env, "BENCH_GATEWAY_CPU", 0, 0, 1023),
    loadCpu: number(env, "BENCH_LOAD_CPU", 1, 0, 1023),
    tokenPool: number(env, "BENCH_TOKENS", 64, 1, 10_000),
    out: env.BENCH_OUT || "bench/results/latest.json",
  };
}
