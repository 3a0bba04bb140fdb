// The HTTP API's shapes as zod schemas: one source for request validation, response
// serialisation and the OpenAPI 3.1 document (/v1/openapi.json). The plan itself is the
// engine's Plan schema (src/domain/plan.ts), the same one the plan file is checked against.
import { z } from 'zod';
import { SOLVERS } from '../engine/plan-batch.js';
import { Disruption } from '../domain/events.js';
import { OffsetInstant } from '../domain/primitives.js';

/** How a job re-plans another (POST /v1/jobs/{id}/replan): what is booked, what is new, what happened. */
export const ReplanOptions = z
  .object({
    /** Consolidations departing before this instant are booked (default: all of them). */
    bookedBefore: OffsetInstant.optional(),
    /** These consolidation ids are booked (with bookedBefore: either). */
    booked: z.array(z.string().min(1)).min(1).optional(),
    /** New orders, each as in the orders JSON form (xbroute.orders/v1 `orders`); checked like a batch. */
    orders: z.array(z.unknown()).max(100_000).optional(),
    /** Disruptions to re-plan around (the events file's `events`). */
    events: z.array(Disruption).optional(),
  })
  .strict()
  .meta({ id: 'ReplanOptions' });
export type ReplanOptions = z.infer<typeof ReplanOptions>;

/** The options of one plan, as the `plan` command has them. */
export const PlanOptionsBody = z
  .object({
    solver: z.enum(SOLVERS).default('highs'),
    /** Stop the search after this long and keep the best verified plan (as `--time-limit`). */
    timeLimitSeconds: z.number().positive().max(86_400).optional(),
    /** Set on a re-plan job: the job whose plan it re-plans, and how (see ReplanOptions). */
    replan: ReplanOptions.extend({ of: z.string() }).optional(),
  })
  .strict()
  .meta({ id: 'PlanOptions' });

/** The body of POST /v1/jobs/{id}/replan. */
export const ReplanBody = ReplanOptions.extend({
  solver: z.enum(SOLVERS).default('highs'),
  timeLimitSeconds: z.number().positive().max(86_400).optional(),
}).meta({ id: 'ReplanRequest' });
export type PlanOptionsBody = z.infer<typeof PlanOptionsBody>;

export const JobState = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']).meta({ id: 'JobState' });
export type JobState = z.infer<typeof JobState>;

/** Where a job is. `phase` is null while queued; figures are null until known. */
export const JobProgress = z
  .object({
    phase: z.enum(['queued', 'loading', 'candidates', 'solving', 'bounding', 'verifying', 'writing', 'done']),
    /** Partitions solved. */
    done: z.number().int().min(0),
    /** Partitions in all (0 until the candidates are built). */
    total: z.number().int().min(0),
    bestCostMinor: z.number().int().nullable(),
    boundMinor: z.number().int().nullable(),
  })
  .meta({ id: 'JobProgress' });
export type JobProgress = z.infer<typeof JobProgress>;

/** A located input problem, as the CLI prints it (`file: where: field: expected …, found …`). */
export const Problem = z
  .object({
    file: z.string(),
    where: z.string().describe('"line N" for CSV, a JSON path such as "orders[3].lines[0].qty" for JSON'),
    field: z.string(),
    expected: z.string(),
    found: z.string(),
    severity: z.enum(['error', 'warning']),
    message: z.string().describe('the problem as the command line prints it'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export const JobStatus = z
  .object({
    id: z.string(),
    state: JobState,
    progress: JobProgress,
    createdAt: z.string().describe('ISO 8601, UTC'),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    /** Times the job was started: more than 1 after a crash or stop re-ran it. */
    attempts: z.number().int().min(0),
    /** Input file names as submitted. */
    inputs: z.object({ orders: z.string(), stock: z.string(), network: z.string() }),
    options: PlanOptionsBody,
    /** Why a failed job failed. */
    error: z.string().nullable(),
    /** Input warnings (they do not stop planning). */
    warnings: z.array(Problem),
    /** Outputs of a succeeded job, by name, with their URLs. */
    outputs: z.record(z.string(), z.string()),
  })
  .meta({ id: 'JobStatus' });
export type JobStatus = z.infer<typeof JobStatus>;

/** An input in a JSON body: the file's text (CSV or JSON), or the JSON document itself. */
export const InputText = z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]);

/** POST /v1/jobs as JSON: the three inputs (network optional: the bundled one) and the options. */
export const SubmitJson = z
  .object({
    orders: InputText.describe('the orders file: CSV text, JSON text, or the JSON document'),
    stock: InputText.describe('the stock file: CSV text, JSON text, or the JSON document'),
    network: InputText.optional().describe('the network document or its text; default the bundled network'),
    /** Names used in problems (default "orders", "stock", "network"). */
    names: z.object({ orders: z.string(), stock: z.string(), network: z.string() }).partial().optional(),
    options: PlanOptionsBody.optional(),
  })
  .strict()
  .meta({ id: 'SubmitJson' });
export type SubmitJson = z.infer<typeof SubmitJson>;

/** POST /v1/jobs as multipart/form-data (documented; the parts are read as a stream). */
export const SubmitMultipart = z
  .object({
    orders: z.string().describe('file: orders CSV or JSON'),
    stock: z.string().describe('file: stock CSV or JSON'),
    network: z.string().optional().describe('file: network JSON (default: the bundled network)'),
    solver: z.enum(SOLVERS).optional(),
    timeLimitSeconds: z.string().optional().describe('a number of seconds > 0'),
  })
  .meta({ id: 'SubmitMultipart' });

export const Accepted = z.object({ id: z.string(), state: JobState, url: z.string() }).meta({ id: 'Accepted' });

export const ErrorBody = z
  .object({
    statusCode: z.number().int(),
    error: z.string(),
    message: z.string(),
    problems: z.array(Problem).optional(),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const JobParams = z.object({ id: z.string().regex(/^[0-9a-z-]{1,64}$/) });
export const ExplainParams = JobParams.extend({ order: z.string().min(1).max(200) });

export const JobList = z.object({ jobs: z.array(JobStatus) }).meta({ id: 'JobList' });

export const Health = z.object({ ok: z.boolean(), version: z.string(), queued: z.number().int(), running: z.number().int() });

/** GET …/orders/{order}/explain: the order's answer (as in the plan) with an `explanation` member. */
export const Explanation = z
  .looseObject({
    order: z.string(),
    status: z.enum(['planned', 'unplanned']),
    explanation: z.looseObject({ remedy: z.string().nullable() }),
  })
  .meta({ id: 'Explanation' });
