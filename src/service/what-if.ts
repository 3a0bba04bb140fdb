// The what-if routes: POST /v1/compare (a batch planned on a base and on scenarios of it, side
// by side: the numbers `xbroute compare` prints) and POST /v1/quote (planner.quote's delivery
// promise for one order). Both work on a job thread, so status polls stay fast; both may name a
// job of the caller's to take its inputs (and, for a quote, its plan) instead of uploading them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { SubmittedBatch, SubmittedFile } from './inputs.js';
import type { ErrorBody, Problem } from './schemas.js';
import { type InputBytes, type JobRow, type JobStore, storedBatch } from './job-store.js';
import { runTask } from './threads.js';
import { CompareRequest, Comparison, Quote, QuoteRequest } from './what-if-schemas.js';
import type { WhatIfTask } from './what-if-tasks.js';

export interface WhatIfDeps {
  store: JobStore;
  bundledNetwork: InputBytes;
  scratchDir: string;
  solveWorkers: number;
  /** Runs a task when a slot is free (what-ifs are planned a few at a time). */
  limit: <T>(task: () => Promise<T>) => Promise<T>;
  ownJob: (request: FastifyRequest, reply: FastifyReply, id: string) => Promise<JobRow | undefined>;
  sendError: (reply: FastifyReply, statusCode: number, error: string, message: string, problems?: Problem[]) => FastifyReply;
  requestProblem: (where: string, field: string, expected: string, found: string) => Problem;
  errors: Record<number, typeof ErrorBody>;
}

/** An order-less batch: a quote needs the network and stock only. */
const NO_ORDERS: SubmittedFile = { name: 'orders.json', bytes: Buffer.from('{"schema":"xbroute.orders/v1","orders":[]}', 'utf8') };

const asFile = (value: unknown, name: string): SubmittedFile => ({
  name,
  bytes: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8'),
});

export function registerWhatIf(app: FastifyInstance, deps: WhatIfDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { store, sendError, requestProblem } = deps;

  /** Runs the task on a job thread: the answer, or a reply already sent (400 with problems, 500). */
  const run = async (reply: FastifyReply, task: WhatIfTask) => {
    const message = await deps.limit(() => runTask(task).result);
    if (message.type === 'invalid') {
      const first = message.problems[0]?.message ?? 'invalid input';
      void sendError(reply, 400, 'Invalid Input', `${first}${message.problems.length > 1 ? ` (and ${message.problems.length - 1} more)` : ''}`, message.problems);
      return null;
    }
    if (message.type === 'compared' || message.type === 'quoted') return message;
    throw new Error(`the what-if task failed: ${message.type === 'failed' ? message.message : message.type}`);
  };

  const missing = (reply: FastifyReply, fields: string[]) => {
    const problems = fields.map((f) => requestProblem('body', f, `"${f}" (or "job": the id of a job of yours)`, 'nothing'));
    return sendError(reply, 400, 'Bad Request', problems[0]?.message ?? 'missing input', problems);
  };

  r.post(
    '/v1/compare',
    {
      schema: {
        summary: 'Plan a batch on a base network and on what-if scenarios of it, side by side',
        description:
          'The figures of `xbroute compare`: per column (base, then each scenario) logistics cost by component, taxes apart, planned and ' +
          'unplanned by reason, parcels per clearance port, consolidations, mean lead time. Every plan is verified. A bad scenario edit is a ' +
          '400 whose problems name scenarios[i], the edit and its field.',
        body: CompareRequest,
        response: { 200: Comparison, ...deps.errors },
      },
    },
    async (request, reply) => {
      const body: z.infer<typeof CompareRequest> = request.body;
      let batch: SubmittedBatch;
      if (body.job !== undefined) {
        const job = await deps.ownJob(request, reply, body.job);
        if (job === undefined) return reply;
        batch = await storedBatch(store, job);
      } else {
        const absent = (['orders', 'stock'] as const).filter((k) => body[k] === undefined);
        if (absent.length > 0) return missing(reply, [...absent]);
        batch = {
          orders: asFile(body.orders, 'orders'),
          stock: asFile(body.stock, 'stock'),
          network: body.network === undefined ? deps.bundledNetwork : asFile(body.network, 'network'),
        };
      }
      const answer = await run(reply, {
        task: 'compare',
        batch,
        scratchDir: deps.scratchDir,
        scenarios: body.scenarios.map((s) => JSON.stringify(s)),
        solveWorkers: deps.solveWorkers,
        ...(body.solver === undefined ? {} : { solver: body.solver }),
      });
      if (answer === null) return reply;
      return answer.type === 'compared' ? answer.comparison : reply;
    },
  );

  r.post(
    '/v1/quote',
    {
      schema: {
        summary: 'A delivery promise for one order at checkout',
        description:
          "planner.quote: per fulfilment mode the promised local delivery date, the source, and the marginal logistics cost against a job's " +
          'plan (or an empty network: then a parcel pays whole departures, said in `note`); SLA_INFEASIBLE / NO_STOCK when no promise can be made. ' +
          'Plans and books nothing.',
        body: QuoteRequest,
        response: { 200: { description: "planner.quote's answer", content: { 'application/json': { schema: Quote } } }, ...deps.errors },
      },
    },
    async (request, reply) => {
      const body: z.infer<typeof QuoteRequest> = request.body;
      let batch: SubmittedBatch;
      let plan: string | null = null;
      if (body.job !== undefined) {
        const job = await deps.ownJob(request, reply, body.job);
        if (job === undefined) return reply;
        if (job.state !== 'succeeded') return sendError(reply, 409, 'Conflict', `job "${job.id}" has no plan to price against: it is ${job.state}`);
        batch = { ...(await storedBatch(store, job)), orders: NO_ORDERS };
        plan = (await store.output(job.id, 'plan'))?.bytes.toString('utf8') ?? null;
      } else {
        if (body.stock === undefined) return missing(reply, ['stock']);
        batch = {
          orders: NO_ORDERS,
          stock: asFile(body.stock, 'stock'),
          network: body.network === undefined ? deps.bundledNetwork : asFile(body.network, 'network'),
        };
      }
      const answer = await run(reply, { task: 'quote', batch, scratchDir: deps.scratchDir, order: body.order, plan });
      if (answer === null) return reply;
      if (answer.type !== 'quoted') return reply;
      // As JSON text, past the serializer: the answer is planner.quote's, field for field.
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(JSON.stringify(answer.quote));
    },
  );
}
