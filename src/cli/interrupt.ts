// What a command must still do when SIGINT / SIGTERM ends it (the bin, ./main.ts, runs these
// before it exits): `plan --redis` takes its waiting jobs off the queue, so that no worker
// solves partitions of a plan nobody waits for. Each is given a few seconds at most.
type Cleanup = (signal: NodeJS.Signals) => Promise<void>;

const cleanups = new Set<Cleanup>();

/** Registers `cleanup` until the returned function is called (the command ended by itself). */
export function onInterrupt(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs every registered cleanup, at once; resolves when all settled or after `ms`. */
export async function runInterruptCleanups(signal: NodeJS.Signals, ms: number): Promise<void> {
  if (cleanups.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled([...cleanups].map((c) => c(signal))),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
