/** @module Flow control for the one connection: a bounded number of requests in flight, and backoff delays. */

/** At most `max` holders at once; the others wait in order until a slot frees or their deadline passes. */
export class Slots {
  private used = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {}

  get inUse(): number {
    return this.used;
  }

  /** Resolves with a slot, or rejects with `onTimeout()` at `deadline` (epoch ms). */
  async acquire(deadline: number, onTimeout: () => Error): Promise<void> {
    if (this.used < this.max) {
      this.used++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const wake = () => (clearTimeout(timer), resolve());
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(wake), 1);
        reject(onTimeout());
      }, Math.max(0, deadline - Date.now()));
      this.waiting.push(wake);
    });
  }

  /** Hands the slot to the next waiter, if any. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.used--;
  }

  /** Lets every waiter through at once (each still releases its slot), e.g. to see that the connection closed. */
  drain(): void {
    for (const wake of this.waiting.splice(0)) {
      this.used++;
      wake();
    }
  }
}

/** initial × 2^(attempt−1), capped at max, then jittered to 50–100 % so that many clients do not retry in step. */
export function backoffDelay(attempt: number, { initialDelayMs, maxDelayMs }: { initialDelayMs: number; maxDelayMs: number }): number {
  return Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30)) * (0.5 + Math.random() / 2);
}
