/**
 * @module `npm run bench:events`: BENCH_SUBSCRIBERS (default 2,000) graphql-ws subscribers on one
 * embedded hub while consents change at BENCH_EVENT_RATE per second for BENCH_EVENT_SECONDS. Each
 * change commits an outbox row; the relay publishes it (NATS JetStream when NATS_URL is set), the
 * gateway fans it out, authorises it per subscriber (half the hub's operator, half a TPP whose
 * deliveries are checked against the consent as a query would be) and sends it. Reports
 * commit-to-delivery p50/p99 and memory per subscriber; writes bench/results/events.json.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { availableCores, canPin, spawnChild } from "./lib/child.js";
import { createScratch } from "./lib/database.js";
import { openSubscribers } from "./events/subscribers.js";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 2_000);
const RATE = Number(process.env.BENCH_EVENT_RATE ?? 10);
const SECONDS = Number(process.env.BENCH_EVENT_SECONDS ?? 20);
const secret = randomBytes(24).toString("hex");

async function token(url: string, client: string, clientSecret: string, scope: string): Promise<string> {
  const res = await fetch(`${url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${client}:${clientSecret}`).toString("base64")}` },
    body: new URLSearchParams({ grant_type: "client_credentials", scope }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const cores = availableCores();
// With DATABASE_URL the hub gets a scratch database next to it, dropped at the end; otherwise in-memory PGlite.
const base = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
const scratch = base ? await createScratch(base, "events") : undefined;
const hub = await spawnChild("hub", "../events/hub-process.ts", [scratch?.url ?? "", secret], {
  cpu: canPin([0, 1]) ? 0 : undefined,
  nodeArgs: ["--expose-gc"],
});
try {
  const url = hub.info.url as string;
  const operator = await token(url, "hub-operator", secret, "operator");
  const tpp = await token(url, "finanzblick-sandbox", "finanzblick-sandbox-secret", "accounts");
  const before = await hub.call("memory");
  const subscribers = await openSubscribers(url, [operator, tpp], SUBSCRIBERS);
  for (let i = 0; i < 100 && (await hub.call("subscribers")).streams < SUBSCRIBERS; i++) await new Promise((r) => setTimeout(r, 100));
  const after = await hub.call("memory");
  const { streams, connections } = await hub.call("subscribers");

  const mutation = `mutation { createConsent(input: { psuId: "max.musterman", recurringIndicator: true, validUntil: "9999-12-31", frequencyPerDay: 4,
    access: { balances: [{ iban: "DE80760700240271232400" }] } }) { consent { id } } }`;
  // A steady rate, whatever each mutation's latency: one change every 1/RATE s, not awaited in turn.
  const changes: Promise<boolean>[] = [];
  const started = Date.now();
  for (let i = 0; i < SECONDS * RATE; i++) {
    await new Promise((r) => setTimeout(r, Math.max(0, started + (i * 1000) / RATE - Date.now())));
    changes.push(
      fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${tpp}` }, body: JSON.stringify({ query: mutation }) })
        .then(async (res) => res.ok && !((await res.json()) as { errors?: unknown[] }).errors)
        .catch(() => false),
    );
  }
  const produced = (await Promise.all(changes)).filter(Boolean).length;
  const expected = produced * SUBSCRIBERS;
  const waitUntil = Date.now() + 60_000;
  while (subscribers.latencies.length < expected && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 200));
  const sorted = [...subscribers.latencies].sort((a, b) => a - b);
  const result = {
    date: new Date().toISOString(),
    cores,
    bus: hub.info.bus,
    database: hub.info.database,
    subscribers: SUBSCRIBERS,
    connections,
    streams,
    eventsProduced: produced,
    eventRatePerSecond: RATE,
    deliveriesExpected: expected,
    deliveries: subscribers.latencies.length,
    duplicates: subscribers.duplicates,
    ended: subscribers.ended.length,
    latencyMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN },
    // JS heap after a full GC. External memory and RSS are shown but not divided: embedded PGlite's
    // WebAssembly memory lives there and moves by hundreds of MB on its own.
    heapPerSubscriberKb: Math.round((after.heapUsed - before.heapUsed) / SUBSCRIBERS / 102.4) / 10,
    hubMemoryMb: { heapBefore: mb(before.heapUsed), heapWithSubscribers: mb(after.heapUsed), externalBefore: mb(before.external), externalWithSubscribers: mb(after.external), rssBefore: mb(before.rss), rssWithSubscribers: mb(after.rss) },
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("./results/events.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  await subscribers.close();
} finally {
  await hub.stop();
  await scratch?.drop();
}
