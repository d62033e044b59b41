/**
 * @module Processes of a benchmark run: each gateway, the subgraphs and the load generator run in a
 * child of their own, pinned to a core with `taskset` where the machine has it, and answer
 * request/response calls over the Node IPC channel.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface Child {
  readonly name: string;
  readonly pid: number;
  /** What the child reported when it became ready. */
  readonly info: any;
  call<T = any>(method: string, params?: unknown, timeoutMs?: number): Promise<T>;
  /** Events the child pushes (progress ticks). */
  onEvent(listener: (event: any) => void): () => void;
  stop(): Promise<void>;
}

let tasksetChecked: boolean | undefined;

/** Whether `taskset` exists and the machine has the cores asked for. */
export function canPin(cores: number[]): boolean {
  tasksetChecked ??= spawnSync("taskset", ["-p", String(process.pid)], { stdio: "ignore" }).status === 0;
  return tasksetChecked && cores.every((c) => c < availableCores());
}

export function availableCores(): number {
  const out = spawnSync("nproc", [], { encoding: "utf8" });
  const n = Number(out.stdout?.trim());
  return Number.isInteger(n) && n > 0 ? n : 1;
}

export interface SpawnOptions {
  /** Core to pin to; undefined leaves the scheduler free. */
  cpu?: number;
  /** File for the child's stdout and stderr (logs); default: inherit stderr, drop stdout. */
  logFile?: string;
  env?: Record<string, string>;
  /** Extra flags for node, e.g. --cpu-prof. */
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}

/**
 * Starts `node --import tsx <file.ts> ...args`, or `node <file.js> ...args` for compiled code (dist/),
 * pinned when asked, and waits for its `ready` message.
 */
export async function spawnChild(name: string, file: string, args: string[], options: SpawnOptions = {}): Promise<Child> {
  const script = fileURLToPath(new URL(file, import.meta.url));
  const loader = script.endsWith(".ts") ? ["--import", "tsx"] : [];
  const node = [process.execPath, ...(options.nodeArgs ?? []), ...loader, script, ...args];
  const command = options.cpu === undefined ? node : ["taskset", "-c", String(options.cpu), ...node];
  const log = options.logFile ? openSync(options.logFile, "a") : undefined;
  const proc = spawn(command[0]!, command.slice(1), {
    stdio: ["ignore", log ?? "ignore", log ?? "inherit", "ipc"],
    // Production, as deployed: graphql-js skips its development checks, Apollo Server its dev defaults.
    env: { ...process.env, NODE_ENV: process.env.BENCH_NODE_ENV ?? "production", ...options.env },
  });
  return attach(name, proc, options.readyTimeoutMs ?? 180_000);
}

function attach(name: string, proc: ChildProcess, readyTimeoutMs: number): Promise<Child> {
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; timer: NodeJS.Timeout }>();
  const listeners = new Set<(event: any) => void>();
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => proc.once("exit", () => resolve()));

  return new Promise<Child>((resolveReady, rejectReady) => {
    const readyTimer = setTimeout(() => {
      rejectReady(new Error(`${name} did not become ready within ${readyTimeoutMs} ms`));
      proc.kill("SIGKILL");
    }, readyTimeoutMs);
    proc.on("message", (message: any) => {
      if (message?.type === "ready") {
        clearTimeout(readyTimer);
        resolveReady(child(message.info));
      } else if (message?.type === "failed") {
        clearTimeout(readyTimer);
        rejectReady(new Error(`${name} failed to start: ${message.error}`));
      } else if (message?.type === "reply") {
        const waiting = pending.get(message.id);
        if (!waiting) return;
        pending.delete(message.id);
        clearTimeout(waiting.timer);
        if (message.error) waiting.reject(new Error(`${name}: ${message.error}`));
        else waiting.resolve(message.result);
      } else if (message?.type === "event") {
        for (const listener of listeners) listener(message.event);
      }
    });
    proc.once("exit", (code, signal) => {
      exited = true;
      clearTimeout(readyTimer);
      rejectReady(new Error(`${name} exited before it was ready (code ${code}, signal ${signal})`));
      for (const waiting of pending.values()) {
        clearTimeout(waiting.timer);
        waiting.reject(new Error(`${name} exited (code ${code}, signal ${signal})`));
      }
      pending.clear();
    });

    function child(info: any): Child {
      return {
        name,
        pid: proc.pid!,
        info,
        call(method, params, timeoutMs = 120_000) {
          if (exited) return Promise.reject(new Error(`${name} has exited`));
          const id = nextId++;
          return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
              pending.delete(id);
              reject(new Error(`${name}: ${method} timed out after ${timeoutMs} ms`));
            }, timeoutMs);
            pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
            proc.send({ type: "call", id, method, params });
          });
        },
        onEvent(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        async stop() {
          if (exited) return;
          proc.send({ type: "stop" });
          const killTimer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
          await exitedPromise;
          clearTimeout(killTimer);
        },
      };
    }
  });
}
