// Connecting to Redis: a first check that fails at once with the URL in the message (ioredis
// would otherwise retry for ever, and a plan would wait on a server that is not there), and
// the options of the long-lived connections BullMQ makes from it.
import { Redis, type RedisOptions } from 'ioredis';
import { QueueConnectionError } from './errors.js';
import type { RedisTarget } from './redis-url.js';

/** How long the first check waits for a connection. */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Connects once, without retrying, and PINGs: resolves when Redis answers, else rejects with a
 * QueueConnectionError naming the URL and the reason (refused, timed out, wrong password).
 */
export async function checkReachable(target: RedisTarget): Promise<void> {
  const client = new Redis({
    ...target.options,
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // The socket's error (ECONNREFUSED, ENOENT…) comes as an event; connect() itself then only
  // rejects with "Connection is closed".
  let socketError: unknown = null;
  client.on('error', (error: unknown) => {
    socketError ??= error;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const cause = socketError ?? error;
    throw new QueueConnectionError(`cannot reach Redis at ${target.shown}: ${reason(cause)}`, { cause });
  } finally {
    client.disconnect();
  }
}

/**
 * Options of a connection BullMQ keeps open. `maxRetriesPerRequest: null` is what BullMQ asks
 * of its blocking connections (a worker, queue events): a command waits through a reconnect
 * instead of failing. A producer's commands fail fast instead (`failFast`), so that a lost
 * Redis turns into an error rather than a wait.
 */
export function longLivedOptions(target: RedisTarget, failFast: boolean, closed: () => boolean = () => false): RedisOptions {
  return {
    ...target.options,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: failFast ? 1 : null,
    // Reconnect (ioredis's back-off) until the owner is closed. BullMQ's close() quits a
    // connection, which cannot reach a Redis that is gone; the client would go on reconnecting
    // and hold the process open.
    retryStrategy: (times) => (closed() ? null : Math.min(times * 50, 2_000)),
  };
}

export function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  const message = error instanceof Error ? error.message : String(error);
  return message === '' ? String(error) : message;
}
