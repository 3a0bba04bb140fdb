// Request and response schemas of the what-if routes (POST /v1/compare, POST /v1/quote): they
// check the requests and generate these routes' part of the OpenAPI document.
import { z } from 'zod';
import { SOLVERS } from '../engine/plan-batch.js';

import { InputText, JobParams } from './schemas.js';

const JobId = JobParams.shape.id;

export const CompareRequest = z
  .object({
    job: JobId.optional().describe("plan the batch of this (caller's) job, on its network and stock; else give orders and stock"),
    orders: InputText.optional().describe('the orders file: CSV text, JSON text, or the JSON document'),
    stock: InputText.optional().describe('the stock file of the base: CSV text, JSON text, or the JSON document'),
    network: InputText.optional().describe('the base network document or its text; default the bundled network'),
    scenarios: z
      .array(z.record(z.string(), z.unknown()))
      .min(1)
      .max(8)
      .describe('scenario documents ("schema": "xbroute.scenario/v1", see data/schema/scenario.schema.json); problems name them scenarios[i]'),
    solver: z.enum(SOLVERS).optional(),
  })
  .strict()
  .meta({ id: 'CompareRequest' });
export type CompareRequest = z.infer<typeof CompareRequest>;

export const Comparison = z
  .object({
    currency: z.string(),
    columns: z.array(z.string()).describe('"base", then each scenario\'s name'),
    rows: z.array(
      z.object({
        metric: z.string().describe('stable key: cost.freight, unplanned.NO_STOCK, parcels.port.CP-PVG, lead_time.mean, …'),
        label: z.string(),
        unit: z.enum(['count', 'minor', 'hours']).describe('minor: money in minor units of currency'),
        values: z.array(z.number().nullable()).describe('one per column'),
      }),
    ),
  })
  .meta({ id: 'Comparison' });

export const QuoteRequest = z
  .object({
    order: z.record(z.string(), z.unknown()).describe('one order as in an orders JSON file (id, createdAt, destination, lines, …)'),
    job: JobId.optional().describe("price against this succeeded (caller's) job: its network, stock and plan; else give stock (and network)"),
    stock: InputText.optional().describe('the stock file: CSV text, JSON text, or the JSON document'),
    network: InputText.optional().describe('the network document or its text; default the bundled network'),
  })
  .strict()
  .meta({ id: 'QuoteRequest' });
export type QuoteRequest = z.infer<typeof QuoteRequest>;

export const Quote = z
  .looseObject({
    order: z.string(),
    against: z.enum(['plan', 'empty']),
    note: z.string().optional(),
    modes: z.array(z.looseObject({ mode: z.string(), status: z.enum(['promised', 'unpromised']) })),
    best: z.looseObject({ mode: z.string(), promisedBy: z.string(), marginalCostMinor: z.number() }).nullable(),
  })
  .describe("planner.quote's answer: per mode the promised date, sources and marginal cost, or the reason no promise can be made")
  .meta({ id: 'Quote' });
