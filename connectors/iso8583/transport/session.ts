/**
 * @module One persistent TCP connection to the switch (node:net): 2-byte length framing, responses
 * matched to requests by STAN (field 11) and checked against MTI and RRN (field 37), at most
 * `maxInFlight` requests on the wire, echo tests (0800/301) while idle, and reconnection with
 * exponential backoff and jitter after any loss. Requests made while it waits to reconnect fail at
 * once, so a dead switch costs callers nothing but an error.
 */
import { connect, type Socket } from "node:net";
import { decodeMessage, encodeMessage, type IsoMessage } from "../codec/codec.js";
import type { Variant } from "../codec/encoding.js";
import { frame, FrameReader } from "../codec/framing.js";
import { Iso8583TransportError } from "../errors.js";
import { echoRequest, networkResponse } from "../messages.js";
import { PendingRequests } from "./pending.js";
import { backoffDelay, Slots } from "./slots.js";

export interface SessionOptions {
  host: string;
  port: number;
  variant: Variant;
  timeoutMs: number;
  connectTimeoutMs: number;
  echoIntervalMs: number;
  maxInFlight: number;
  reconnect: { initialDelayMs: number; maxDelayMs: number };
  /** Names the switch in error messages. */
  label: string;
}

const reasonOf = (error: unknown) => ((error as NodeJS.ErrnoException).code === "ECONNREFUSED" ? "connection refused" : (error as Error).message);

export class Iso8583Session {
  private socket: Socket | null = null;
  private connecting: Promise<Socket> | null = null;
  private closed = false;
  private failures = 0;
  private lastFailure = "not connected yet";
  private retryAt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private echoTimer: NodeJS.Timeout | undefined;
  private readonly pending: PendingRequests;
  private readonly slots: Slots;
  private stan = 0;

  constructor(private readonly opts: SessionOptions) {
    this.pending = new PendingRequests(opts.label);
    this.slots = new Slots(opts.maxInFlight);
  }

  /** Opens the connection in the background; requests wait for it. */
  start(): void {
    this.connect().catch(() => {});
  }

  /** The next STAN (000001-999999, wrapping), skipping any still awaiting an answer. */
  nextStan(): string {
    do this.stan = (this.stan % 999_999) + 1;
    while (this.pending.has(String(this.stan).padStart(6, "0")));
    return String(this.stan).padStart(6, "0");
  }

  /** Sends a request (its field 11 set from nextStan) and resolves with the matching response. */
  async send(request: IsoMessage, timeoutMs = this.opts.timeoutMs): Promise<IsoMessage> {
    const deadline = Date.now() + timeoutMs;
    const bytes = frame(encodeMessage(request, this.opts.variant));
    await this.slots.acquire(deadline, () => {
      const why = `${this.opts.maxInFlight} requests to ${this.opts.label} were in flight until the deadline; ${request.mti} was not sent.`;
      return new Iso8583TransportError("CORE_TIMEOUT", why, false);
    });
    try {
      const socket = await this.ready();
      const answer = this.pending.expect(request, deadline, timeoutMs);
      socket.write(bytes);
      return await answer;
    } finally {
      this.slots.release();
    }
  }

  /** Round-trip time of one echo test, in ms. */
  async echo(timeoutMs = this.opts.timeoutMs): Promise<number> {
    const started = performance.now();
    await this.send(echoRequest(this.nextStan(), new Date()), timeoutMs);
    return performance.now() - started;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.echoTimer);
    this.pending.failAll(new Iso8583TransportError("CORE_CONNECTION_FAILED", `The connection to ${this.opts.label} was closed by the hub.`, true));
    this.slots.drain();
    const socket = this.socket;
    this.socket = null;
    if (socket && !socket.destroyed) await new Promise<void>((resolve) => socket.once("close", () => resolve()).destroy());
  }

  private async ready(): Promise<Socket> {
    if (this.closed) throw new Iso8583TransportError("CORE_CONNECTION_FAILED", `The connection to ${this.opts.label} is closed.`, false);
    if (this.socket) return this.socket;
    if (this.connecting || this.failures === 0 || Date.now() >= this.retryAt) return this.connect();
    const wait = Math.max(0, Math.round(this.retryAt - Date.now()));
    throw new Iso8583TransportError("CORE_CONNECTION_FAILED", `Not connected to ${this.opts.label} (${this.lastFailure}); next attempt in ${wait} ms.`, false);
  }

  private connect(): Promise<Socket> {
    if (this.connecting) return this.connecting;
    clearTimeout(this.reconnectTimer);
    const attempt = new Promise<Socket>((resolve, reject) => {
      const socket = connect({ host: this.opts.host, port: this.opts.port });
      const timer = setTimeout(() => socket.destroy(new Error(`no connection within ${this.opts.connectTimeoutMs} ms`)), this.opts.connectTimeoutMs);
      socket.once("error", (error) => (clearTimeout(timer), reject(error)));
      socket.once("connect", () => (clearTimeout(timer), resolve(socket)));
    });
    this.connecting = attempt.then(
      (socket) => {
        this.connecting = null;
        if (this.closed) throw (socket.destroy(), new Iso8583TransportError("CORE_CONNECTION_FAILED", `The connection to ${this.opts.label} is closed.`, false));
        this.opened(socket);
        return socket;
      },
      (error: unknown) => {
        this.connecting = null;
        this.lost(`cannot connect: ${reasonOf(error)}`);
        throw new Iso8583TransportError("CORE_CONNECTION_FAILED", `Cannot connect to ${this.opts.label}: ${reasonOf(error)}.`, false, error);
      },
    );
    return this.connecting;
  }

  private opened(socket: Socket): void {
    this.socket = socket;
    this.failures = 0;
    socket.setNoDelay(true).setKeepAlive(true);
    const reader = new FrameReader();
    let error: Error | undefined;
    socket.on("data", (chunk) => this.received(socket, reader, chunk));
    socket.on("error", (e) => (error = e));
    socket.on("close", () => this.disconnected(socket, reader, error));
    if (this.opts.echoIntervalMs > 0) {
      clearInterval(this.echoTimer);
      this.echoTimer = setInterval(() => this.keepAlive(socket), this.opts.echoIntervalMs).unref();
    }
  }

  private keepAlive(socket: Socket): void {
    if (this.socket !== socket || this.slots.inUse > 0) return;
    this.echo().catch((error) => {
      if (error instanceof Iso8583TransportError && error.code === "CORE_TIMEOUT" && this.socket === socket) socket.destroy();
    });
  }

  private received(socket: Socket, reader: FrameReader, chunk: Buffer): void {
    for (const bytes of reader.push(chunk)) {
      let message: IsoMessage;
      try {
        message = decodeMessage(bytes, this.opts.variant);
      } catch (error) {
        const reason = `${this.opts.label} sent ${bytes.length} bytes that are not an ISO 8583 message: ${(error as Error).message}.`;
        this.pending.failAll(new Iso8583TransportError("CORE_MALFORMED_RESPONSE", reason, true, error));
        socket.destroy();
        return;
      }
      this.dispatch(socket, message);
    }
  }

  private dispatch(socket: Socket, message: IsoMessage): void {
    const isRequest = Number(message.mti[2]) % 2 === 0;
    if (!isRequest) this.pending.answer(message);
    else if (message.mti.startsWith("08")) socket.write(frame(encodeMessage(networkResponse(message), this.opts.variant)));
  }

  private disconnected(socket: Socket, reader: FrameReader, error: Error | undefined): void {
    if (this.socket !== socket) return;
    this.socket = null;
    clearInterval(this.echoTimer);
    const { received, expected } = reader.partial;
    const why =
      received > 0 ? `closed in the middle of a frame (${received} of ${expected ?? "?"} bytes)` : `closed${error ? ` (${reasonOf(error)})` : ""}`;
    this.pending.failAll(new Iso8583TransportError("CORE_CONNECTION_FAILED", `The connection to ${this.opts.label} was ${why} before the answer came.`, true, error));
    if (!this.closed) this.lost(`connection ${why}`);
  }

  /** Records a failure and schedules the next connection attempt: initial × 2^n, capped, with jitter. */
  private lost(reason: string): void {
    this.failures++;
    this.lastFailure = reason;
    if (this.closed) return;
    const delay = backoffDelay(this.failures, this.opts.reconnect);
    this.retryAt = Date.now() + delay;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.connect().catch(() => {}), delay).unref();
  }
}
