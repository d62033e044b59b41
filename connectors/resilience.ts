/**
 * @module Per-bank resilience (cockatiel): a deadline on every core call, retries with jittered
 * exponential backoff for idempotent reads only, and one circuit breaker and one bulkhead per bank.
 * Business outcomes (`Result` values) and the hub's own input errors (INVALID_CURSOR, NOT_SUPPORTED, …)
 * pass through untouched and never count as failures. A core that fails, hangs or is shed becomes
 * CORE_UNAVAILABLE for that bank only, with the reason in `extensions.reason`.
 *
 * @example
 *   const policy = new BankPolicy("musterbank", resilienceSettings("musterbank", bank.resilience));
 *   const connector = new ResilientConnector(core, policy);
 */
import {
  BrokenCircuitError,
  BulkheadRejectedError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  IsolatedCircuitError,
  SamplingBreaker,
  TaskCancelledError,
  TimeoutStrategy,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type BulkheadPolicy,
  type CircuitBreakerPolicy,
  type TimeoutPolicy,
} from "cockatiel";
import { commonErrors, HubError } from "../subgraphs/shared/errors.js";
import type { ConnectorHealth } from "./contract.js";
import { resilienceSettings, type ResilienceSettings } from "./resilience-config.js";

export { RESILIENCE_DEFAULTS, resilienceSettings } from "./resilience-config.js";
export type { ResilienceConfig, ResilienceSettings } from "./resilience-config.js";
export { ResilientConnector } from "./resilient-connector.js";

export type CircuitName = "closed" | "open" | "half-open" | "isolated";

/** Why a call became CORE_UNAVAILABLE (`extensions.reason`). */
export type UnavailableReason = "CIRCUIT_OPEN" | "TIMEOUT" | "BULKHEAD_FULL" | "CORE_ERROR";

export interface BankHealthReport {
  status: "up" | "degraded" | "down";
  circuit: CircuitName;
  /** How long the last health probe took; null when the open circuit spared the core a probe. */
  latencyMs: number | null;
  detail?: string;
  checkedAt: Date;
}

const CIRCUIT_NAMES: Record<CircuitState, CircuitName> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half-open",
  [CircuitState.Isolated]: "isolated",
};

/** Shed by the policy itself, before the core was asked. */
const isShed = (error: unknown) =>
  error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError || error instanceof BulkheadRejectedError;

/**
 * Whether an error says the core is unwell. A HubError below 500 (or NOT_SUPPORTED) is the caller's
 * or the contract's business, so it neither opens the circuit nor is retried; anything else is.
 */
export function isCoreFailure(error: unknown): boolean {
  if (error instanceof HubError) return error.httpStatus >= 500 && error.code !== "NOT_SUPPORTED";
  return true;
}

function reasonOf(error: unknown): UnavailableReason {
  if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) return "CIRCUIT_OPEN";
  if (error instanceof BulkheadRejectedError) return "BULKHEAD_FULL";
  if (error instanceof TaskCancelledError) return "TIMEOUT";
  // A connector's own deadline (a 504, or failure "timeout") is a timeout too.
  if (error instanceof HubError && (error.httpStatus === 504 || error.extensions.failure === "timeout")) return "TIMEOUT";
  return "CORE_ERROR";
}

/** A health probe that answered "down": a failure for the circuit, a report for the caller. */
class CoreDownError extends Error {
  override name = "CoreDownError";
  constructor(readonly health: ConnectorHealth) {
    super(health.detail ?? "the core reports itself down");
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** One bank's policies, shared by every call to its core; also the source of its health. */
export class BankPolicy {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly bulkhead: BulkheadPolicy;
  private readonly probeTimeout: TimeoutPolicy;
  private readonly reads: { execute<T>(fn: () => Promise<T>): Promise<T> };
  private readonly writes: { execute<T>(fn: () => Promise<T>): Promise<T> };
  private openedAt = 0;
  private lastHealth?: { report: BankHealthReport; at: number };
  private probing?: Promise<BankHealthReport>;

  constructor(
    readonly bankId: string,
    readonly settings: ResilienceSettings = resilienceSettings(bankId),
  ) {
    const { breaker, bulkhead: slots, retry: retries } = settings;
    this.breaker = circuitBreaker(handleWhen(isCoreFailure), {
      halfOpenAfter: breaker.halfOpenAfterMs,
      breaker: breaker.sampling
        ? new SamplingBreaker({ threshold: breaker.sampling.threshold, duration: breaker.sampling.durationMs, minimumRps: breaker.sampling.minimumRps })
        : new ConsecutiveBreaker(breaker.consecutiveFailures),
    });
    this.breaker.onBreak(() => {
      this.openedAt = Date.now();
    });
    this.bulkhead = bulkhead(slots.maxInFlight, slots.maxQueued);
    // The calls take no abort signal, so aborting it after each return would only cost a DOMException per call.
    const deadline = (ms: number) => timeout(ms, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
    this.probeTimeout = deadline(settings.timeoutMs);
    const retrying = retry(
      handleWhen((error) => isCoreFailure(error) && !isShed(error)),
      { maxAttempts: retries.retries, backoff: new ExponentialBackoff({ initialDelay: retries.initialDelayMs, maxDelay: retries.maxDelayMs }) },
    );
    // Outermost first: one bulkhead slot per logical call, each attempt through the breaker, each with its deadline.
    this.reads = wrap(this.bulkhead, retrying, this.breaker, deadline(settings.timeoutMs));
    this.writes = wrap(this.bulkhead, this.breaker, deadline(settings.paymentTimeoutMs));
  }

  /** An idempotent read: deadline, retries with jitter, breaker, bulkhead. */
  read<T>(operation: string, call: () => Promise<T>): Promise<T> {
    return this.run(this.reads, operation, call);
  }

  /** A payment operation: deadline, breaker, bulkhead, never a retry (the payments subgraph resolves unknown outcomes). */
  write<T>(operation: string, call: () => Promise<T>): Promise<T> {
    return this.run(this.writes, operation, call);
  }

  get circuit(): CircuitName {
    return CIRCUIT_NAMES[this.breaker.state];
  }

  /** Milliseconds until an open circuit lets a trial call through (0 when it would now). */
  retryAfterMs(): number {
    return Math.max(0, this.openedAt + this.settings.breaker.halfOpenAfterMs - Date.now());
  }

  /**
   * The bank's health: circuit state plus a probe of the core, cached for `healthCacheMs`. The probe
   * goes through the breaker, so once the half-open delay has passed it is the trial call that closes
   * the circuit again when the core is back, even while no request reaches the bank.
   */
  health(probe: () => Promise<ConnectorHealth>): Promise<BankHealthReport> {
    const cached = this.lastHealth;
    if (cached && Date.now() - cached.at < this.settings.healthCacheMs && cached.report.circuit === this.circuit) {
      return Promise.resolve(cached.report);
    }
    this.probing ??= this.probe(probe).finally(() => {
      this.probing = undefined;
    });
    return this.probing;
  }

  private async run<T>(policy: { execute<R>(fn: () => Promise<R>): Promise<R> }, operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await policy.execute(call);
    } catch (error) {
      if (!isCoreFailure(error)) throw error;
      const reason = reasonOf(error);
      const unavailable = commonErrors.coreUnavailable(this.bankId, error);
      Object.assign(
        unavailable.extensions,
        { reason, operation },
        error instanceof HubError ? { coreError: error.code } : {},
        reason === "CIRCUIT_OPEN" ? { retryAfterMs: this.retryAfterMs() } : {},
      );
      throw unavailable;
    }
  }

  private async probe(probe: () => Promise<ConnectorHealth>): Promise<BankHealthReport> {
    const started = performance.now();
    let report: BankHealthReport;
    try {
      const health = await this.breaker.execute(() =>
        this.probeTimeout.execute(async () => {
          const answer = await probe();
          if (answer.status === "down") throw new CoreDownError(answer);
          return answer;
        }),
      );
      report = this.report(health.status, health.latencyMs, health.detail);
    } catch (error) {
      const elapsed = round(performance.now() - started);
      if (error instanceof CoreDownError) report = this.report("down", error.health.latencyMs, error.health.detail);
      else if (isShed(error)) report = this.report("down", null, `circuit open after ${this.lastFailure()}; next trial in ${this.retryAfterMs()} ms`);
      else if (error instanceof TaskCancelledError) report = this.report("down", elapsed, `no health answer within ${this.settings.timeoutMs} ms`);
      else report = this.report("down", elapsed, (error as Error).message);
    }
    this.lastHealth = { report, at: Date.now() };
    return report;
  }

  private report(probed: BankHealthReport["status"], latencyMs: number | null, detail: string | undefined): BankHealthReport {
    const circuit = this.circuit;
    const busy = this.bulkhead.executionSlots === 0;
    let status = probed;
    if (circuit === "open" || circuit === "isolated") status = "down";
    else if (status === "up" && (circuit === "half-open" || busy)) status = "degraded";
    if (busy && status !== "down") {
      const queued = this.settings.bulkhead.maxQueued - this.bulkhead.queueSlots;
      detail = [detail, `all ${this.settings.bulkhead.maxInFlight} in-flight slots busy, ${queued} queued`].filter(Boolean).join("; ");
    }
    return { status, circuit, latencyMs: latencyMs === null ? null : round(latencyMs), ...(detail ? { detail } : {}), checkedAt: new Date() };
  }

  private lastFailure(): string {
    const last = this.breaker.lastFailure;
    if (!last) return "failures";
    if (!("error" in last)) return "a failed answer";
    if (last.error instanceof TaskCancelledError) return "a timeout";
    return last.error instanceof CoreDownError ? `a down health probe (${last.error.message})` : `an error (${last.error.message.slice(0, 200)})`;
  }
}
