// One plan's results as they come back from the queue, kept by partition index — never in the
// order jobs finish — with progress, failures and the first fatal error (an abort, a lost
// Redis). Partitions of identical content share one job id; each gets its own copy of the result.
import type { PartitionResult } from '../optimise/partition/solve-partition.js';
import type { FailedPartition } from '../pool/errors.js';

export class Gathering {
  /** Resolves when every partition has a result or has failed; rejects on abort(). */
  readonly done: Promise<void>;
  readonly #indexesOf = new Map<string, number[]>();
  readonly #results: (PartitionResult | null)[];
  readonly #failed: FailedPartition[] = [];
  readonly #orders: readonly number[];
  readonly #abandonedIds = new Set<string>();
  readonly #onProgress: ((done: number, total: number) => void) | undefined;
  #open: number;
  #ended = false;
  #resolve: () => void = () => {};
  #reject: (error: unknown) => void = () => {};

  /** `ids[i]`: partition i's job id; `orders[i]`: its order count (failure messages give it). */
  constructor(ids: readonly string[], orders: readonly number[], onProgress?: (done: number, total: number) => void) {
    ids.forEach((id, i) => {
      const list = this.#indexesOf.get(id);
      if (list === undefined) this.#indexesOf.set(id, [i]);
      else list.push(i);
    });
    this.#results = ids.map(() => null);
    this.#orders = orders;
    this.#onProgress = onProgress;
    this.#open = this.#indexesOf.size;
    this.done = new Promise<void>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // A plan that ends by abort() may not be awaited any more; its rejection is not "unhandled".
    this.done.catch(() => undefined);
    if (this.#open === 0) this.#end();
  }

  /** Job `id` came back with `result` (ignored if the job is not this plan's, or already settled). */
  settle(id: string, result: PartitionResult): void {
    const indexes = this.#take(id);
    if (indexes === null) return;
    for (const [k, i] of indexes.entries()) this.#results[i] = k === 0 ? result : structuredClone(result);
    this.#progress();
  }

  /** Job `id` failed on every attempt. */
  fail(id: string, error: unknown): void {
    const indexes = this.#take(id);
    if (indexes === null) return;
    for (const i of indexes) this.#failed.push({ partitionIndex: i, orders: this.#orders[i] ?? 0, error });
    this.#progress();
  }

  /** The deadline passed: every partition not back keeps its start (`make(i)`). */
  abandonPending(make: (partitionIndex: number) => PartitionResult): void {
    for (const id of this.pendingIds()) {
      this.#abandonedIds.add(id);
      this.settle(id, make(this.#indexesOf.get(id)![0]!));
    }
  }

  /** Ends the plan with `error` (no result is taken after). */
  abort(error: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#reject(error);
  }

  /** True once every partition settled, or abort() ended the plan. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Job ids with a partition still waiting for its result. */
  pendingIds(): string[] {
    return [...this.#indexesOf.entries()].filter(([, indexes]) => this.#results[indexes[0]!] === null && !this.#hasFailed(indexes[0]!)).map(([id]) => id);
  }

  abandonedIds(): string[] {
    return [...this.#abandonedIds];
  }

  get abandoned(): number {
    return this.#abandonedIds.size;
  }

  /** Results in partition order (null where a partition failed) and the failures, by index. */
  outcome(): { results: readonly (PartitionResult | null)[]; failed: FailedPartition[] } {
    return { results: this.#results, failed: [...this.#failed].sort((a, b) => a.partitionIndex - b.partitionIndex) };
  }

  #hasFailed(i: number): boolean {
    return this.#failed.some((f) => f.partitionIndex === i);
  }

  #take(id: string): number[] | null {
    if (this.#ended) return null;
    const indexes = this.#indexesOf.get(id);
    if (indexes === undefined || this.#results[indexes[0]!] !== null || this.#hasFailed(indexes[0]!)) return null;
    this.#open -= 1;
    return indexes;
  }

  #progress(): void {
    const done = this.#results.filter((r) => r !== null).length + this.#failed.length;
    this.#onProgress?.(done, this.#results.length);
    if (this.#open === 0) this.#end();
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#resolve();
  }
}
