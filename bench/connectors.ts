/**
 * @module Bench (issue 6): accounts and balances through each kind of core connector.
 *
 * One process: the four protocol simulators of test/helpers/multi-core.ts on loopback, the five-bank
 * hub in front of them (PGlite, or a scratch database when DATABASE_URL is set, as the tests do), and
 * autocannon's API as load generator. For each bank in turn, after a checked first answer, a warm-up
 * window and a measured window of one query:
 *
 *   psu(id: "max.musterman") { accounts(bankIds: [<bank>]) { iban balances { type amount { amount currency } } } }
 *
 * The registry's connectors are wrapped to time every core call (performance.now() around the
 * promise, so the resilience layer and the connector's own I/O are inside). Reported per bank:
 * requests/s, p50, p99, mean latency, and the connector's share of latency = connector ms per request
 * / mean request latency, for the bank asked for ("own": its accountsOfPsu then balances, one after
 * the other) and for all connector calls ("all": the hub's `accountsOfPsu` loader asks every bank,
 * whatever `bankIds` says; those calls run in parallel, so this is a sum and can pass 100 %; the hub
 * passes no requestId to connectors, so calls cannot be grouped per request). Load generator, hub
 * and simulators share one process, so latency includes event-loop queueing at the chosen
 * concurrency. Writes bench/results/connectors.json.
 *
 * Env: BENCH_WARMUP_S (2), BENCH_DURATION_S (5), BENCH_CONNECTIONS (4), BENCH_BANKS (comma-separated
 * kinds, default all five).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { BANK_IDS, startCores, type CoreKind } from "../test/helpers/multi-core.js";
import { gql, operatorToken, startTestHub } from "../test/helpers/hub.js";

const env = (name: string, fallback: number, max: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new Error(`${name} must be a number in (0, ${max}]; got ${process.env[name]}`);
  return value;
};
const WARMUP_S = env("BENCH_WARMUP_S", 2, 30);
const DURATION_S = env("BENCH_DURATION_S", 5, 60);
const CONNECTIONS = Math.round(env("BENCH_CONNECTIONS", 4, 20)); // the bulkhead admits 20 calls in flight per bank
const KINDS = (process.env.BENCH_BANKS?.split(",").map((k) => k.trim()) ?? Object.keys(BANK_IDS)) as CoreKind[];
for (const kind of KINDS) if (!(kind in BANK_IDS)) throw new Error(`BENCH_BANKS: unknown kind "${kind}"; known: ${Object.keys(BANK_IDS).join(", ")}`);

const PSU = "max.musterman";
const query = (bankId: string) =>
  `query Bench { psu(id: "${PSU}") { accounts(bankIds: ["${bankId}"]) { iban balances { type amount { amount currency } } } } }`;

/** One timed core call. */
interface Call {
  bankId: string;
  operation: string;
  requestId: string | undefined;
  start: number;
  end: number;
}

/** Wraps every method of every bank's connector (as the registry hands it out) to record its calls while `recording`. */
function instrument(connectors: { banks(): readonly { id: string }[]; get(bankId: string): object }) {
  const state = { recording: false, calls: [] as Call[] };
  for (const { id: bankId } of connectors.banks()) {
    // The registry hands out a Proxy without a set trap: assignment lands on the connector behind it,
    // and the proxy's own call counting still wraps our function.
    const connector = connectors.get(bankId) as Record<string, unknown>;
    const names = new Set<string>();
    for (let proto = Object.getPrototypeOf(connector); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const name of Object.getOwnPropertyNames(proto)) if (name !== "constructor") names.add(name);
    }
    for (const name of names) {
      const original = connector[name];
      if (typeof original !== "function" || name === "close") continue;
      connector[name] = function (this: unknown, ...args: unknown[]) {
        if (!state.recording) return original.apply(this, args);
        const start = performance.now();
        const requestId = (args[0] as { requestId?: string } | undefined)?.requestId;
        const record = () => void state.calls.push({ bankId, operation: name, requestId, start, end: performance.now() });
        const result = original.apply(this, args);
        if (result && typeof (result as Promise<unknown>).then === "function") {
          return (result as Promise<unknown>).then(
            (value) => (record(), value),
            (error: unknown) => {
              record();
              throw error;
            },
          );
        }
        record();
        return result;
      };
    }
  }
  return state;
}

/** Total length of the union of intervals (overlapping calls of one request count once). */
function unionMs(intervals: { start: number; end: number }[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0;
  let [from, to] = [-Infinity, -Infinity];
  for (const { start, end } of sorted) {
    if (start > to) {
      if (to > from) total += to - from;
      [from, to] = [start, end];
    } else to = Math.max(to, end);
  }
  if (to > from) total += to - from;
  return total;
}

/** autocannon's result, with `responses`: the responses it received (counted from its events). */
function load(url: string, token: string, body: string, durationS: number): Promise<any> {
  return new Promise((resolve, reject) => {
    let responses = 0;
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        connections: CONNECTIONS,
        duration: durationS,
        method: "POST",
        timeout: 20,
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body,
      },
      (error, result) => (error ? reject(error) : resolve({ ...result, responses })),
    );
    instance.on("response", () => void responses++);
  });
}

async function checked(url: string, bankId: string, what: string): Promise<number> {
  const res = await gql(url, query(bankId));
  const accounts = res.data?.psu?.accounts as { iban: string; balances: unknown[] }[] | undefined;
  if (res.status !== 200 || res.errors || !accounts?.length || accounts.some((a) => !a?.balances?.length)) {
    throw new Error(`${bankId}: ${what} answer is wrong: ${JSON.stringify(res).slice(0, 500)}`);
  }
  return accounts.length;
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

async function main() {
  const started = performance.now();
  const cores = await startCores();
  const hub = await startTestHub({ banks: cores.banks() });
  try {
    const registry = hub.runtime!.connectors;
    const probe = instrument(registry);
    const token = await operatorToken(hub.url);
    const rows = [];
    for (const kind of KINDS) {
      const bankId = BANK_IDS[kind];
      const accounts = await checked(hub.url, bankId, "first");
      const body = JSON.stringify({ query: query(bankId) });
      await load(hub.url, token, body, WARMUP_S);

      probe.calls = [];
      probe.recording = true;
      const result = await load(hub.url, token, body, DURATION_S);
      probe.recording = false;
      const callsByKey: Record<string, number> = {};
      for (const call of probe.calls) callsByKey[`${call.bankId}.${call.operation}`] = (callsByKey[`${call.bankId}.${call.operation}`] ?? 0) + 1;
      const coreCalls = probe.calls.length;
      await checked(hub.url, bankId, "last");

      const requests = result.responses as number;
      if (!requests || result.non2xx || result.errors || result.timeouts) {
        throw new Error(`${bankId}: ${requests} requests, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
      }
      const meanMs = result.latency.mean as number;
      const own = probe.calls.filter((c) => c.bankId === bankId);
      const ownMs = own.reduce((sum, c) => sum + (c.end - c.start), 0) / requests;
      // All connector calls; grouped per request (overlap counted once) only where the hub passes a requestId.
      const byRequest = new Map<string, Call[]>();
      let loose = 0;
      for (const call of probe.calls) {
        if (call.requestId === undefined) loose += call.end - call.start;
        else byRequest.set(call.requestId, [...(byRequest.get(call.requestId) ?? []), call]);
      }
      let allMs = loose;
      for (const calls of byRequest.values()) allMs += unionMs(calls);
      allMs /= requests;
      rows.push({
        kind,
        bankId,
        accounts,
        requests,
        rps: round(requests / result.duration),
        p50Ms: result.latency.p50 as number,
        p99Ms: result.latency.p99 as number,
        meanMs: round(meanMs, 2),
        connectorMsPerRequest: round(ownMs, 2),
        connectorShare: round(ownMs / meanMs, 3),
        allConnectorsMsPerRequest: round(allMs, 2),
        allConnectorsShare: round(allMs / meanMs, 3),
        connectorCallsPerRequest: round(own.length / requests, 2),
        allCoreCallsPerRequest: round(coreCalls / requests, 2),
        callsWithoutRequestId: probe.calls.filter((c) => c.requestId === undefined).length,
        callsPerRequestByOperation: Object.fromEntries(Object.entries(callsByKey).map(([k, n]) => [k, round(n / requests, 2)])),
      });
    }

    const report = {
      scenario: "connectors: accounts-and-balances of one PSU at one bank per run",
      date: new Date().toISOString(),
      node: process.version,
      cores: os.availableParallelism(),
      cpu: os.cpus()[0]?.model ?? "unknown",
      database: process.env.DATABASE_URL ? "postgresql (scratch)" : "pglite",
      connections: CONNECTIONS,
      warmupS: WARMUP_S,
      durationS: DURATION_S,
      note: "share = connector ms per request / mean request latency. own = the bank asked for (accountsOfPsu then balances, sequential). all = every connector call (accountsOfPsu asks all five banks in parallel whatever bankIds says), summed, so it can pass 100 %. Hub, simulators and load generator share one process: latency includes event-loop queueing.",
      rows,
    };
    mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
    const file = new URL("./results/connectors.json", import.meta.url);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

    console.log(`\nconnectors bench · node ${report.node} · ${report.cores} cores (${report.cpu}) · ${report.database} · ${CONNECTIONS} connections · ${WARMUP_S} s warm-up + ${DURATION_S} s per bank · one process\n`);
    const header = ["kind", "bank", "req/s", "p50 ms", "p99 ms", "mean ms", "own conn ms/req", "own share", "all conn ms/req", "all share", "core calls/req"];
    const table = rows.map((r) => [
      r.kind,
      r.bankId,
      r.rps.toFixed(0),
      String(r.p50Ms),
      String(r.p99Ms),
      r.meanMs.toFixed(2),
      r.connectorMsPerRequest.toFixed(2),
      `${(r.connectorShare * 100).toFixed(1)} %`,
      r.allConnectorsMsPerRequest.toFixed(2),
      `${(r.allConnectorsShare * 100).toFixed(1)} %`,
      r.allCoreCallsPerRequest.toFixed(1),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
    console.log(line(header));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const row of table) console.log(line(row));
    console.log(`\nown = the bank asked for (accountsOfPsu + balances, sequential); all = every connector call, summed (the five accountsOfPsu run in parallel, so it can pass 100 %). Written to bench/results/connectors.json in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await hub.stop();
    await cores.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
