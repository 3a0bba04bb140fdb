// A bounded number of solves at once (the rest wait, oldest first), and DELETE cancels: a
// queued job never starts, a running one is stopped, and the queue goes on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_A, ROOT, TINY_FILES, type TestService, auth, multipart, pollJob, startTestService } from './helpers.js';

let service: TestService;
beforeAll(async () => {
  service = await startTestService({ concurrency: 1 });
});
afterAll(async () => {
  await service.dispose();
});
const A = auth(KEY_A);

async function submit(files: Record<string, { name: string; text: string }>): Promise<string> {
  const body = await multipart(files);
  const response = await service.app.inject({ method: 'POST', url: '/v1/jobs', payload: body.payload, headers: { ...A, ...body.headers } });
  expect(response.statusCode, response.body).toBe(202);
  return response.json<{ id: string }>().id;
}

async function state(id: string): Promise<{ state: string; startedAt: string | null; attempts: number }> {
  return (await service.app.inject({ method: 'GET', url: `/v1/jobs/${id}`, headers: A })).json();
}

describe('one solve at a time, and cancelling', () => {
  it('queues the rest, cancels a queued and a running job, then runs the next', async () => {
    // The S sample batch on the bundled network: long enough to be caught running.
    const big = await submit({
      orders: { name: 'orders-s.csv', text: readFileSync(join(ROOT, 'data/orders-s.csv'), 'utf8') },
      stock: { name: 'stock-s.csv', text: readFileSync(join(ROOT, 'data/stock-s.csv'), 'utf8') },
    });
    const second = await submit(TINY_FILES);
    const third = await submit(TINY_FILES);
    expect((await state(second)).state).toBe('queued');
    expect((await state(third)).state).toBe('queued');

    const cancelQueued = await service.app.inject({ method: 'DELETE', url: `/v1/jobs/${third}`, headers: A });
    expect(cancelQueued.statusCode).toBe(200);
    expect(cancelQueued.json<{ state: string }>().state).toBe('cancelled');

    await pollJob(service, big, A, (s) => s.state === 'running');
    const health = (await service.app.inject({ method: 'GET', url: '/v1/health' })).json<{ running: number; queued: number }>();
    expect(health).toMatchObject({ running: 1, queued: 1 });
    const cancelRunning = await service.app.inject({ method: 'DELETE', url: `/v1/jobs/${big}`, headers: A });
    expect(cancelRunning.json<{ state: string }>().state).toBe('cancelled');

    const seen = await pollJob(service, second, A);
    expect(seen.at(-1)?.state).toBe('succeeded');
    expect((await state(big)).state).toBe('cancelled');
    const never = await state(third);
    expect(never.state).toBe('cancelled');
    expect(never.startedAt).toBeNull();
    expect(never.attempts).toBe(0);
    expect((await service.app.inject({ method: 'GET', url: `/v1/jobs/${big}/plan`, headers: A })).statusCode).toBe(409);
    // An ended job cannot be cancelled again.
    expect((await service.app.inject({ method: 'DELETE', url: `/v1/jobs/${second}`, headers: A })).statusCode).toBe(409);
  }, 60_000);
});
