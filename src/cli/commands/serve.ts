// `xbroute serve`: the HTTP service (src/service) in the foreground until SIGINT / SIGTERM.
import { UsageError } from '../../domain/errors.js';
import { parseRedisUrl } from '../../queue/redis-url.js';
import { startService, untilStopSignal } from '../../service/serve.js';
import type { RegisterCommand } from './index.js';

interface ServeCliOptions {
  port: string;
  host: string;
  dataDir: string;
  apiKeys?: string;
  auth: boolean;
  concurrency: string;
  solveWorkers: string;
  rateLimit: string;
  redis?: string;
  lockDuration?: string;
  stalledInterval?: string;
}

const EXAMPLES = `
Examples:
  $ xbroute serve --no-auth
      local use: http://127.0.0.1:8080/, jobs kept in ./xbroute-data
  $ printf '%s' "$KEY" | sha256sum | sed 's/^/planner-1 /; s/ *-$//' > keys.txt
  $ xbroute serve --host 0.0.0.0 --port 8080 --data-dir /var/lib/xbroute --api-keys keys.txt
      keys.txt holds "<name> <sha256 of the key>" lines (or set XBROUTE_API_KEYS)
  $ xbroute serve --no-auth --redis redis://10.0.0.5:6379
      jobs kept in that Redis, shared with every instance started on it (submit to one, read or
      cancel through another; a job whose instance dies is run by another); their partitions
      are solved by \`xbroute worker --redis\` processes

API: POST /v1/jobs, GET /v1/jobs/{id}, DELETE /v1/jobs/{id}, GET /v1/jobs/{id}/plan|csv|geojson,
GET /v1/jobs/{id}/orders/{order}/explain; the OpenAPI 3.1 document at /v1/openapi.json.`;

function whole(option: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${option}: expected a whole number from ${min} to ${max}, found "${value}"`);
  return n;
}

export const register: RegisterCommand = (program, io, state) => {
  program
    .command('serve')
    .description('Runs the planning service: an HTTP API (/v1) with jobs kept in SQLite (or in Redis with --redis, shared by several instances), and the web page.')
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--data-dir <dir>', 'where jobs, inputs and results are kept (without --redis), and scratch files', 'xbroute-data')
    .option('--api-keys <file>', 'file of "<name> <sha256 of the key>" lines (default: $XBROUTE_API_KEYS)')
    .option('--no-auth', 'accept requests without an API key (local use only)')
    .option('--concurrency <n>', 'batches solved at once (the rest wait in the queue)', '1')
    .option('--solve-workers <n>', 'worker threads per solve', '1')
    .option('--rate-limit <n>', 'requests per API key (per address without auth) per minute', '600')
    .option('--redis <url>', "keep the jobs in this Redis (redis://host:port), shared by every instance given it, instead of SQLite in --data-dir; their partitions are solved as BullMQ jobs by `xbroute worker` processes instead of on --solve-workers threads")
    .option('--lock-duration <ms>', "with --redis: how long this instance's hold on a running job lasts unless renewed; a dead instance's job is taken up by another this long after (default 30000)")
    .option('--stalled-interval <ms>', 'with --redis: how often to look for jobs a dead instance held and put them back (default 30000)')
    .addHelpText('after', EXAMPLES)
    .action(async (options: ServeCliOptions) => {
      const { service, address } = await startService(
        {
          port: whole('--port', options.port, 0, 65_535),
          host: options.host,
          dataDir: options.dataDir,
          ...(options.apiKeys === undefined ? {} : { apiKeysFile: options.apiKeys }),
          noAuth: !options.auth,
          concurrency: whole('--concurrency', options.concurrency, 1, 64),
          solveWorkers: whole('--solve-workers', options.solveWorkers, 0, 64),
          rateLimitPerMinute: whole('--rate-limit', options.rateLimit, 1, 10_000_000),
          ...(options.redis === undefined ? {} : { redisUrl: options.redis }),
          ...(options.lockDuration === undefined ? {} : { lockDurationMs: whole('--lock-duration', options.lockDuration, 100, 3_600_000) }),
          ...(options.stalledInterval === undefined ? {} : { stalledIntervalMs: whole('--stalled-interval', options.stalledInterval, 100, 3_600_000) }),
        },
        process.env,
      );
      const where = options.redis === undefined ? `data in ${options.dataDir}` : `jobs in ${parseRedisUrl(options.redis).shown}`;
      io.stdout(`xbroute service listening on ${address} (${where}${options.auth ? '' : ', no authentication'})\n`);
      const signal = await untilStopSignal();
      io.stderr(`${signal}: stopping (running jobs stay queued for ${options.redis === undefined ? 'the next start' : 'the other instances'}; again to stop now)\n`);
      // A second signal stops at once (a Redis that is gone would hold the graceful stop). As
      // after a crash, nothing is lost: running jobs are run again (next start, or another instance).
      void untilStopSignal().then((again) => process.exit(again === 'SIGINT' ? 130 : 143));
      await service.close();
      state.exitCode = 0;
    });
};
