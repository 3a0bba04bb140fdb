// The service with --redis: a job's partitions are solved by `xbroute worker` processes through
// BullMQ, and the job serves the plan the embedded service serves (the tiny example's golden
// plan). A Redis that is not there fails the start, naming the URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueConnectionError } from '../../src/queue/index.js';
import { KEY_A, TINY_FILES, type TestService, auth, multipart, pollJob, startTestService, tinyFile } from '../service/helpers.js';
import { type RedisServer, type WorkerProcess, startRedis, startWorker, until } from './redis.js';

let redis: RedisServer;
let worker: WorkerProcess;
let service: TestService;
const A = auth(KEY_A);


beforeAll(async () => {
  redis = await startRedis();
  worker = await startWorker(redis.url, 1);
  service = await startTestService({ redisUrl: redis.url });
});
afterAll(async () => {
  await service?.dispose();
  await worker?.kill();
  await redis?.stop();
});

describe('xbroute serve --redis', () => {
  it("solves a job's partitions on the queue's workers, and serves the same plan", { timeout: 60_000 }, async () => {
    const body = await multipart(TINY_FILES, { solver: 'highs' });
    const response = await service.app.inject({ method: 'POST', url: '/v1/jobs', payload: body.payload, headers: { ...A, ...body.headers } });
    expect(response.statusCode, response.body).toBe(202);
    const { id } = response.json<{ id: string }>();
    const last = (await pollJob(service, id, A)).at(-1);
    expect(last?.error ?? null).toBeNull();
    expect(last?.state).toBe('succeeded');
    const plan = await service.app.inject({ method: 'GET', url: `/v1/jobs/${id}/plan`, headers: A });
    expect(plan.body).toBe(tinyFile('expected-plan.json'));
    // Solved there, not here: the worker process reported the partitions it finished.
    expect(worker.completed().length).toBeGreaterThan(0);
    expect(worker.completed().length).toBe(await redis.client.zcard('bull:xbroute-partitions:completed'));
  });

  it('cancelling a job takes its waiting partitions off the queue', { timeout: 60_000 }, async () => {
    // No worker now, and nothing from the test above to reuse: the partitions wait.
    await worker.kill();
    await redis.client.flushall();
    const body = await multipart(TINY_FILES, { solver: 'highs' });
    const response = await service.app.inject({ method: 'POST', url: '/v1/jobs', payload: body.payload, headers: { ...A, ...body.headers } });
    const { id } = response.json<{ id: string }>();
    const waiting = () => redis.client.llen('bull:xbroute-partitions:wait');
    await until(async () => (await waiting()) > 0, 'partitions waiting');
    const cancel = await service.app.inject({ method: 'DELETE', url: `/v1/jobs/${id}`, headers: A });
    expect(cancel.statusCode, cancel.body).toBeLessThan(300);
    await until(async () => (await waiting()) === 0, 'no partition waiting');
    expect((await pollJob(service, id, A)).at(-1)?.state).toBe('cancelled');
  });

  it('does not start when the Redis is not there', async () => {
    await expect(startTestService({ redisUrl: 'unix:///nonexistent/redis.sock' }, ':memory:')).rejects.toThrow(QueueConnectionError);
    await expect(startTestService({ redisUrl: 'unix:///nonexistent/redis.sock' }, ':memory:')).rejects.toThrow(/cannot reach Redis at unix:\/\/\/nonexistent\/redis.sock/);
  });
});
