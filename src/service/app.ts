// The HTTP service (fastify 5): the versioned /v1 API over the job store and runner. Requests
// and responses are checked against the zod schemas of ./schemas.ts, which also generate the
// OpenAPI 3.1 document at /v1/openapi.json. Results are served as the stored bytes.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  type ZodTypeProvider, hasZodFastifySchemaValidationErrors, jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ApiKey, findKey, hashKey } from './keys.js';
import type { SubmittedBatch } from './inputs.js';
import { runTask } from './threads.js';
import { OUTPUT_NAMES, OUTPUT_TYPES, type OutputName } from './results.js';
import { Plan } from '../domain/plan.js';
import { JobRunner } from './runner.js';
import { type WebOptions, registerWeb } from './web.js';
import { registerWhatIf } from './what-if.js';
import {
  Accepted, ErrorBody, ExplainParams, Explanation, Health, JobList, JobParams, JobStatus, PlanOptionsBody, type Problem, ReplanBody, SubmitJson,
  SubmitMultipart,
} from './schemas.js';
import { type InputBytes, type JobRow, type JobStore, sha256 } from './job-store.js';
import { RedisJobStore } from './redis-store.js';
import { SqliteJobStore } from './store.js';
import { checkReachable } from '../queue/connection.js';
import { parseRedisUrl } from '../queue/redis-url.js';

export interface ServiceConfig {
  /** Where the SQLite database (without `redisUrl`) and scratch files live; ':memory:' keeps nothing (tests of the API only). */
  dataDir: string;
  /** The accepted API keys (hashed); null: no authentication (local use, `--no-auth`). */
  apiKeys: readonly ApiKey[] | null;
  /** Solves at once. @default 1 */
  concurrency?: number;
  /** Worker threads per solve. @default 1 */
  solveWorkers?: number;
  /**
   * Solve every job's partitions as BullMQ jobs on this Redis (redis://host:port), by `xbroute
   * worker` processes on any machines, instead of on `solveWorkers` threads here; and keep the
   * jobs themselves there (./redis-store.ts), shared by every instance given this Redis, instead
   * of in SQLite under `dataDir`. Checked at start.
   * @default none (everything embedded)
   */
  redisUrl?: string;
  /**
   * With `redisUrl`: how long this instance's hold on a running job lasts unless renewed; an
   * instance that dies gives its jobs up this long after, to another instance. @default 30_000
   */
  jobLockDurationMs?: number;
  /** With `redisUrl`: how often this instance looks for jobs a dead instance held. @default 30_000 */
  jobStalledIntervalMs?: number;
  /** Largest uploaded file, bytes. @default 64 MiB */
  maxFileBytes?: number;
  /** Largest JSON body, bytes. @default 128 MiB */
  maxBodyBytes?: number;
  /** Requests per key (or per address without auth) per window. @default 600 a minute */
  rateLimit?: { max: number; windowMs: number };
  /** The network used when a submission brings none. */
  bundledNetworkPath: string;
  /** The built web page (vite output) and the sample files it may submit; null: no page. */
  web?: WebOptions | null;
  /** The package version, for /v1/health and the OpenAPI document. */
  version: string;
  logger?: boolean;
}

export interface Service {
  app: FastifyInstance;
  /** Every route registered (method and fastify URL), for checking the OpenAPI document against. */
  routes: readonly { method: string; url: string }[];
  store: JobStore;
  runner: JobRunner;
  /** Stops the runner (running jobs stay queued for the next start), the server and the store. */
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who owns the jobs this request sees: the API key's hash, or "local" without auth. */
    owner: string;
  }
}

const NO_AUTH_OWNER = 'local';

/** What the stored outputs are, for the OpenAPI document (they are served as stored, not re-serialised). */
const OUTPUT_SCHEMAS: Record<OutputName, z.ZodType> = {
  plan: Plan,
  csv: z.string().describe('one row per parcel leg (the `--csv` file)'),
  geojson: z.looseObject({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }).describe('routes and nodes (the `--geojson` file)'),
  'orders-csv': z.string().describe('one row per order: source, mode, deadline, delivered, slack, logistics cost, tax, reason'),
  manifests: z.array(z.looseObject({ consolidation: z.string(), flight: z.string(), parcels: z.array(z.unknown()) })).describe('one MAWB manifest per consolidation'),
  'manifests-csv': z.string().describe('the MAWB manifests, one row per parcel'),
  declarations: z.array(z.looseObject({ place: z.string(), date: z.string(), parcels: z.array(z.unknown()) })).describe('customs declaration lists per place and local day'),
  'declarations-csv': z.string().describe('the declaration lists, one row per parcel'),
};
const PUBLIC_PATHS = new Set(['/v1/openapi.json', '/v1/health']);

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

function errorBody(statusCode: number, error: string, message: string, problems?: Problem[]): z.infer<typeof ErrorBody> {
  return { statusCode, error, message, ...(problems === undefined ? {} : { problems }) };
}

function sendError(reply: FastifyReply, statusCode: number, error: string, message: string, problems?: Problem[]) {
  return reply.code(statusCode).type('application/json; charset=utf-8').send(errorBody(statusCode, error, message, problems));
}

/** A problem with the request itself (not with a file in it), located in the body or form. */
function requestProblem(where: string, field: string, expected: string, found: string): Problem {
  const p = { file: 'request', where, field, expected, found, severity: 'error' as const };
  return { ...p, message: `${p.file}: ${p.where}: ${p.field}: expected ${p.expected}, found ${p.found}` };
}

function zodProblems(error: z.ZodError, root: string): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
    const where = `${root}${path}` || root;
    const field = String(issue.path[issue.path.length - 1] ?? root);
    return requestProblem(where, field, issue.message, issue.code);
  });
}

export function statusOf(job: JobRow): z.infer<typeof JobStatus> {
  const base = `/v1/jobs/${job.id}`;
  const outputs: Record<string, string> = {};
  if (job.state === 'succeeded') {
    for (const name of OUTPUT_NAMES) outputs[name] = `${base}/${name}`;
    outputs.explain = `${base}/orders/{order}/explain`;
  }
  return {
    id: job.id,
    state: job.state,
    progress: job.progress,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    attempts: job.attempts,
    inputs: { orders: job.orders.name, stock: job.stock.name, network: job.network.name },
    options: job.options,
    error: job.error,
    warnings: job.warnings,
    outputs,
  };
}

/** What a submission carried, before checking. */
interface Submission {
  orders?: InputBytes;
  stock?: InputBytes;
  network?: InputBytes;
  options: unknown;
}

function inputOf(value: unknown, name: string): InputBytes {
  return { name, bytes: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8') };
}

const MULTIPART_FILES = new Set(['orders', 'stock', 'network']);
const MULTIPART_FIELDS = new Set(['solver', 'timeLimitSeconds']);

/** Reads a multipart submission: file parts orders / stock / network, fields solver / timeLimitSeconds. */
async function readMultipart(request: FastifyRequest): Promise<Submission | { problems: Problem[] }> {
  const submission: Submission = { options: {} };
  const options: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      // Read the whole part even when unwanted, so the stream moves on (and size limits apply).
      const bytes = await part.toBuffer();
      if (!MULTIPART_FILES.has(part.fieldname)) {
        problems.push(requestProblem('(form)', part.fieldname, 'file fields orders, stock and optionally network', `a file field "${part.fieldname}"`));
        continue;
      }
      submission[part.fieldname as 'orders' | 'stock' | 'network'] = { name: part.filename || part.fieldname, bytes };
    } else {
      const value = String(part.value);
      if (MULTIPART_FILES.has(part.fieldname)) {
        // A file given as a plain field: take its text.
        submission[part.fieldname as 'orders' | 'stock' | 'network'] = { name: part.fieldname, bytes: Buffer.from(value, 'utf8') };
      } else if (!MULTIPART_FIELDS.has(part.fieldname)) {
        problems.push(requestProblem('(form)', part.fieldname, `one of the fields ${[...MULTIPART_FIELDS].join(', ')}`, `a field "${part.fieldname}"`));
      } else if (part.fieldname === 'timeLimitSeconds') {
        const n = Number(value);
        options.timeLimitSeconds = value.trim() === '' || !Number.isFinite(n) ? value : n;
      } else {
        options[part.fieldname] = value;
      }
    }
  }
  submission.options = options;
  return problems.length > 0 ? { problems } : submission;
}

function readJson(body: unknown): Submission | { problems: Problem[] } {
  const parsed = SubmitJson.safeParse(body);
  if (!parsed.success) return { problems: zodProblems(parsed.error, 'body') };
  const { orders, stock, network, names, options } = parsed.data;
  return {
    orders: inputOf(orders, names?.orders ?? 'orders'),
    stock: inputOf(stock, names?.stock ?? 'stock'),
    ...(network === undefined ? {} : { network: inputOf(network, names?.network ?? 'network') }),
    options: options ?? {},
  };
}

export async function createService(config: ServiceConfig): Promise<Service> {
  // Before anything is opened: a Redis that is not there fails the start, naming the URL.
  if (config.redisUrl !== undefined) await checkReachable(parseRedisUrl(config.redisUrl));
  const store: JobStore =
    config.redisUrl === undefined
      ? new SqliteJobStore(config.dataDir)
      : await RedisJobStore.connect({
          url: config.redisUrl,
          ...(config.jobLockDurationMs === undefined ? {} : { lockDurationMs: config.jobLockDurationMs }),
          ...(config.jobStalledIntervalMs === undefined ? {} : { stalledIntervalMs: config.jobStalledIntervalMs }),
        });
  const scratchDir = config.dataDir === ':memory:' ? join(tmpdir(), 'xbroute-scratch') : join(config.dataDir, 'scratch');
  mkdirSync(scratchDir, { recursive: true });
  const runner = new JobRunner(store, {
    concurrency: config.concurrency ?? 1,
    solveWorkers: config.solveWorkers ?? 1,
    redisUrl: config.redisUrl ?? null,
    scratchDir,
  });
  const bundledNetwork: InputBytes = { name: 'network.json (bundled)', bytes: readFileSync(config.bundledNetworkPath) };
  const maxFileBytes = config.maxFileBytes ?? 64 * 1024 * 1024;
  // Each check holds a batch and a network in memory: a burst of submissions waits its turn.
  const checks = new Semaphore(config.concurrency ?? 1);

  const app = Fastify({ logger: config.logger ?? false, bodyLimit: config.maxBodyBytes ?? 128 * 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  app.decorateRequest('owner', NO_AUTH_OWNER);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'xbroute planning service',
        version: config.version,
        description: 'Submit batches of cross-border orders, follow their progress, fetch verified plans and their outputs.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'an API key' } } },
      security: config.apiKeys === null ? [] : [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => documentSubmission(jsonSchemaTransformObject(documentObject)),
  });
  await app.register(fastifyMultipart, { limits: { fileSize: maxFileBytes, files: 3, fields: 10, fieldSize: maxFileBytes } });
  const rate = config.rateLimit ?? { max: 600, windowMs: 60_000 };
  await app.register(fastifyRateLimit, {
    max: rate.max,
    timeWindow: rate.windowMs,
    // Per key, not per address: one client's keys are limited apart, and a shared address is no penalty.
    keyGenerator: (request) => {
      const token = bearerOf(request);
      return token === undefined ? `ip:${request.ip}` : `key:${hashKey(token)}`;
    },
    allowList: (request) => PUBLIC_PATHS.has(request.url),
    errorResponseBuilder: (_request, context) =>
      errorBody(context.statusCode, 'Too Many Requests', `rate limit: at most ${context.max} requests per ${context.after}; retry later`),
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/v1/') || PUBLIC_PATHS.has(path)) return;
    if (config.apiKeys === null) return;
    const token = bearerOf(request);
    const key = token === undefined ? undefined : findKey(config.apiKeys, token);
    if (key === undefined) {
      return sendError(reply, 401, 'Unauthorized', token === undefined ? 'an API key is required: Authorization: Bearer <key>' : 'unknown API key');
    }
    request.owner = key.hash;
  });

  app.setErrorHandler((error, _request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Path parameters, query string, headers: located like the body's problems.
      const problems = error.validation.map((v) => {
        const where = `${error.validationContext ?? 'request'}${v.instancePath.replaceAll('/', '.')}`;
        const field = v.instancePath.split('/').pop() || '(value)';
        return requestProblem(where, field, v.message ?? 'a valid value', 'an invalid value');
      });
      return sendError(reply, 400, 'Bad Request', problems[0]?.message ?? 'invalid request', problems);
    }
    const e = error as { statusCode?: number; code?: string; message?: string; name?: string };
    const statusCode = e.statusCode ?? 500;
    if (statusCode === 413) return sendError(reply, 413, 'Payload Too Large', `${e.message ?? 'too large'} (limit ${maxFileBytes} bytes per file)`);
    if (statusCode >= 500) {
      reply.log.error(error);
      return sendError(reply, 500, 'Internal Server Error', 'internal error');
    }
    return sendError(reply, statusCode, e.code ?? 'Error', e.message ?? 'error');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'Not Found', `no route ${request.method} ${request.url.split('?')[0]}`));

  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };

  /** The caller's job, or a 404 (another key's job is not found either: its existence is not disclosed). */
  const ownJob = async (request: FastifyRequest, reply: FastifyReply, id: string): Promise<JobRow | undefined> => {
    const job = await store.job(id);
    if (job === undefined || job.owner !== request.owner) {
      void sendError(reply, 404, 'Not Found', `no job "${id}"`);
      return undefined;
    }
    return job;
  };

  r.get('/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  r.get('/v1/health', { schema: { summary: 'Liveness and queue depth', response: { 200: Health } } }, async () => ({
    ok: true,
    version: config.version,
    queued: await store.queuedCount(),
    running: runner.runningCount,
  }));

  r.post(
    '/v1/jobs',
    {
      schema: {
        summary: 'Submit a batch to plan',
        description:
          'multipart/form-data with file fields orders, stock and optionally network (else the bundled network), and fields solver, ' +
          'timeLimitSeconds; or a JSON body (SubmitJson). An Idempotency-Key header makes a retried submission return the same job.',
        headers: z.looseObject({ 'idempotency-key': z.string().min(1).max(200).optional() }),
        response: { 202: Accepted, 413: ErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const read = request.isMultipart() ? await readMultipart(request) : readJson(request.body);
      if ('problems' in read) return sendError(reply, 400, 'Bad Request', read.problems[0]?.message ?? 'invalid request', read.problems);
      const missing = (['orders', 'stock'] as const).filter((k) => read[k] === undefined);
      if (missing.length > 0) {
        const problems = missing.map((k) => requestProblem('(form)', k, `a file field "${k}"`, 'none'));
        return sendError(reply, 400, 'Bad Request', problems[0]?.message ?? 'missing input', problems);
      }
      const options = PlanOptionsBody.safeParse(read.options);
      if (!options.success) {
        const problems = zodProblems(options.error, 'options');
        return sendError(reply, 400, 'Bad Request', problems[0]?.message ?? 'invalid options', problems);
      }
      if (options.data.replan !== undefined) {
        const problems = [requestProblem('options', 'replan', 'no replan (POST /v1/jobs/{id}/replan re-plans a job)', 'a replan')];
        return sendError(reply, 400, 'Bad Request', problems[0]?.message ?? 'invalid options', problems);
      }
      // Checked by the precondition above; TypeScript cannot see it through the filter.
      const batch: SubmittedBatch = { orders: read.orders as InputBytes, stock: read.stock as InputBytes, network: read.network ?? bundledNetwork };
      const requestHash = sha256(
        JSON.stringify([options.data, sha256(batch.orders.bytes), sha256(batch.stock.bytes), sha256(batch.network.bytes)]),
      );
      const idempotencyKey = request.headers['idempotency-key'] ?? null;
      if (idempotencyKey !== null) {
        const earlier = await store.byIdempotencyKey(request.owner, idempotencyKey);
        if (earlier !== undefined) return replay(reply, earlier, requestHash);
      }
      // Checked on a worker thread: a large batch must not stall everyone's status polls.
      const checked = await checks.run(() => runTask({ task: 'check', batch, scratchDir }).result);
      if (checked.type !== 'checked') throw new Error(`checking the batch failed: ${checked.type === 'failed' ? checked.message : checked.type}`);
      if (!checked.ok) {
        return sendError(reply, 400, 'Invalid Input', `${checked.errors[0]?.message ?? 'invalid input'}${checked.errors.length > 1 ? ` (and ${checked.errors.length - 1} more)` : ''}`, [...checked.errors, ...checked.warnings]);
      }
      let job: JobRow;
      try {
        job = await store.insertJob({
          id: randomUUID(),
          owner: request.owner,
          idempotencyKey,
          requestHash,
          options: options.data,
          inputs: batch,
          warnings: checked.warnings,
          createdAt: new Date().toISOString(),
        });
      } catch (error) {
        // Two submissions with one Idempotency-Key raced: the first one's job is the answer.
        const earlier = idempotencyKey === null ? undefined : await store.byIdempotencyKey(request.owner, idempotencyKey);
        if (earlier === undefined) throw error;
        return replay(reply, earlier, requestHash);
      }
      runner.kick();
      return reply.code(202).header('location', `/v1/jobs/${job.id}`).send({ id: job.id, state: job.state, url: `/v1/jobs/${job.id}` });
    },
  );

  function replay(reply: FastifyReply, earlier: JobRow, requestHash: string) {
    if (earlier.requestHash !== requestHash) {
      return sendError(reply, 409, 'Conflict', 'this Idempotency-Key was used for a different submission');
    }
    return reply.code(202).header('location', `/v1/jobs/${earlier.id}`).send({ id: earlier.id, state: earlier.state, url: `/v1/jobs/${earlier.id}` });
  }

  r.get('/v1/jobs', { schema: { summary: "The caller's jobs, newest first", querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }), response: { 200: JobList, ...errors } } }, async (request) => ({
    jobs: (await store.jobsOf(request.owner, request.query.limit)).map(statusOf),
  }));

  r.get('/v1/jobs/:id', { schema: { summary: "A job's state and progress", params: JobParams, response: { 200: JobStatus, ...errors } } }, async (request, reply) => {
    const job = await ownJob(request, reply, request.params.id);
    if (job === undefined) return reply;
    return statusOf(job);
  });

  r.delete('/v1/jobs/:id', { schema: { summary: 'Cancel a queued or running job', params: JobParams, response: { 200: JobStatus, ...errors } } }, async (request, reply) => {
    const job = await ownJob(request, reply, request.params.id);
    if (job === undefined) return reply;
    if (job.state !== 'queued' && job.state !== 'running') {
      return sendError(reply, 409, 'Conflict', `job "${job.id}" has already ended (${job.state})`);
    }
    await runner.cancel(job.id);
    const after = await store.job(job.id);
    return statusOf(after ?? job);
  });

  r.post(
    '/v1/jobs/:id/replan',
    {
      schema: {
        summary: 'Re-plan a succeeded job around what is booked',
        description:
          "A new job on the job's network, stock and orders, plus `orders` (new ones): the booked consolidations of its plan " +
          '(all, or those departing before `bookedBefore`, or those in `booked`) stay exactly as they were; `events` are ' +
          'disruptions (cancelled departures, closed lanes or ports, capacity cuts). The new plan carries `replan`: kept, ' +
          'churn and missed promises. Poll the new job like any other.',
        params: JobParams,
        body: ReplanBody,
        response: { 202: Accepted, ...errors },
      },
    },
    async (request, reply) => {
      const parent = await ownJob(request, reply, request.params.id);
      if (parent === undefined) return reply;
      if (parent.state !== 'succeeded') return sendError(reply, 409, 'Conflict', `job "${parent.id}" has no plan to re-plan: it is ${parent.state}`);
      const { solver, timeLimitSeconds, ...how } = request.body;
      const options: PlanOptionsBody = { solver, ...(timeLimitSeconds === undefined ? {} : { timeLimitSeconds }), replan: { of: parent.id, ...how } };
      const blob = async (hash: string): Promise<Buffer> => {
        const bytes = await store.blob(hash);
        if (bytes === undefined) throw new Error(`internal: input ${hash} of job ${parent.id} is missing`);
        return bytes;
      };
      const inputs: SubmittedBatch = {
        orders: { name: parent.orders.name, bytes: await blob(parent.orders.hash) },
        stock: { name: parent.stock.name, bytes: await blob(parent.stock.hash) },
        network: { name: parent.network.name, bytes: await blob(parent.network.hash) },
      };
      const job = await store.insertJob({
        id: randomUUID(),
        owner: request.owner,
        idempotencyKey: null,
        requestHash: sha256(JSON.stringify(options)),
        options,
        inputs,
        warnings: [],
        createdAt: new Date().toISOString(),
      });
      runner.kick();
      return reply.code(202).header('location', `/v1/jobs/${job.id}`).send({ id: job.id, state: job.state, url: `/v1/jobs/${job.id}` });
    },
  );

  for (const name of OUTPUT_NAMES) {
    r.get(
      `/v1/jobs/:id/${name}`,
      {
        schema: {
          summary: `The ${name} of a succeeded job (the stored bytes, ${OUTPUT_TYPES[name].split(';')[0]})`,
          params: JobParams,
          response: { 200: { description: `the stored ${name}`, content: { [OUTPUT_TYPES[name].split(';')[0] ?? '']: { schema: OUTPUT_SCHEMAS[name] } } }, ...errors },
        },
      },
      async (request, reply) => sendOutput(request, reply, request.params.id, name),
    );
  }

  async function sendOutput(request: FastifyRequest, reply: FastifyReply, id: string, name: string) {
    const job = await ownJob(request, reply, id);
    if (job === undefined) return reply;
    if (job.state !== 'succeeded') return sendError(reply, 409, 'Conflict', `job "${id}" has no results: it is ${job.state}`);
    const output = await store.output(id, name);
    if (output === undefined) return sendError(reply, 404, 'Not Found', `job "${id}" has no output "${name}"`);
    // Bytes bypass the serializer: exactly what was stored.
    return reply.type(output.contentType).send(output.bytes);
  }

  r.get(
    '/v1/jobs/:id/orders/:order/explain',
    {
      schema: {
        summary: 'Why one order got its answer (the order answer with an explanation)',
        params: ExplainParams,
        response: { 200: { description: 'the stored explanation', content: { 'application/json': { schema: Explanation } } }, ...errors },
      },
    },
    async (request, reply) => {
      const { id, order } = request.params;
      const job = await ownJob(request, reply, id);
      if (job === undefined) return reply;
      if (job.state !== 'succeeded') return sendError(reply, 409, 'Conflict', `job "${id}" has no results: it is ${job.state}`);
      const bytes = await store.explanation(id, order);
      if (bytes === undefined) return sendError(reply, 404, 'Not Found', `order "${order}" is not in the plan of job "${id}"`);
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(bytes);
    },
  );

  const whatIfs = new Semaphore(config.concurrency ?? 1);
  registerWhatIf(app, {
    store, bundledNetwork, scratchDir, solveWorkers: config.solveWorkers ?? 1, limit: (task) => whatIfs.run(task),
    ownJob, sendError, requestProblem, errors,
  });

  if (config.web != null) registerWeb(app, config.web);

  await app.ready();
  runner.start();
  return {
    app,
    routes,
    store,
    runner,
    close: async () => {
      await runner.stop();
      await app.close();
      await store.close();
    },
  };
}

/**
 * POST /v1/jobs reads its body itself (multipart is a stream), so its request body is stated
 * here, from the same zod schemas: JSON (SubmitJson) or a form (SubmitMultipart, file parts).
 */
function documentSubmission<T>(document: T): T {
  const doc = document as {
    paths?: Record<string, Record<string, Record<string, unknown>>>;
    components?: { schemas?: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
  };
  const post = doc.paths?.['/v1/jobs']?.['post'];
  const schemas = doc.components?.schemas ?? {};
  // The registry puts every schema with an id among the components (the input side when it differs).
  const component = (id: string): string => {
    const name = schemas[`${id}Input`] !== undefined ? `${id}Input` : id;
    if (schemas[name] === undefined) throw new Error(`internal: OpenAPI component ${id} missing`);
    return name;
  };
  if (post === undefined) return document;
  const form = schemas[component('SubmitMultipart')];
  for (const file of ['orders', 'stock', 'network']) {
    const property = form?.properties?.[file];
    if (property !== undefined) property.contentMediaType = 'application/octet-stream';
  }
  post.requestBody = {
    required: true,
    content: {
      'application/json': { schema: { $ref: `#/components/schemas/${component('SubmitJson')}` } },
      'multipart/form-data': {
        schema: { $ref: `#/components/schemas/${component('SubmitMultipart')}` },
        encoding: {
          orders: { contentType: 'text/csv, application/json' },
          stock: { contentType: 'text/csv, application/json' },
          network: { contentType: 'application/json' },
        },
      },
    },
  };
  return document;
}

/** At most `size` tasks at once; the rest wait in arrival order. */
class Semaphore {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next === undefined) this.#free += 1;
      else next();
    }
  }
}
