// SIGINT and SIGTERM while `xbroute plan` writes its outputs: the temp files it has made
// (.plan.json.<tag>.tmp) are removed and the process exits 130 / 143. The write is held open
// by a --geojson pipe nobody reads yet (writing to a pipe blocks until a reader opens it); the
// regular outputs' temps are written before it, so the signal lands mid-write. Runs the
// built bin in a child process: a signal handler is process-wide. A process blocked writing
// to a pipe cannot exit normally, so the bin lets the signal end it: the status checked is the
// one a shell reports ($?), 128 + the signal's number either way.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_DIR, PACKAGE_ROOT } from '../../src/cli/paths.js';
import { tempDir } from '../fixtures/tiny.js';

const BIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const EXAMPLE = join(DATA_DIR, 'examples', 'tiny');
const FAST = ['--network', join(EXAMPLE, 'network.json'), '--orders', join(EXAMPLE, 'orders.csv'), '--stock', join(EXAMPLE, 'stock.csv'), '--solver', 'heuristic'];

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const SIGNAL_NUMBER: Record<string, number> = { SIGINT: 2, SIGTERM: 15 };

/** The child's exit status as a shell reports it. */
function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code: code ?? (signal === null ? null : 128 + (SIGNAL_NUMBER[signal] ?? 0)), stderr })),
  );
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const endMs = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > endMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('%s during the write', (signal, expectedCode) => {
  it(`removes the temp files and exits ${expectedCode}`, async () => {
    const dir = join(tmp.dir, signal);
    mkdirSync(dir);
    const fifo = join(dir, 'routes.fifo');
    execFileSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [BIN, 'plan', ...FAST, '--out', join(dir, 'plan.json'), '--csv', join(dir, 'plan.csv'), '--geojson', fifo], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const done = exited(child);
    const temps = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    await until(() => temps().length === 2, 20_000);
    child.kill(signal);
    const { code, stderr } = await done;
    expect(code).toBe(expectedCode);
    expect(stderr).toContain(`interrupted (${signal})`);
    expect(readdirSync(dir)).toEqual(['routes.fifo']);
    expect(existsSync(join(dir, 'plan.json'))).toBe(false);
  });
});
