// Shared by the service tests: a service on a fresh data directory, the tiny example batch,
// multipart bodies for inject(), and polling a job until it ends.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { type Service, type ServiceConfig, createService } from '../../src/service/app.js';
import { hashKey } from '../../src/service/keys.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TINY_DIR = join(ROOT, 'data/examples/tiny');
export const tinyFile = (name: string): string => readFileSync(join(TINY_DIR, name), 'utf8');
export const BUNDLED_NETWORK = join(ROOT, 'data/network.json');

export const KEY_A = 'key-a-0123456789';
export const KEY_B = 'key-b-9876543210';
export const API_KEYS = [
  { name: 'a', hash: hashKey(KEY_A) },
  { name: 'b', hash: hashKey(KEY_B) },
];
export const auth = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });

export interface TestService extends Service {
  dataDir: string;
  dispose(): Promise<void>;
}

export async function startTestService(config: Partial<ServiceConfig> = {}, dataDir?: string): Promise<TestService> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'xbroute-service-'));
  const service = await createService({
    dataDir: dir,
    apiKeys: API_KEYS,
    bundledNetworkPath: BUNDLED_NETWORK,
    version: 'test',
    solveWorkers: 0,
    ...config,
  });
  return {
    ...service,
    dataDir: dir,
    dispose: async () => {
      await service.close();
      if (dataDir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body (and its content type) from named files and fields. */
export async function multipart(
  files: Record<string, { name: string; text: string }>,
  fields: Record<string, string> = {},
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [field, file] of Object.entries(files)) form.append(field, new Blob([file.text]), file.name);
  for (const [field, value] of Object.entries(fields)) form.append(field, value);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  };
}

export const TINY_FILES = {
  orders: { name: 'orders.csv', text: tinyFile('orders.csv') },
  stock: { name: 'stock.csv', text: tinyFile('stock.csv') },
  network: { name: 'network.json', text: tinyFile('network.json') },
};

export interface StatusBody {
  id: string;
  state: string;
  progress: { phase: string; done: number; total: number; bestCostMinor: number | null; boundMinor: number | null };
  error: string | null;
  outputs: Record<string, string>;
}

/** Polls GET /v1/jobs/{id} until the job leaves queued/running (or `until` holds); returns every status seen. */
export async function pollJob(
  service: Service,
  id: string,
  headers: Record<string, string>,
  until: (s: StatusBody) => boolean = (s) => s.state !== 'queued' && s.state !== 'running',
  timeoutMs = 120_000,
): Promise<StatusBody[]> {
  const seen: StatusBody[] = [];
  const start = Date.now();
  for (;;) {
    const response = await service.app.inject({ method: 'GET', url: `/v1/jobs/${id}`, headers });
    expect(response.statusCode).toBe(200);
    const status = response.json<StatusBody>();
    seen.push(status);
    if (until(status)) return seen;
    if (Date.now() - start > timeoutMs) throw new Error(`job ${id} still ${status.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
