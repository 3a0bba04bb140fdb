// POST /v1/compare and POST /v1/quote: the comparison is the one `xbroute compare --json`
// prints for the same files, a bad scenario edit is a 400 located at scenarios[i], the edit and
// field; a quote is planner.quote's answer against a job's plan (or an empty network).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanner } from '../../src/api/planner.js';
import type { Plan } from '../../src/domain/plan.js';
import { loadInputs } from '../../src/io/load.js';
import { runCli } from '../fixtures/run-cli.js';
import { KEY_A, KEY_B, ROOT, TINY_DIR, TINY_FILES, type TestService, auth, multipart, pollJob, startTestService } from './helpers.js';

const SCENARIOS = ['data/scenarios/tiny-mu-cancelled.json', 'data/scenarios/tiny-lh-daily.json'].map((p) => join(ROOT, p));
const scenarioDocs = SCENARIOS.map((p) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>);
const tinyPaths = { network: join(TINY_DIR, 'network.json'), orders: join(TINY_DIR, 'orders.csv'), stock: join(TINY_DIR, 'stock.csv') };
const inputs = loadInputs(tinyPaths);
const firstOrder = inputs.orders?.[0];

let service: TestService;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service.dispose();
});

const post = (url: string, body: unknown, key = KEY_A) =>
  service.app.inject({ method: 'POST', url, headers: { ...auth(key), 'content-type': 'application/json' }, payload: JSON.stringify(body) });

describe('the OpenAPI document', () => {
  it('states both routes with their request bodies', async () => {
    const doc = (await service.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json<{ paths: Record<string, Record<string, { requestBody?: unknown }>> }>();
    expect(doc.paths['/v1/compare']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/v1/quote']?.post?.requestBody).toBeDefined();
  });
});

describe('POST /v1/compare', () => {
  it('answers the figures `xbroute compare --json` prints for the same files', async () => {
    const response = await post('/v1/compare', {
      orders: TINY_FILES.orders.text, stock: TINY_FILES.stock.text, network: TINY_FILES.network.text, scenarios: scenarioDocs,
    });
    expect(response.statusCode).toBe(200);
    const cli = await runCli(['compare', tinyPaths.network, '--orders', tinyPaths.orders, '--stock', tinyPaths.stock, '--workers', '0', '--json', ...SCENARIOS.flatMap((s) => ['--scenario', s])]);
    expect(cli.code).toBe(0);
    expect(response.json()).toEqual(JSON.parse(cli.stdout));
    expect(response.json<{ columns: string[] }>().columns).toEqual(['base', 'MU cancelled', 'LH daily']);
  }, 120_000);

  it('a bad edit is a 400 naming scenarios[i], the edit and the field; nothing is planned', async () => {
    const bad = { ...scenarioDocs[0], edits: [{ kind: 'set_allotment', lane: 'AIR:NOPE', maxUldsPerDeparture: 1 }] };
    const response = await post('/v1/compare', { orders: TINY_FILES.orders.text, stock: TINY_FILES.stock.text, network: TINY_FILES.network.text, scenarios: [scenarioDocs[1], bad] });
    expect(response.statusCode).toBe(400);
    const problems = response.json<{ problems: { file: string; where: string; field: string }[] }>().problems;
    expect(problems.map((p) => [p.file, p.where, p.field])).toEqual([['scenarios[1]', 'edits[0].lane', 'lane']]);
  });

  it('needs orders and stock, or a job', async () => {
    const response = await post('/v1/compare', { scenarios: scenarioDocs });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ problems: { field: string }[] }>().problems.map((p) => p.field)).toEqual(['orders', 'stock']);
  });
});

describe('POST /v1/quote', () => {
  let jobId: string;
  let plan: Plan;
  beforeAll(async () => {
    const body = await multipart(TINY_FILES);
    const submitted = await service.app.inject({ method: 'POST', url: '/v1/jobs', headers: { ...auth(KEY_A), ...body.headers }, payload: body.payload });
    expect(submitted.statusCode).toBe(202);
    jobId = submitted.json<{ id: string }>().id;
    expect((await pollJob(service, jobId, auth(KEY_A))).at(-1)?.state).toBe('succeeded');
    plan = (await service.app.inject({ method: 'GET', url: `/v1/jobs/${jobId}/plan`, headers: auth(KEY_A) })).json<Plan>();
  }, 120_000);

  it("against a job's plan: planner.quote's answer, field for field", async () => {
    const response = await post('/v1/quote', { order: firstOrder, job: jobId });
    expect(response.statusCode).toBe(200);
    const planner = createPlanner({ network: inputs.network, stock: inputs.stock ?? [], workers: 0 });
    const expected = await planner.quote(firstOrder ?? inputs.orders?.[0] ?? (undefined as never), { against: plan });
    await planner.close();
    expect(response.json()).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(response.json<{ against: string; best: { promisedBy: string } | null }>().against).toBe('plan');
    expect(response.json<{ best: unknown }>().best).not.toBeNull();
  });

  it('with stock and no job: priced against an empty network, and said so', async () => {
    const response = await post('/v1/quote', { order: firstOrder, stock: TINY_FILES.stock.text, network: TINY_FILES.network.text });
    expect(response.statusCode).toBe(200);
    const quote = response.json<{ against: string; note?: string }>();
    expect(quote.against).toBe('empty');
    expect(quote.note).toBeTruthy();
  });

  it("another key's job is not found; a bad order is a located 400", async () => {
    expect((await post('/v1/quote', { order: firstOrder, job: jobId }, KEY_B)).statusCode).toBe(404);
    const bad = await post('/v1/quote', { order: { ...firstOrder, destination: 'Z-XX' }, job: jobId });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ problems: { field: string }[] }>().problems.map((p) => p.field)).toContain('destination');
  });
});
