/**
 * @module graphql-js executes a subscription's selection once per subscriber and event. For `events`,
 * whose result depends only on the event and the operation (authorisation happened before), every
 * subscriber with the same operation and variables shares one result per event: with thousands of
 * subscribers this is most of the fan-out's CPU.
 */
import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from "graphql";
import type { HubEvent } from "../../events/index.js";

const MEMO_SIZE = 1_024;

export class SharedResults {
  private readonly memo = new Map<string, ExecutionResult | Promise<ExecutionResult>>();

  async subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const events = source[Symbol.asyncIterator]() as AsyncIterator<HubEvent>;
    const operationKey = `${args.operationName ?? ""}\u0000${JSON.stringify(args.variableValues ?? {})}\u0000${print(args.document)}`;
    const iterator: AsyncIterableIterator<ExecutionResult> = {
      next: async () => {
        const step = await events.next();
        if (step.done) return { value: undefined, done: true };
        return { value: await this.result(`${step.value.id}\u0000${operationKey}`, () => execute({ ...args, rootValue: step.value })), done: false };
      },
      return: async () => {
        await events.return?.();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  private result(key: string, run: () => ExecutionResult | Promise<ExecutionResult>): ExecutionResult | Promise<ExecutionResult> {
    let result = this.memo.get(key);
    if (!result) {
      result = run();
      this.memo.set(key, result);
      if (this.memo.size > MEMO_SIZE) this.memo.delete(this.memo.keys().next().value!);
    }
    return result;
  }
}
