// Running the service as a process (`xbroute serve`): the configuration from the command
// line and environment, listening, and a clean stop on SIGINT / SIGTERM (running solves are
// left queued in the store and re-run at the next start, or by another instance with --redis).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../domain/errors.js';
import { DEFAULT_NETWORK, DEFAULT_ORDERS, DEFAULT_STOCK, PACKAGE_ROOT } from '../cli/paths.js';
import { createService, type Service } from './app.js';
import { loadApiKeys } from './keys.js';

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  apiKeysFile?: string;
  noAuth: boolean;
  concurrency: number;
  solveWorkers: number;
  maxFileBytes?: number;
  /** Requests per key (per address without auth) per minute. */
  rateLimitPerMinute?: number;
  /** See ServiceConfig.redisUrl. */
  redisUrl?: string;
  /** See ServiceConfig.jobLockDurationMs. */
  lockDurationMs?: number;
  /** See ServiceConfig.jobStalledIntervalMs. */
  stalledIntervalMs?: number;
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** Starts the service and listens; returns it with the address it listens on. */
export async function startService(options: ServeOptions, env: NodeJS.ProcessEnv): Promise<{ service: Service; address: string }> {
  if (options.noAuth && options.apiKeysFile !== undefined) throw new UsageError('--no-auth and --api-keys exclude each other');
  const apiKeys = options.noAuth ? null : loadApiKeys(options.apiKeysFile, env);
  let service: Service;
  try {
    service = await createService({
      dataDir: options.dataDir,
      apiKeys,
      concurrency: options.concurrency,
      solveWorkers: options.solveWorkers,
      bundledNetworkPath: DEFAULT_NETWORK,
      web: { webDir: join(PACKAGE_ROOT, 'dist', 'web'), samples: { 'orders-s.csv': DEFAULT_ORDERS, 'stock-s.csv': DEFAULT_STOCK } },
      version: packageVersion(),
      ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
      ...(options.rateLimitPerMinute === undefined ? {} : { rateLimit: { max: options.rateLimitPerMinute, windowMs: 60_000 } }),
      ...(options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl }),
      ...(options.lockDurationMs === undefined ? {} : { jobLockDurationMs: options.lockDurationMs }),
      ...(options.stalledIntervalMs === undefined ? {} : { jobStalledIntervalMs: options.stalledIntervalMs }),
    });
  } catch (error) {
    throw nativeModuleHint(error);
  }
  try {
    const address = await service.app.listen({ port: options.port, host: options.host });
    return { service, address };
  } catch (error) {
    await service.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new UsageError(`cannot listen on ${options.host}:${options.port} (${code})`);
    }
    throw error;
  }
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/**
 * better-sqlite3 is a native module whose build is an install script: where npm skipped it
 * (a project that has not allowed it), say how to build it instead of "bindings not found".
 */
function nativeModuleHint(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (!/better_sqlite3\.node|Could not locate the bindings file/.test(message)) return error;
  return new UsageError(
    'the job store needs the native module of better-sqlite3, which was not built (npm skips install scripts not allowed): ' +
      'run `npm install-scripts approve better-sqlite3 && npm rebuild better-sqlite3` in the project that installed xbroute',
  );
}
