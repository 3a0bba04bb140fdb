// `xbroute serve`: the HTTP service (src/service) in the foreground until SIGINT / SIGTERM.
import { UsageError } from '../../domain/errors.js';
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
}

const EXAMPLES = `
Examples:
  $ xbroute serve --no-auth
      local use: http://127.0.0.1:8080/, jobs kept in ./xbroute-data
  $ printf '%s' "$KEY" | sha256sum | sed 's/^/planner-1 /; s/ *-$//' > keys.txt
  $ xbroute serve --host 0.0.0.0 --port 8080 --data-dir /var/lib/xbroute --api-keys keys.txt
      keys.txt holds "<name> <sha256 of the key>" lines (or set XBROUTE_API_KEYS)
  $ xbroute serve --no-auth --redis redis://10.0.0.5:6379
      jobs stay in SQLite here, their partitions are solved by \`xbroute worker --redis\` processes

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
    .description('Runs the planning service: an HTTP API (/v1) with jobs kept in SQLite, and the web page.')
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--data-dir <dir>', 'where jobs, inputs and results are kept', 'xbroute-data')
    .option('--api-keys <file>', 'file of "<name> <sha256 of the key>" lines (default: $XBROUTE_API_KEYS)')
    .option('--no-auth', 'accept requests without an API key (local use only)')
    .option('--concurrency <n>', 'batches solved at once (the rest wait in the queue)', '1')
    .option('--solve-workers <n>', 'worker threads per solve', '1')
    .option('--rate-limit <n>', 'requests per API key (per address without auth) per minute', '600')
    .option('--redis <url>', "solve the jobs' partitions as BullMQ jobs on this Redis (redis://host:port), by `xbroute worker` processes, instead of on --solve-workers threads")
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
        },
        process.env,
      );
      io.stdout(`xbroute service listening on ${address} (data in ${options.dataDir}${options.auth ? '' : ', no authentication'})\n`);
      const signal = await untilStopSignal();
      io.stderr(`${signal}: stopping (running jobs stay queued for the next start)\n`);
      await service.close();
      state.exitCode = 0;
    });
};
