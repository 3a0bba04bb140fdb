// `xbroute plan`: exit codes, the --json summary, the written outputs, and that outputs are
// written all or none. Runs on the documented example (data/examples/tiny, 10 orders: 7 planned,
// NO_STOCK, SLA_INFEASIBLE and OVER_VALUE_LIMIT once each; 6 parcels with 18 legs in all).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../src/cli/paths.js';
import type { Plan } from '../../src/domain/plan.js';
import { readCsv } from '../../src/io/csv.js';
import { PLAN_CSV_HEADER } from '../../src/output/plan-csv.js';
import { runCli } from '../fixtures/run-cli.js';
import { tempDir } from '../fixtures/tiny.js';

const EXAMPLE = join(DATA_DIR, 'examples', 'tiny');
const NETWORK = join(EXAMPLE, 'network.json');
const ORDERS = join(EXAMPLE, 'orders.csv');
const STOCK = join(EXAMPLE, 'stock.csv');
const INPUTS = ['--network', NETWORK, '--orders', ORDERS, '--stock', STOCK];
// The tiny example plans the same with every solver; heuristic is the quickest to start.
const FAST = [...INPUTS, '--solver', 'heuristic'];

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A fresh, empty directory for one test's outputs. */
let dirs = 0;
function outDir(): string {
  const dir = join(tmp.dir, `out-${++dirs}`);
  mkdirSync(dir);
  return dir;
}

describe('xbroute plan: outputs', () => {
  it('writes plan JSON, CSV and GeoJSON that parse, and prints the text summary', async () => {
    const dir = outDir();
    const [out, csv, geojson] = ['plan.json', 'plan.csv', 'routes.geojson'].map((f) => join(dir, f)) as [string, string, string];
    const r = await runCli(['plan', ...FAST, '--out', out, '--csv', csv, '--geojson', geojson]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^orders +10$/m);
    expect(r.stdout).toMatch(/^planned +7$/m);
    expect(r.stdout).toMatch(/^logistics cost +4,457\.00 CNY$/m);

    const planText = readFileSync(out, 'utf8');
    expect(planText.endsWith('}\n')).toBe(true);
    expect(planText).toContain('\n  "schema": "xbroute.plan/v2",\n'); // 2-space indentation
    const plan = JSON.parse(planText) as Plan;
    expect(plan.orders).toHaveLength(10);

    // One row per parcel leg (22) and one per unplanned order (3), under the documented header.
    const table = readCsv(readFileSync(csv, 'utf8'));
    expect(table.problems).toEqual([]);
    expect(table.records[0]?.cells).toEqual([...PLAN_CSV_HEADER]);
    expect(table.records).toHaveLength(1 + 22 + 3);

    const geo = JSON.parse(readFileSync(geojson, 'utf8')) as { type: string; features: { geometry: { type: string } }[] };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.some((f) => f.geometry.type === 'Point')).toBe(true);
    expect(geo.features.some((f) => f.geometry.type !== 'Point')).toBe(true);
  });

  it('writes nothing without --out/--csv/--geojson', async () => {
    // Run from an empty working directory: a default output file would land there.
    const dir = outDir();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await runCli(['plan', ...FAST]);
      expect(r.code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('replaces an existing plan file', async () => {
    const dir = outDir();
    const out = join(dir, 'plan.json');
    writeFileSync(out, 'stale');
    expect((await runCli(['plan', ...FAST, '--out', out])).code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Plan).schema).toBe('xbroute.plan/v2');
    expect(readdirSync(dir)).toEqual(['plan.json']); // no temp file left beside it
  });
});

describe('xbroute plan: --json', () => {
  it('prints one JSON document with the summary figures and nothing on stderr', async () => {
    const r = await runCli(['plan', ...FAST, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const summary = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      orders: 10,
      planned: 7,
      unplanned: { NO_STOCK: 1, SLA_INFEASIBLE: 1, OVER_VALUE_LIMIT: 1 },
      totalCost: 4457,
      taxes: 1616.8,
      outputs: { plan: null, csv: null, geojson: null },
      inputWarnings: [],
    });
    for (const key of ['lowerBound', 'gap', 'elapsedMs']) expect(summary).toHaveProperty(key);
    expect(typeof summary['elapsedMs']).toBe('number');
  });

  it('runs --solver baseline: no lower bound, so lowerBound and gap are null', async () => {
    const dir = outDir();
    const out = join(dir, 'plan.json');
    const r = await runCli(['plan', ...INPUTS, '--solver', 'baseline', '--json', '--out', out]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ solver: 'baseline', lowerBound: null, gap: null, planned: 7, outputs: { plan: out } });
    expect((JSON.parse(readFileSync(out, 'utf8')) as Plan).solver).toBe('baseline');
  });
});

describe('xbroute plan: warnings', () => {
  // A zone no lane reaches is a network warning, not an error: planning goes on.
  const network = JSON.parse(readFileSync(NETWORK, 'utf8')) as { nodes: unknown[] };
  network.nodes.push({
    id: 'Z-XZ', kind: 'zone', name: 'Tibet', country: 'CN', lat: 29.65, lon: 91.1, timeZone: 'Asia/Shanghai', calendar: 'CN',
  });
  const warnedNetwork = tmp.write('network-with-unreachable-zone.json', JSON.stringify(network));
  const inputs = ['--network', warnedNetwork, '--orders', ORDERS, '--stock', STOCK, '--solver', 'heuristic'];

  it('prints input warnings on stderr, and not with --quiet', async () => {
    const loud = await runCli(['plan', ...inputs]);
    expect(loud.code).toBe(0);
    expect(loud.stderr).toMatch(/^warning: .*Z-XZ/m);
    const quiet = await runCli(['plan', ...inputs, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('puts them into the JSON summary with --json', async () => {
    const r = await runCli(['plan', ...inputs, '--json']);
    expect(r.stderr).toBe('');
    const summary = JSON.parse(r.stdout) as { inputWarnings: string[] };
    expect(summary.inputWarnings).toEqual([expect.stringContaining('Z-XZ')]);
  });
});

describe('xbroute plan: exit codes', () => {
  it('exits 2 on invalid input, names the problem, and writes no output', async () => {
    const dir = outDir();
    // Line 3 of the orders file is EX-01's; its destination becomes a node that is no zone.
    const lines = readFileSync(ORDERS, 'utf8').split('\n');
    lines[2] = lines[2]!.replace(',Z-SH,', ',SB-LAX,');
    const badOrders = tmp.write('bad-orders.csv', lines.join('\n'));
    const r = await runCli([
      'plan', '--network', NETWORK, '--orders', badOrders, '--stock', STOCK,
      '--out', join(dir, 'plan.json'), '--csv', join(dir, 'plan.csv'), '--geojson', join(dir, 'routes.geojson'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${badOrders}: line 3: destination:`);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 1 on usage errors: unknown solver, bad --time-limit, unknown option', async () => {
    const solver = await runCli(['plan', ...INPUTS, '--solver', 'gurobi']);
    expect(solver.code).toBe(1);
    expect(solver.stderr).toContain('gurobi');
    const limit = await runCli(['plan', ...FAST, '--time-limit', 'soon']);
    expect(limit.code).toBe(1);
    expect(limit.stderr).toContain('--time-limit');
    expect((await runCli(['plan', ...FAST, '--colour'])).code).toBe(1);
  });

  it('exits 1 when two outputs name the same file', async () => {
    const dir = outDir();
    const r = await runCli(['plan', ...FAST, '--out', join(dir, 'x'), '--csv', join(dir, 'x')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--out and --csv');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('plans within --time-limit and still writes a verified plan', async () => {
    const dir = outDir();
    const out = join(dir, 'plan.json');
    const r = await runCli(['plan', ...FAST, '--time-limit', '60', '--out', out]);
    expect(r.code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Plan).orders).toHaveLength(10);
  });
});

describe('xbroute plan: all outputs or none', () => {
  it('an unwritable --csv path (missing directory) fails and leaves no plan.json behind', async () => {
    const dir = outDir();
    const r = await runCli(['plan', ...FAST, '--out', join(dir, 'plan.json'), '--csv', join(dir, 'missing', 'plan.csv')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--csv');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a --csv target that turns out unwritable at the final rename (a directory) rolls back plan.json', async () => {
    // plan.json is renamed into place first, then the CSV rename fails: the new plan.json must go again.
    const dir = outDir();
    mkdirSync(join(dir, 'plan.csv'));
    writeFileSync(join(dir, 'plan.csv', 'keep'), 'a non-empty directory');
    const r = await runCli(['plan', ...FAST, '--out', join(dir, 'plan.json'), '--csv', join(dir, 'plan.csv'), '--geojson', join(dir, 'routes.geojson')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--csv');
    expect(r.stderr).toContain('no output file was written');
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'plan.json'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['plan.csv']); // no temp files left either
  });
});
