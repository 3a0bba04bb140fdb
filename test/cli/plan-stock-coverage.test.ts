// `xbroute plan --orders X` without --stock plans against the bundled stock; when that stock
// holds little of what the orders ask for, a warning says so (how much, and what to pass).
// Stock that covers the batch gets no such warning. (The tests share one generated batch.)
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.js';
import { tempDir } from '../fixtures/tiny.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// A generated 5,000-order batch asks for some 8,000 units; the bundled stock (made for the
// 1,000 orders of data/orders-s.csv) holds a fraction of them.
async function generated(): Promise<string> {
  const dir = join(tmp.dir, 'g5');
  const r = await runCli(['generate', '--orders', '5000', '--seed', '9', '--out-dir', dir]);
  expect(r.code).toBe(0);
  return dir;
}

describe('xbroute plan: stock coverage warning', () => {
  it('without --stock: warns that the bundled stock holds little of the demand, and what to pass', async () => {
    const dir = await generated();
    const r = await runCli(['plan', '--orders', join(dir, 'orders.csv'), '--solver', 'baseline']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^warning: the bundled stock \(.*stock-s\.csv; no --stock given\) holds [\d,]+ of the [\d,]+ units the orders ask for \(\d+ %\): most orders will end NO_STOCK; pass --stock with the stock for these orders$/m,
    );
  });

  it('goes into the --json summary, also with --quiet', async () => {
    const dir = join(tmp.dir, 'g5');
    const r = await runCli(['plan', '--orders', join(dir, 'orders.csv'), '--solver', 'baseline', '--quiet', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const summary = JSON.parse(r.stdout) as { inputWarnings: string[] };
    expect(summary.inputWarnings.filter((w) => w.includes('units the orders ask for'))).toHaveLength(1);
  });

  it('says nothing when the stock is the batch\'s own', async () => {
    const dir = join(tmp.dir, 'g5');
    const r = await runCli(['plan', '--orders', join(dir, 'orders.csv'), '--stock', join(dir, 'stock.csv'), '--solver', 'baseline']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('units the orders ask for');
  });
});
