// `xbroute compare` end to end, in-process, on the documented tiny example and the sample
// scenarios of data/scenarios: the side-by-side table, the same figures as CSV, located errors
// for a bad scenario (exit 2, nothing written) and usage errors (exit 1).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../fixtures/run-cli.js';
import { tempDir } from '../fixtures/tiny.js';
import { TINY_EXAMPLE } from '../scenario/fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const root = new URL('../../', import.meta.url);
const SCENARIOS = ['data/scenarios/tiny-mu-cancelled.json', 'data/scenarios/tiny-lh-daily.json'].map((p) => new URL(p, root).pathname);
const tinyArgs = [TINY_EXAMPLE.network, '--orders', TINY_EXAMPLE.orders, '--stock', TINY_EXAMPLE.stock, '--workers', '0'];

let result: CliResult;
let csvPath: string;

beforeAll(async () => {
  csvPath = join(tmp.dir, 'compare.csv');
  result = await runCli(['compare', ...tinyArgs, ...SCENARIOS.flatMap((s) => ['--scenario', s]), '--csv', csvPath]);
}, 120_000);

const csvRows = (): string[][] => readFileSync(csvPath, 'utf8').trimEnd().split('\n').map((line) => line.split(','));

describe('xbroute compare', () => {
  it('prints one column per plan: the base, then each scenario by name', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]?.trim().split(/\s{2,}/)).toEqual(['base', 'MU cancelled', 'LH daily']);
    expect(lines.some((l) => /^logistics cost\s+CNY\s+4,457\.00\s/.test(l))).toBe(true);
    expect(lines.some((l) => /^\s+via CP-PVG\s/.test(l))).toBe(true);
  });

  it('writes the same figures as CSV, money in major units', () => {
    const rows = csvRows();
    expect(rows[0]).toEqual(['metric', 'unit', 'base', 'MU cancelled', 'LH daily']);
    const row = (metric: string): string[] | undefined => rows.find((r) => r[0] === metric);
    expect(row('cost.total')?.slice(1, 3)).toEqual(['CNY', '4457.00']);
    for (const metric of ['orders', 'planned', 'cost.freight', 'taxes', 'parcels.port.CP-PVG', 'consolidations', 'lead_time.mean']) {
      expect(row(metric), metric).toBeDefined();
    }
    // The cancelled Wednesday flight makes LAX parcels wait for Friday's: later deliveries.
    const lead = row('lead_time.mean')?.slice(2).map(Number) ?? [];
    expect(lead[1]).toBeGreaterThan(lead[0] ?? Infinity);
    // Moving all the serum to Frankfurt leaves the order that may ship only from LAX without stock.
    expect(Number(row('unplanned.NO_STOCK')?.[4])).toBe(Number(row('unplanned.NO_STOCK')?.[2]) + 1);
  });

  it('a bad edit exits 2 naming the file, the edit and the field, and writes nothing', async () => {
    const bad = tmp.write('bad.json', JSON.stringify({
      schema: 'xbroute.scenario/v1', name: 'bad', edits: [{ kind: 'scale_rates', lane: 'AIR:NOPE', factor: 2 }],
    }));
    const out = join(tmp.dir, 'never.csv');
    const failed = await runCli(['compare', ...tinyArgs, '--scenario', bad, '--csv', out]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`error: ${bad}: edits[0].lane: lane: expected the id of a lane of the network, found "AIR:NOPE"`);
    expect(existsSync(out)).toBe(false);
  });

  it('two columns of one name are refused at the second file', async () => {
    const failed = await runCli(['compare', ...tinyArgs, '--scenario', SCENARIOS[0] ?? '', '--scenario', SCENARIOS[0] ?? '']);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(': name: name: expected a name no other column has');
  });

  it('without a scenario it is a usage error', async () => {
    const failed = await runCli(['compare', ...tinyArgs]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('give at least one --scenario');
  });
});
