// Nothing lost: the server process is killed (SIGKILL) while it solves a job; started again on
// the same data directory it runs the job again from the stored inputs and ends with the plan
// an uninterrupted run gives. A finished job survives a restart, served byte for byte.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanner } from '../../src/api/planner.js';
import { loadInputs } from '../../src/io/load.js';
import { planText } from '../../src/service/results.js';
import { runCli } from '../fixtures/run-cli.js';
import { BUNDLED_NETWORK, ROOT } from './helpers.js';

const BIN = join(ROOT, 'dist/src/cli/main.js');

interface Server {
  child: ChildProcess;
  base: string;
}

/** Starts `xbroute serve` as its own process and waits for its "listening on" line. */
function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-auth', '--data-dir', dataDir, '--solve-workers', '1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1] !== undefined) resolve({ child, base: match[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${err}`)));
  });
}

function killed(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

interface Status {
  state: string;
  attempts: number;
  progress: { phase: string };
}

async function status(server: Server, id: string): Promise<Status> {
  const response = await fetch(`${server.base}/v1/jobs/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Status;
}

async function waitFor(server: Server, id: string, done: (s: Status) => boolean, timeoutMs = 120_000): Promise<Status> {
  const start = Date.now();
  for (;;) {
    const s = await status(server, id);
    if (done(s)) return s;
    if (Date.now() - start > timeoutMs) throw new Error(`job still ${s.state}/${s.progress.phase}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let dir: string;
let server: Server | undefined;
let ordersText: string;
let stockText: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xbroute-crash-'));
  // A batch that takes a few seconds to plan, so the kill lands mid-solve.
  const generated = await runCli(['generate', '--orders', '300', '--seed', '7', '--out-dir', dir]);
  expect(generated.code).toBe(0);
  ordersText = readFileSync(join(dir, 'orders.csv'), 'utf8');
  stockText = readFileSync(join(dir, 'stock.csv'), 'utf8');
});
afterAll(async () => {
  if (server !== undefined && server.child.exitCode === null) await killed(server);
  rmSync(dir, { recursive: true, force: true });
});

describe('a server killed mid-solve', () => {
  it('re-runs the job after a restart and ends with the uninterrupted plan; the finished job survives another restart', async () => {
    const dataDir = join(dir, 'data');
    server = await startServer(dataDir);
    const form = new FormData();
    form.append('orders', new Blob([ordersText]), 'orders.csv');
    form.append('stock', new Blob([stockText]), 'stock.csv');
    const submitted = await fetch(`${server.base}/v1/jobs`, { method: 'POST', body: form });
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };

    const during = await waitFor(server, id, (s) => s.state === 'running' && s.progress.phase !== 'loading');
    expect(during.state).toBe('running');
    await killed(server);

    server = await startServer(dataDir);
    const after = await waitFor(server, id, (s) => s.state !== 'queued' && s.state !== 'running');
    expect(after.state).toBe('succeeded');
    // Started twice: before the kill, and again from its stored inputs after the restart.
    expect(after.attempts).toBe(2);
    const served = await (await fetch(`${server.base}/v1/jobs/${id}/plan`)).text();

    // The reference: the same batch planned in one go by the library.
    const inputs = loadInputs({ network: BUNDLED_NETWORK, orders: join(dir, 'orders.csv'), stock: join(dir, 'stock.csv') });
    const planner = createPlanner({ network: inputs.network, stock: inputs.stock ?? [], workers: 1 });
    try {
      expect(served).toBe(planText(await planner.plan(inputs.orders ?? [])));
    } finally {
      await planner.close();
    }

    await killed(server);
    server = await startServer(dataDir);
    expect((await status(server, id)).state).toBe('succeeded');
    expect(await (await fetch(`${server.base}/v1/jobs/${id}/plan`)).text()).toBe(served);
  }, 240_000);
});
