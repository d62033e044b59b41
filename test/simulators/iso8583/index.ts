/**
 * @module A simulated ISO 8583 switch for tests: a TCP server on 127.0.0.1 speaking the connector's
 * framing and codec, over its own ledger, with fault switches. The ledger acts on every request even
 * when a fault then spoils the answer, as a real core would: the money moved, the answer was lost.
 *
 * @example
 *   const sim = await startIso8583Simulator({ variant: "bcd" });
 *   sim.faults.slowMs = 2_000;                    // answers come after the connector gave up
 *   sim.faults.when = (m) => m.mti === "0200";    // …only for these requests
 *   await sim.setDown(true);                      // refuse connections; setDown(false) brings it back
 */
import { createServer, type Server, type Socket } from "node:net";
import type { BankConfig } from "../../../connectors/registry.js";
import { decodeMessage, encodeMessage, type IsoMessage } from "../../../connectors/iso8583/codec/codec.js";
import { VARIANTS, type VariantName } from "../../../connectors/iso8583/codec/encoding.js";
import { frame, FrameReader } from "../../../connectors/iso8583/codec/framing.js";
import { handle } from "./handlers.js";
import { SimLedger } from "./ledger.js";
import { SIM_ACCOUNTS, simAccountOptions, type SimAccountSeed } from "./seed.js";

export { SIM_ACCOUNTS, SIM_BANK_CODE, simAccountOptions, simIban } from "./seed.js";
export type { SimPayment } from "./ledger.js";

export interface Iso8583SimulatorFaults {
  /** Answer this many ms late. */
  slowMs: number;
  /** Answer with a frame that is not an ISO 8583 message. */
  garbage: boolean;
  /** Send half of the answer's frame, then close the connection. */
  drop: boolean;
  /** Answer with this response code instead (e.g. "91" issuer inoperative, "96" system malfunction); nothing is processed. */
  code?: string;
  /** Which requests the faults above apply to (all when unset); called once per request. */
  when?: (request: IsoMessage) => boolean;
}

export interface Iso8583Simulator {
  host: string;
  port: number;
  ledger: SimLedger;
  faults: Iso8583SimulatorFaults;
  /** Every request received, in order. */
  received: IsoMessage[];
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Down: stop accepting and close every connection, so connecting is refused; up: listen again on the same port. */
  setDown(down: boolean): Promise<void>;
  /** Sends an echo test (0800) to every connected client and resolves with their answers. */
  echoClients(): Promise<IsoMessage[]>;
  close(): Promise<void>;
}

/** A bank on the simulated switch, with short timeouts and backoff fit for tests; `options` override any. */
export function simulatedBank(sim: Pick<Iso8583Simulator, "host" | "port">, encoding: VariantName, options: Record<string, unknown> = {}): BankConfig {
  return {
    id: "isobank",
    name: "ISO Bank",
    bic: "ISOBDEF1XXX",
    country: "DE",
    status: "sandbox",
    connector: {
      kind: "iso8583",
      options: {
        host: sim.host,
        port: sim.port,
        encoding,
        timeoutMs: 400,
        connectTimeoutMs: 400,
        echoIntervalMs: 0,
        reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
        accounts: simAccountOptions(),
        ...options,
      },
    },
  };
}

export async function startIso8583Simulator(options: { variant?: VariantName; accounts?: readonly SimAccountSeed[] } = {}): Promise<Iso8583Simulator> {
  const variant = VARIANTS[options.variant ?? "ascii"];
  const ledger = new SimLedger(options.accounts ?? SIM_ACCOUNTS);
  const faults: Iso8583SimulatorFaults = { slowMs: 0, garbage: false, drop: false };
  const received: IsoMessage[] = [];
  const sockets = new Set<Socket>();
  const clientAnswers = new Map<Socket, (m: IsoMessage) => void>();
  const timers = new Set<NodeJS.Timeout>();
  let server: Server | null = null;
  let port = 0;

  const reply = (socket: Socket, response: IsoMessage, faulty: boolean) => {
    const bytes = frame(encodeMessage(response, variant));
    if (faulty && faults.drop) return socket.end(bytes.subarray(0, Math.ceil(bytes.length / 2)));
    const out = faulty && faults.garbage ? frame(Buffer.from("<html><body>502 Bad Gateway</body></html>")) : bytes;
    if (!faulty || faults.slowMs <= 0) return void socket.write(out);
    const timer = setTimeout(() => (timers.delete(timer), socket.destroyed || socket.write(out)), faults.slowMs);
    timers.add(timer);
  };

  let accepted = 0;
  const accept = (socket: Socket) => {
    accepted++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    const reader = new FrameReader();
    socket.on("data", (chunk) => {
      for (const bytes of reader.push(chunk)) {
        let message: IsoMessage;
        try {
          message = decodeMessage(bytes, variant);
        } catch {
          socket.destroy();
          return;
        }
        if (message.mti === "0810") {
          clientAnswers.get(socket)?.(message);
          continue;
        }
        received.push(message);
        const faulty = faults.when?.(message) ?? true;
        const override = faulty && faults.code;
        const response = override ? { mti: `${message.mti.slice(0, 2)}${Number(message.mti[2]) + 1}0`, fields: new Map([...message.fields, [39, override]]) } : handle(ledger, message);
        if (response) reply(socket, response, faulty);
      }
    });
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(accept);
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });

  const stop = async () => {
    const closing = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };

  await listen();
  let echoStan = 900_000;
  return {
    host: "127.0.0.1",
    get port() {
      return port;
    },
    get accepted() {
      return accepted;
    },
    ledger,
    faults,
    received,
    setDown: (down) => (down ? stop() : server ? Promise.resolve() : listen()),
    echoClients: () =>
      Promise.all(
        [...sockets].map(
          (socket) =>
            new Promise<IsoMessage>((resolve) => {
              clientAnswers.set(socket, resolve);
              const echo: IsoMessage = { mti: "0800", fields: new Map([[7, "0101000000"], [11, String(++echoStan)], [70, "301"]]) };
              socket.write(frame(encodeMessage(echo, variant)));
            }),
        ),
      ),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      await stop();
    },
  };
}
