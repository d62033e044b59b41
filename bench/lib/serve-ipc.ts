/**
 * @module The child side of bench/lib/child.ts: start, report `ready`, answer calls, stop on request
 * or when the parent goes away (so a crashed run leaves no servers behind). Also the process figures
 * every child reports: CPU time and peak resident memory.
 */

export type Handlers = Record<string, (params: any) => unknown>;

export interface Started {
  info: unknown;
  handlers: Handlers;
  close(): Promise<void>;
}

export function emit(event: unknown): void {
  process.send?.({ type: "event", event });
}

export async function serveIpc(start: () => Promise<Started>): Promise<void> {
  if (!process.send) throw new Error("run this file through bench/run.ts (it needs an IPC channel)");
  let started: Started;
  try {
    started = await start();
  } catch (error) {
    process.send({ type: "failed", error: (error as Error).stack ?? String(error) });
    process.exit(1);
  }
  const usage = processUsage();
  const handlers: Handlers = { ...started.handlers, usage: (params: { resetPeak?: boolean }) => usage.read(params?.resetPeak) };
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    usage.close();
    await started.close().catch(() => {});
    process.exit(0);
  };
  process.on("message", async (message: any) => {
    if (message?.type === "stop") return stop();
    if (message?.type !== "call") return;
    try {
      const handler = handlers[message.method];
      if (!handler) throw new Error(`no method "${message.method}"`);
      const result = await handler(message.params);
      process.send!({ type: "reply", id: message.id, result });
    } catch (error) {
      process.send!({ type: "reply", id: message.id, error: (error as Error).message });
    }
  });
  process.on("disconnect", stop);
  process.send({ type: "ready", info: started.info });
}

/** CPU time of this process and the peak RSS since the last reset, sampled every 100 ms. */
function processUsage() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
  }, 100);
  timer.unref();
  return {
    read(resetPeak = false) {
      const rss = process.memoryUsage.rss();
      if (rss > peak) peak = rss;
      const cpu = process.cpuUsage();
      const result = { cpuMicros: cpu.user + cpu.system, systemMicros: cpu.system, rssBytes: rss, peakRssBytes: peak, heapUsedBytes: process.memoryUsage().heapUsed };
      if (resetPeak) peak = rss;
      return result;
    },
    close() {
      clearInterval(timer);
    },
  };
}
