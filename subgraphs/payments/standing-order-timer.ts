/**
 * @module Runs due standing-order instalments every STANDING_ORDERS_INTERVAL_SECONDS (default 3600;
 * 0 turns the timer off, e.g. when one replica or a cron job calls executeDueStandingOrders instead).
 * Safe with several hub instances: each instalment is claimed once (standing-orders.ts). It runs with
 * the other background work where the payments subgraph runs (subgraphs/background.ts).
 */
import type { Logger } from "pino";
import { systemCaller } from "../shared/context.js";
import type { RunningSubgraph } from "../shared/subgraph.js";
import type { PaymentsContext } from "./context.js";
import { utcToday } from "./payment-request.js";

export function standingOrderInterval(value = process.env.STANDING_ORDERS_INTERVAL_SECONDS): number {
  if (value === undefined || value === "") return 3600;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0) throw new Error(`STANDING_ORDERS_INTERVAL_SECONDS must be a whole number of seconds (0: off), got "${value}".`);
  return seconds;
}

export interface StandingOrderTimer {
  stop(): Promise<void>;
}

/** Starts the timer (unref'd: it never keeps the process alive); a failed run is logged and retried on the next tick. */
export function startStandingOrderTimer(payments: RunningSubgraph, logger: Logger, seconds = standingOrderInterval()): StandingOrderTimer | undefined {
  if (seconds === 0) return undefined;
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    running ??= (payments.createContext(systemCaller) as PaymentsContext).standingOrders
      .runDue(utcToday())
      .catch((error: unknown) => logger.error({ err: error }, "standing orders: run failed; retrying at the next interval"))
      .finally(() => (running = undefined));
  }, seconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
