// POST /v1/jobs/{id}/replan on the tiny example: a new job re-plans a succeeded job's plan
// around the events given (the Los Angeles flight grounded) and new orders; its plan carries
// the re-plan account. A job of another key is not found; a bad event is a 400 naming the path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.js';
import { loadOrders } from '../../src/io/load.js';
import { KEY_A, KEY_B, TINY_DIR, TINY_FILES, type TestService, auth, multipart, pollJob, startTestService, tinyFile } from './helpers.js';

let service: TestService;
const A = auth(KEY_A);
let parent = '';
beforeAll(async () => {
  service = await startTestService();
  const body = await multipart(TINY_FILES, { solver: 'highs' });
  const response = await service.app.inject({ method: 'POST', url: '/v1/jobs', payload: body.payload, headers: { ...A, ...body.headers } });
  parent = response.json<{ id: string }>().id;
  const seen = await pollJob(service, parent, A);
  expect(seen.at(-1)?.state).toBe('succeeded');
});
afterAll(async () => {
  await service.dispose();
});

const post = (id: string, payload: unknown, headers = A) =>
  service.app.inject({ method: 'POST', url: `/v1/jobs/${id}/replan`, payload: payload as object, headers });

describe('POST /v1/jobs/{id}/replan', () => {
  it('re-plans around the events and the new orders; the plan says what was kept and who is late', async () => {
    const events = (JSON.parse(tinyFile('events.json')) as { events: unknown[] }).events;
    const orders = loadOrders(`${TINY_DIR}/wave2.csv`);
    const response = await post(parent, { events, orders });
    expect(response.statusCode, response.body).toBe(202);
    const { id } = response.json<{ id: string }>();
    expect(id).not.toBe(parent);
    const seen = await pollJob(service, id, A);
    expect(seen.at(-1)?.state, JSON.stringify(seen.at(-1))).toBe('succeeded');
    const plan = (await service.app.inject({ method: 'GET', url: `/v1/jobs/${id}/plan`, headers: A })).json<Plan>();
    expect(plan.orders.map((o) => o.order)).toEqual([...Array.from({ length: 10 }, (_, i) => `EX-${String(i + 1).padStart(2, '0')}`), 'EX-11', 'EX-12']);
    expect(plan.replan?.newOrders).toBe(2);
    expect(plan.replan?.kept).toEqual(['AIR:FRA-PVG:LH@2026-11-12T20:15:00+01:00']);
    expect(plan.replan?.missedPromises.map((m) => m.order)).toEqual(expect.arrayContaining(['EX-01', 'EX-02', 'EX-06']));
  });

  it('does not find another key\'s job', async () => {
    const response = await post(parent, {}, auth(KEY_B));
    expect(response.statusCode).toBe(404);
  });

  it('rejects an event of an unknown kind, naming where', async () => {
    const response = await post(parent, { events: [{ kind: 'volcano', port: 'CP-PVG', date: '2026-11-13' }] });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('events');
  });

  it('is in the OpenAPI document with its request body', async () => {
    const doc = (await service.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>();
    const op = doc.paths['/v1/jobs/{id}/replan']?.post;
    const ref = op?.requestBody?.content['application/json']?.schema.$ref ?? '';
    const body = doc.components.schemas[ref.replace('#/components/schemas/', '')];
    expect(Object.keys(body?.properties ?? {})).toEqual(expect.arrayContaining(['bookedBefore', 'booked', 'orders', 'events', 'solver']));
  });
});
