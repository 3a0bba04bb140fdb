// `xbroute generate` in-process: writes both files exactly as the library generates them,
// rejects bad options with exit 1, and leaves nothing behind when it cannot write.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { generateBatch } from '../../src/generate/batch.js';
import { batchToCsv } from '../../src/generate/write-batch.js';
import { FIXTURE_NETWORK } from './fixture-network.js';

const work = mkdtempSync(join(tmpdir(), 'xbroute-cli-generate-'));
const networkPath = join(work, 'network.json');
writeFileSync(networkPath, JSON.stringify(FIXTURE_NETWORK));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['generate', '--network', networkPath, ...args], {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    isTty: false,
  });
  return { code, stdout, stderr };
}

describe('xbroute generate', () => {
  it('writes orders.csv and stock.csv equal to the library batch and prints a summary', async () => {
    const out = join(work, 'ok', 'nested');
    const { code, stdout } = await cli(['--orders', '300', '--seed', '8', '--profile', 'double-eleven', '--out-dir', out]);
    expect(code).toBe(0);
    const expected = batchToCsv(generateBatch(FIXTURE_NETWORK, { orders: 300, seed: 8, profile: 'double-eleven' }));
    expect(readFileSync(join(out, 'orders.csv'), 'utf8')).toBe(expected.ordersCsv);
    expect(readFileSync(join(out, 'stock.csv'), 'utf8')).toBe(expected.stockCsv);
    expect(readdirSync(out).sort()).toEqual(['orders.csv', 'stock.csv']);
    expect(stdout).toMatch(/^generated 300 orders \(\d+ lines\) and \d+ stock records .*orders\.csv.*stock\.csv\n$/);
  });

  it.each([
    [['--orders', '0', '--seed', '1'], '--orders'],
    [['--orders', '1000001', '--seed', '1'], '--orders'],
    [['--orders', '12.5', '--seed', '1'], '--orders'],
    [['--orders', 'ten', '--seed', '1'], '--orders'],
    [['--orders', '10', '--seed', '1.5'], '--seed'],
    [['--orders', '10', '--seed', '1', '--profile', 'black-friday'], '--profile'],
    [['--orders', '10', '--seed', '1', '--start', '2026-11-23 00:00'], '--start'],
    [['--orders', '10'], '--seed'],
  ])('rejects %j with exit 1 naming %s, writing nothing', async (args, option) => {
    const out = join(work, `bad-${option}-${args.join('_').replace(/[^\w.-]/g, '_')}`);
    const { code, stderr } = await cli([...args, '--out-dir', out]);
    expect(code).toBe(1);
    expect(stderr).toContain(option);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 naming the file when the network cannot be read', async () => {
    let stderr = '';
    const code = await run(['generate', '--network', join(work, 'missing.json'), '--orders', '5', '--seed', '1', '--out-dir', join(work, 'x')], {
      stdout: () => undefined, stderr: (t) => { stderr += t; }, isTty: false,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('missing.json');
  });

  it('exits 1 and creates nothing when the out dir lies under a regular file', async () => {
    const blocker = join(work, 'blocker');
    writeFileSync(blocker, 'not a directory');
    const { code, stderr } = await cli(['--orders', '5', '--seed', '1', '--out-dir', join(blocker, 'out')]);
    expect(code).toBe(1);
    expect(stderr).toContain('--out-dir');
    expect(readFileSync(blocker, 'utf8')).toBe('not a directory');
  });

  it('leaves no orders.csv and no temp file when stock.csv cannot be written (its path is a directory)', async () => {
    const out = join(work, 'half');
    mkdirSync(join(out, 'stock.csv'), { recursive: true });
    const { code, stderr } = await cli(['--orders', '5', '--seed', '1', '--out-dir', out]);
    expect(code).toBe(1);
    expect(stderr).toContain('nothing was written');
    // Only the blocking directory remains: orders.csv was renamed in, then rolled back.
    expect(readdirSync(out)).toEqual(['stock.csv']);
  });

  it('shows examples in --help', async () => {
    let stdout = '';
    const code = await run(['generate', '--help'], { stdout: (t) => { stdout += t; }, stderr: () => undefined, isTty: false });
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('--profile double-eleven');
  });
});
