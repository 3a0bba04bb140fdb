// Who may do what: a key is required (unless --no-auth), a job is visible only to the key that
// submitted it, each key has its own rate limit, an Idempotency-Key makes a retried
// submission return the same job, and a service without keys refuses to start.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEYS_ENV, hashKey, loadApiKeys, parseApiKeys } from '../../src/service/keys.js';
import { runCli } from '../fixtures/run-cli.js';
import { KEY_A, KEY_B, TINY_FILES, type TestService, auth, multipart, pollJob, startTestService } from './helpers.js';

let service: TestService;
let limited: TestService;
beforeAll(async () => {
  service = await startTestService();
  limited = await startTestService({ rateLimit: { max: 5, windowMs: 60_000 } });
});
afterAll(async () => {
  await service.dispose();
  await limited.dispose();
});

async function submit(target: TestService, headers: Record<string, string>, fields: Record<string, string> = {}) {
  const body = await multipart(TINY_FILES, fields);
  return target.app.inject({ method: 'POST', url: '/v1/jobs', payload: body.payload, headers: { ...headers, ...body.headers } });
}

describe('API keys', () => {
  it('a request without a key, or with an unknown one, is a 401', async () => {
    expect((await service.app.inject({ method: 'GET', url: '/v1/jobs' })).statusCode).toBe(401);
    expect((await service.app.inject({ method: 'GET', url: '/v1/jobs', headers: auth('not-a-key') })).statusCode).toBe(401);
    expect((await submit(service, {})).statusCode).toBe(401);
  });

  it("a job is seen only by the key that submitted it: another key gets 404 for it and its outputs, and cannot cancel it", async () => {
    const response = await submit(service, auth(KEY_A));
    expect(response.statusCode).toBe(202);
    const { id } = response.json<{ id: string }>();
    await pollJob(service, id, auth(KEY_A));
    for (const [method, url] of [['GET', `/v1/jobs/${id}`], ['GET', `/v1/jobs/${id}/plan`], ['DELETE', `/v1/jobs/${id}`]] as const) {
      expect((await service.app.inject({ method, url, headers: auth(KEY_B) })).statusCode, `${method} ${url}`).toBe(404);
    }
    const listB = await service.app.inject({ method: 'GET', url: '/v1/jobs', headers: auth(KEY_B) });
    expect(listB.json<{ jobs: { id: string }[] }>().jobs.map((j) => j.id)).not.toContain(id);
    expect((await service.app.inject({ method: 'GET', url: `/v1/jobs/${id}/plan`, headers: auth(KEY_A) })).statusCode).toBe(200);
  });

  it('keeps only the hash of a key', () => {
    expect(parseApiKeys(`# planners\nplanner-1 ${hashKey('s3cret')}\n`, 'keys.txt')).toEqual([{ name: 'planner-1', hash: hashKey('s3cret') }]);
    expect(() => parseApiKeys('planner-1 s3cret\n', 'keys.txt')).toThrow(/keys\.txt: entry 1: expected "<name> <sha256/);
  });

  it('refuses to start without keys, saying how to give them', async () => {
    expect(() => loadApiKeys(undefined, {})).toThrow(/no API keys configured: give --api-keys FILE or set XBROUTE_API_KEYS.*--no-auth/);
    expect(loadApiKeys(undefined, { [API_KEYS_ENV]: `a ${hashKey('x')}, b ${hashKey('y')}` }).map((k) => k.name)).toEqual(['a', 'b']);
    const dir = mkdtempSync(join(tmpdir(), 'xbroute-serve-'));
    try {
      const saved = process.env[API_KEYS_ENV];
      delete process.env[API_KEYS_ENV];
      const cli = await runCli(['serve', '--port', '0', '--data-dir', join(dir, 'data')]);
      if (saved !== undefined) process.env[API_KEYS_ENV] = saved;
      expect(cli.code).toBe(1);
      expect(cli.stderr).toMatch(/error: no API keys configured/);
      writeFileSync(join(dir, 'keys.txt'), 'oops\n');
      const bad = await runCli(['serve', '--port', '0', '--data-dir', join(dir, 'data'), '--api-keys', join(dir, 'keys.txt')]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/keys\.txt: entry 1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Idempotency-Key', () => {
  it('a retried submission returns the same job; the key with another batch is a 409', async () => {
    const first = await submit(service, { ...auth(KEY_A), 'idempotency-key': 'batch-2026-11-11' });
    const again = await submit(service, { ...auth(KEY_A), 'idempotency-key': 'batch-2026-11-11' });
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(202);
    expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    const other = await submit(service, { ...auth(KEY_A), 'idempotency-key': 'batch-2026-11-11' }, { solver: 'baseline' });
    expect(other.statusCode).toBe(409);
    // Keys are per API key: B's same header names B's own job.
    const b = await submit(service, { ...auth(KEY_B), 'idempotency-key': 'batch-2026-11-11' });
    expect(b.statusCode).toBe(202);
    expect(b.json<{ id: string }>().id).not.toBe(first.json<{ id: string }>().id);
    await pollJob(service, first.json<{ id: string }>().id, auth(KEY_A));
    await pollJob(service, b.json<{ id: string }>().id, auth(KEY_B));
  });
});

describe('rate limits', () => {
  it('limit each key on its own: past the limit a 429, while another key goes on', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await limited.app.inject({ method: 'GET', url: '/v1/jobs', headers: auth(KEY_A) })).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect((await limited.app.inject({ method: 'GET', url: '/v1/jobs', headers: auth(KEY_B) })).statusCode).toBe(200);
  });
});
