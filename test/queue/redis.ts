// The queue tests' Redis and workers, all real: a redis-server (Debian's package, which .ci/run
// installs) on a unix socket in a temp dir, no persistence, and `xbroute worker` child
// processes running the compiled CLI. Everything started here is killed in teardown.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

export interface RedisServer {
  url: string;
  /** A client for the test's own looks (job counts, FLUSHALL). */
  client: Redis;
  /** Kills the server at once (SIGKILL): a Redis lost mid-plan. */
  kill(): void;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'xb-redis-'));
  const socket = join(dir, 'redis.sock');
  const server = spawn('redis-server', ['--port', '0', '--unixsocket', socket, '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      server.kill('SIGKILL');
      reject(new Error(`redis-server did not start within 10 s:\n${log}`));
    }, 10_000);
    server.on('error', (error) => (clearTimeout(timer), reject(new Error(`cannot start redis-server (apt-get install redis-server): ${error.message}`))));
    server.on('exit', (code) => (clearTimeout(timer), reject(new Error(`redis-server exited (${code}):\n${log}`))));
    server.stdout?.on('data', () => {
      if (/ready to accept connections/i.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const client = new Redis({ path: socket, maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  let alive = true;
  const exited = new Promise<void>((resolve) => server.on('exit', () => ((alive = false), resolve())));
  return {
    url: `unix://${socket}`,
    client,
    kill: () => {
      if (alive) server.kill('SIGKILL');
    },
    stop: async () => {
      client.disconnect();
      if (alive) server.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface WorkerProcess {
  /** Everything it printed on stdout so far (with --verbose: a line per job). */
  readonly output: () => string;
  /** Resolves when it printed a line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Job ids it finished. */
  completed(): string[];
}

/** Starts `xbroute worker --verbose` with quick stalled-job detection; resolves once it takes jobs. */
export async function startWorker(url: string, concurrency = 1, extra: readonly string[] = []): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'worker', '--redis', url, '--concurrency', String(concurrency), '--lock-duration', '3000', '--stalled-interval', '500', '--verbose', ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      const m = out.match(w.pattern);
      if (m !== null) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m[0]);
      }
    }
  };
  child.stdout?.on('data', (b: Buffer) => ((out += b.toString()), check()));
  child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const worker: WorkerProcess = {
    output: () => out,
    waitFor: (pattern) =>
      new Promise<string>((resolve, reject) => {
        waiters.push({ pattern, resolve });
        check();
        child.once('exit', (code) => reject(new Error(`worker exited (${code}) before printing ${pattern}:\n${out}\n${err}`)));
      }),
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    completed: () => [...out.matchAll(/^completed (\S+)/gm)].map((m) => m[1]!),
  };
  await worker.waitFor(/taking partition jobs/);
  return worker;
}

/** Starts `n` workers at once. */
export function startWorkers(url: string, n: number, concurrency = 1): Promise<WorkerProcess[]> {
  return Promise.all(Array.from({ length: n }, () => startWorker(url, concurrency)));
}

/** Polls `what` every 50 ms until it holds (at most 15 s); fails naming `label`. */
export async function until(what: () => Promise<boolean>, label: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await what()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never: ${label}`);
}
