/**
 * @module Runs due standing-order instalments every STANDING_ORDERS_INTERVAL_SECONDS (default 3600;
 * 0 turns the timer off, e.g. when one replica or a cron job calls executeDueStandingOrders instead).
 * Safe with several hub instances: each instalment is claimed once (standing-orders.ts).
 */
import { utcToday } from "./payment-request.js";
import type { StandingOrders } from "./standing-orders.js";

export function standingOrderInterval(value = process.env.STANDING_ORDERS_INTERVAL_SECONDS): number {
  if (value === undefined || value === "") return 3600;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0) throw new Error(`STANDING_ORDERS_INTERVAL_SECONDS must be a whole number of seconds (0: off), got "${value}".`);
  return seconds;
}

/** Starts the timer (unref'd: it never keeps the process alive); a failed run is retried on the next tick. */
export function startStandingOrderTimer(standingOrders: () => StandingOrders, seconds = standingOrderInterval()): void {
  if (seconds === 0) return;
  const timer = setInterval(() => {
    standingOrders()
      .runDue(utcToday())
      .catch(() => undefined);
  }, seconds * 1000);
  timer.unref();
}
