// `xbroute worker`: solves the partition jobs that `xbroute plan --redis` (or `serve --redis`,
// or a library planner with a queue executor) puts on a BullMQ queue in Redis, until SIGINT /
// SIGTERM. Start any number, on any machines that reach the Redis.
import { UsageError } from '../../domain/errors.js';
import { startQueueWorker, type WorkerEvent } from '../../queue/index.js';
import { untilStopSignal } from '../../service/serve.js';
import type { RegisterCommand } from './index.js';

interface WorkerCliOptions {
  redis?: string;
  concurrency?: string;
  lockDuration?: string;
  stalledInterval?: string;
  verbose?: boolean;
}

const EXAMPLES = `
Examples:
  $ xbroute worker --redis redis://10.0.0.5:6379
      solves partitions with one thread per core; run one such process per machine
  $ xbroute worker --redis redis://10.0.0.5:6379 --concurrency 2 --verbose
      two partitions at a time, a line per job taken and finished

Every worker must run the same xbroute version as the planners (a job of another format is
refused): the plan is then the same byte for byte on any number of workers. A worker that
dies holding a job gives it up once its lock lapses (--lock-duration); another worker's check
for stalled jobs (--stalled-interval) puts it back on the queue. SIGINT or SIGTERM: running
jobs are finished, then the worker stops; a second signal stops it at once (exit 130/143).
Exit codes: 0 stopped by a signal, 1 bad usage or Redis not reachable at the URL.`;

function whole(option: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${option}: expected a whole number from ${min} to ${max}, found "${value}"`);
  return n;
}

function describe(event: WorkerEvent): string {
  switch (event.type) {
    case 'active':
      return `active ${event.jobId} (${event.orders} orders)`;
    case 'completed':
      return `completed ${event.jobId} in ${event.ms} ms`;
    case 'failed':
      return `failed ${event.jobId}: ${event.message}`;
    case 'error':
      return `error: ${event.message}`;
  }
}

export const register: RegisterCommand = (program, io, state) => {
  program
    .command('worker')
    .description('Solves partition jobs from a BullMQ queue in Redis (for plan --redis / serve --redis), on worker threads of its own.')
    .option('--redis <url>', 'the Redis to take jobs from: redis://[user:password@]host[:port][/db], rediss://… (TLS) or unix:///path/redis.sock')
    .option('--concurrency <n>', 'partitions solved at once, one worker thread each (default: one per core)')
    .option('--lock-duration <ms>', "how long a job's lock lasts unless renewed; a dead worker's job is taken back this long after (default 30000)")
    .option('--stalled-interval <ms>', 'how often to look for jobs whose lock lapsed and put them back (default 30000)')
    .option('--verbose', 'print a line per job taken, finished or failed')
    .addHelpText('after', EXAMPLES)
    .action(async (options: WorkerCliOptions) => {
      if (options.redis === undefined) throw new UsageError('worker: --redis <url> is required (e.g. --redis redis://127.0.0.1:6379)');
      const concurrency = whole('--concurrency', options.concurrency, 1, 256);
      const lockDurationMs = whole('--lock-duration', options.lockDuration, 100, 3_600_000);
      const stalledIntervalMs = whole('--stalled-interval', options.stalledInterval, 100, 3_600_000);
      let lastError = '';
      const worker = await startQueueWorker({
        url: options.redis,
        ...(concurrency === undefined ? {} : { concurrency }),
        ...(lockDurationMs === undefined ? {} : { lockDurationMs }),
        ...(stalledIntervalMs === undefined ? {} : { stalledIntervalMs }),
        onEvent: (event) => {
          if (event.type === 'error') {
            // Reconnecting repeats the same error every attempt: say it once until it changes.
            if (event.message !== lastError) io.stderr(`xbroute worker: ${describe(event)}\n`);
            lastError = event.message;
            return;
          }
          lastError = '';
          if (options.verbose === true || event.type === 'failed') io.stdout(`${describe(event)}\n`);
        },
      });
      io.stdout(`xbroute worker: taking partition jobs from ${worker.target.shown} with ${worker.concurrency} thread${worker.concurrency === 1 ? '' : 's'}\n`);
      const signal = await untilStopSignal();
      io.stderr(`${signal}: finishing the running jobs, then stopping (again to stop now)\n`);
      // A second signal stops at once: a graceful stop waits for the running jobs and for Redis
      // to take their results, which a Redis that is gone never does. Their jobs go back to
      // the queue once their locks lapse. (The one process.exit of a command: `worker` only
      // ever runs as the bin, which leaves its signals to it.)
      const now = untilStopSignal().then((again) => {
        io.stderr(`${again}: stopping now\n`);
        process.exit(again === 'SIGINT' ? 130 : 143);
      });
      void now;
      await worker.close();
      state.exitCode = 0;
    });
};
