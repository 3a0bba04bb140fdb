// The job API on the tiny example: a multipart or JSON submission is accepted (202), runs
// through its phases, and serves the plan, CSV, GeoJSON and per-order explanations as the
// bytes the package's renderers produce; bad input is a 400 carrying the CLI's own located
// problems; too large is a 413; unknown is a 404.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexNetwork } from '../../src/domain/network-index.js';
import { parseNetworkText } from '../../src/io/network.js';
import { documentTexts } from '../../src/output/documents/index.js';
import { explainOrderJson, planToCsv, planToGeoJson } from '../../src/output/index.js';
import { runCli } from '../fixtures/run-cli.js';
import { KEY_A, type StatusBody, TINY_FILES, type TestService, auth, multipart, pollJob, startTestService, tinyFile } from './helpers.js';

let service: TestService;
beforeAll(async () => {
  service = await startTestService({ maxFileBytes: 200_000 });
});
afterAll(async () => {
  await service.dispose();
});

const A = auth(KEY_A);

async function submitTiny(extraFields: Record<string, string> = {}): Promise<string> {
  const body = await multipart(TINY_FILES, extraFields);
  const response = await service.app.inject({ method: 'POST', url: '/v1/jobs', payload: body.payload, headers: { ...A, ...body.headers } });
  expect(response.statusCode, response.body).toBe(202);
  const { id, url } = response.json<{ id: string; url: string }>();
  expect(url).toBe(`/v1/jobs/${id}`);
  return id;
}

describe('POST /v1/jobs, then GET the results', () => {
  let id: string;
  let seen: StatusBody[];
  beforeAll(async () => {
    id = await submitTiny({ solver: 'highs' });
    seen = await pollJob(service, id, A);
  });

  it('ends succeeded with its cost and bound in the progress', () => {
    const last = seen.at(-1);
    expect(last?.state).toBe('succeeded');
    expect(last?.progress.phase).toBe('done');
    expect(last?.progress.total).toBeGreaterThan(0);
    expect(last?.progress.done).toBe(last?.progress.total);
    const plan = JSON.parse(tinyFile('expected-plan.json')) as { totals: { cost: { total: number }; lowerBoundMinor: number } };
    expect(last?.progress.bestCostMinor).toBe(plan.totals.cost.total);
    expect(last?.progress.boundMinor).toBe(plan.totals.lowerBoundMinor);
    // Only the documented states and phases are ever reported.
    for (const s of seen) {
      expect(['queued', 'running', 'succeeded']).toContain(s.state);
      expect(['queued', 'loading', 'candidates', 'solving', 'bounding', 'verifying', 'writing', 'done']).toContain(s.progress.phase);
    }
  });

  it('serves the plan as the plan file the CLI writes for the same batch (the golden example)', async () => {
    const response = await service.app.inject({ method: 'GET', url: `/v1/jobs/${id}/plan`, headers: A });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toBe(tinyFile('expected-plan.json'));
  });

  it('serves the CSV, GeoJSON, documents and explanations the output functions make of that plan', async () => {
    const plan = JSON.parse(tinyFile('expected-plan.json'));
    const index = indexNetwork(parseNetworkText(tinyFile('network.json'), 'network.json'));
    const csv = await service.app.inject({ method: 'GET', url: `/v1/jobs/${id}/csv`, headers: A });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toBe(planToCsv(plan));
    const geojson = await service.app.inject({ method: 'GET', url: `/v1/jobs/${id}/geojson`, headers: A });
    expect(geojson.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(geojson.body).toBe(`${JSON.stringify(planToGeoJson(plan, index))}\n`);
    for (const [name, text] of Object.entries(documentTexts(plan, index))) {
      const served = await service.app.inject({ method: 'GET', url: `/v1/jobs/${id}/${name}`, headers: A });
      expect(served.statusCode, name).toBe(200);
      expect(served.body, name).toBe(text);
    }
    for (const answer of plan.orders as { order: string }[]) {
      const explain = await service.app.inject({ method: 'GET', url: `/v1/jobs/${id}/orders/${answer.order}/explain`, headers: A });
      expect(explain.statusCode).toBe(200);
      const json = explain.json<{ order: string; explanation: unknown }>();
      expect(json.order).toBe(answer.order);
      // Without the order at hand the remedy of an over-value order cannot state its value: compare the structure that does not depend on it.
      expect(Object.keys(json)).toEqual(Object.keys(explainOrderJson(plan, index, answer.order)));
    }
  });

  it('lists the job among the caller\'s jobs', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/v1/jobs', headers: A });
    expect(response.json<{ jobs: { id: string }[] }>().jobs.map((j) => j.id)).toContain(id);
  });

  it('404s an order the plan does not have', async () => {
    const response = await service.app.inject({ method: 'GET', url: `/v1/jobs/${id}/orders/NOPE/explain`, headers: A });
    expect(response.statusCode).toBe(404);
  });
});

describe('a JSON body', () => {
  it('plans the same batch to the same plan bytes (network given as a document)', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/v1/jobs',
      headers: A,
      payload: { orders: tinyFile('orders.csv'), stock: tinyFile('stock.csv'), network: JSON.parse(tinyFile('network.json')), options: { solver: 'highs' } },
    });
    expect(response.statusCode, response.body).toBe(202);
    const { id } = response.json<{ id: string }>();
    expect((await pollJob(service, id, A)).at(-1)?.state).toBe('succeeded');
    const plan = await service.app.inject({ method: 'GET', url: `/v1/jobs/${id}/plan`, headers: A });
    expect(plan.body).toBe(tinyFile('expected-plan.json'));
  });

  it('400s a body that is not a submission, naming the member', async () => {
    const response = await service.app.inject({ method: 'POST', url: '/v1/jobs', headers: A, payload: { orders: 'x', stock: 'y', options: { solver: 'fast' } } });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ problems: { where: string; field: string }[] }>();
    expect(body.problems[0]?.where).toBe('body.options.solver');
    expect(body.problems[0]?.field).toBe('solver');
  });
});

describe('bad input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xbroute-bad-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a 400 with the problems `xbroute validate` prints for the same files, under the uploaded names', async () => {
    const lines = tinyFile('orders.csv').split('\n');
    // Line 3 (the first order) names a zone the network lacks; line 6's quantity is not a number.
    lines[2] = (lines[2] ?? '').replace(',Z-SH,', ',Z-XX,');
    lines[5] = (lines[5] ?? '').replace(',1,1.8,', ',many,1.8,');
    const badOrders = lines.join('\n');
    const ordersPath = join(dir, 'bad-orders.csv');
    writeFileSync(ordersPath, badOrders);
    const stockPath = join(dir, 'stock.csv');
    writeFileSync(stockPath, tinyFile('stock.csv'));
    const networkPath = join(dir, 'network.json');
    writeFileSync(networkPath, tinyFile('network.json'));
    const cli = await runCli(['validate', '--network', networkPath, '--orders', ordersPath, '--stock', stockPath]);
    expect(cli.code).toBe(2);
    const cliErrors = cli.stderr.split('\n').filter((l) => l.startsWith('error: ')).map((l) => l.slice('error: '.length).replace(`${dir}/`, ''));
    expect(cliErrors.length).toBeGreaterThanOrEqual(2);

    const body = await multipart({ ...TINY_FILES, orders: { name: 'bad-orders.csv', text: badOrders } });
    const response = await service.app.inject({ method: 'POST', url: '/v1/jobs', payload: body.payload, headers: { ...A, ...body.headers } });
    expect(response.statusCode).toBe(400);
    const problems = response.json<{ problems: { message: string; severity: string; file: string; where: string; field: string }[] }>().problems;
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual(cliErrors);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'bad-orders.csv', where: 'line 3', field: 'destination' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'bad-orders.csv', where: 'line 6', field: 'qty' }));
  });

  it('a missing stock file is a 400 naming the field', async () => {
    const body = await multipart({ orders: TINY_FILES.orders });
    const response = await service.app.inject({ method: 'POST', url: '/v1/jobs', payload: body.payload, headers: { ...A, ...body.headers } });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ problems: { field: string }[] }>().problems.map((p) => p.field)).toEqual(['stock']);
  });

  it('an unknown option is a 400', async () => {
    const body = await multipart(TINY_FILES, { solver: 'quantum' });
    const response = await service.app.inject({ method: 'POST', url: '/v1/jobs', payload: body.payload, headers: { ...A, ...body.headers } });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ problems: { field: string }[] }>().problems[0]?.field).toBe('solver');
  });
});

describe('limits and unknowns', () => {
  it('a file over the size limit is a 413', async () => {
    const big = `${tinyFile('orders.csv')}${'#'.repeat(250_000)}\n`;
    const body = await multipart({ ...TINY_FILES, orders: { name: 'orders.csv', text: big } });
    const response = await service.app.inject({ method: 'POST', url: '/v1/jobs', payload: body.payload, headers: { ...A, ...body.headers } });
    expect(response.statusCode).toBe(413);
  });

  it('an unknown job is a 404, for its status, its outputs and a cancel', async () => {
    for (const [method, url] of [
      ['GET', '/v1/jobs/00000000-0000-0000-0000-000000000000'],
      ['GET', '/v1/jobs/00000000-0000-0000-0000-000000000000/plan'],
      ['DELETE', '/v1/jobs/00000000-0000-0000-0000-000000000000'],
    ] as const) {
      const response = await service.app.inject({ method, url, headers: A });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it('an id that cannot be a job id is a 400 naming the parameter', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/v1/jobs/NOT_AN_ID', headers: A });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ problems: { where: string; field: string }[] }>().problems[0]).toMatchObject({ where: 'params.id', field: 'id' });
  });

  it('an unknown route is a 404', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/v1/nothing', headers: A });
    expect(response.statusCode).toBe(404);
  });
});
