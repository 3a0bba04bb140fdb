// The two ways solving partitions ends without results: the caller aborted, or a partition
// failed twice (its worker threw or crashed, then threw or crashed again on the retry).

/** Planning was cancelled through its AbortSignal; `cause` is the signal's reason. */
export class AbortError extends Error {
  readonly code = 'ABORT_ERR';
  constructor(reason?: unknown) {
    super('planning was aborted', reason === undefined ? undefined : { cause: reason });
    this.name = 'AbortError';
  }
}

/** One partition that failed on every attempt, and the last error it failed with. */
export interface FailedPartition {
  partitionIndex: number;
  orders: number;
  error: unknown;
}

/**
 * Partitions that could not be solved even on a retry. The other partitions were solved:
 * their results are kept in `results` (null where a partition failed), in partition order.
 */
export class PartitionError<R = unknown> extends Error {
  readonly code = 'PARTITION_FAILED';
  constructor(
    readonly failed: readonly FailedPartition[],
    readonly results: readonly (R | null)[],
  ) {
    const first = failed[0];
    const why = first === undefined ? '?' : first.error instanceof Error ? first.error.message : String(first.error);
    const which = `${failed.length === 1 ? 'partition' : 'partitions'} ${failed.map((f) => f.partitionIndex).join(', ')}`;
    super(
      `${which} of ${results.length} failed on both attempts; ` +
        `partition ${first?.partitionIndex ?? '?'} (${first?.orders ?? '?'} order${first?.orders === 1 ? '' : 's'}): ${why}`,
      first === undefined ? undefined : { cause: first.error },
    );
    this.name = 'PartitionError';
  }
}

/** Whether an error is an abort (ours, piscina's, or a DOMException from `signal.reason`). */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Rejects with AbortError as soon as the signal fires, else settles as `work` does. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortError(signal.reason));
    // Handlers first, always: a rejection of `work` after the abort must not go unhandled.
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
