/** @module One structured logger (pino) for the process. */
import { pino, type Logger } from "pino";

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "open-banking-hub" } });
}
