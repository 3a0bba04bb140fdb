// The `xbroute plan` summary ends by saying which files it wrote (as given on the command
// line, in option order), or that it wrote none.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../src/cli/paths.js';
import { runCli } from '../fixtures/run-cli.js';
import { tempDir } from '../fixtures/tiny.js';

const EXAMPLE = join(DATA_DIR, 'examples', 'tiny');
const FAST = ['--network', join(EXAMPLE, 'network.json'), '--orders', join(EXAMPLE, 'orders.csv'), '--stock', join(EXAMPLE, 'stock.csv'), '--solver', 'heuristic'];
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('xbroute plan: the files written', () => {
  it('are listed on the summary\'s last line', async () => {
    const out = join(tmp.dir, 'plan.json');
    const geojson = join(tmp.dir, 'routes.geojson');
    const r = await runCli(['plan', ...FAST, '--geojson', geojson, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`written             ${out}, ${geojson}`);
  });

  it('says so when none was asked for', async () => {
    const r = await runCli(['plan', ...FAST]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('written             nothing (no --out, --csv or --geojson)');
  });
});
