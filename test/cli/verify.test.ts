// `xbroute verify`: accepts a plan `xbroute plan` wrote, rejects a hand-corrupted one naming the
// broken rule and where, and treats a file that is not a plan as invalid input (exit 2).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolation } from '../../src/cli/commands/verify.js';
import { DATA_DIR } from '../../src/cli/paths.js';
import type { Plan, PlannedOrder } from '../../src/domain/plan.js';
import { runCli } from '../fixtures/run-cli.js';
import { tempDir } from '../fixtures/tiny.js';

const EXAMPLE = join(DATA_DIR, 'examples', 'tiny');
const INPUTS = [
  '--network', join(EXAMPLE, 'network.json'),
  '--orders', join(EXAMPLE, 'orders.csv'),
  '--stock', join(EXAMPLE, 'stock.csv'),
];

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const planPath = join(tmp.dir, 'plan.json');
let planText = '';
beforeAll(async () => {
  const r = await runCli(['plan', ...INPUTS, '--solver', 'heuristic', '--out', planPath, '--quiet']);
  if (r.code !== 0) throw new Error(`plan failed: ${r.stderr}`);
  planText = readFileSync(planPath, 'utf8');
});

/** The written plan with one edit, saved under `name`. */
function corrupted(name: string, edit: (plan: Plan) => void): string {
  const plan = JSON.parse(planText) as Plan;
  edit(plan);
  return tmp.write(name, JSON.stringify(plan, null, 2));
}

describe('xbroute verify', () => {
  it('accepts the plan `xbroute plan` wrote: exit 0 and one OK line', async () => {
    const r = await runCli(['verify', '--plan', planPath, ...INPUTS]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // 10 orders; the example's logistics cost, 4,457.00 CNY (see data/examples/tiny/expected-summary.txt).
    expect(r.stdout).toBe('OK: plan valid (10 orders, cost 4,457.00 CNY)\n');
  });

  it('rejects a plan whose parcel cost was edited: exit 2, rule and place named', async () => {
    const path = corrupted('cost.json', (plan) => {
      const ex01 = plan.orders.find((o) => o.order === 'EX-01') as PlannedOrder;
      ex01.parcels[0]!.cost.total += 1;
    });
    const r = await runCli(['verify', '--plan', path, ...INPUTS]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^violation: COST_TOTAL: order EX-01, parcel EX-01\/1: .*\(expected \d+, found \d+\)$/m);
    expect(r.stderr).toMatch(/the plan is invalid \(\d+ violations?\)\n$/);
  });

  it('rejects a plan that drops an order, as ORDER_MISSING', async () => {
    const path = corrupted('missing.json', (plan) => {
      plan.orders = plan.orders.filter((o) => o.order !== 'EX-08');
    });
    const r = await runCli(['verify', '--plan', path, ...INPUTS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^violation: ORDER_MISSING: order EX-08: /m);
  });

  it('prints { ok, violations } for --json, with the exit code of the verdict', async () => {
    const good = await runCli(['verify', '--plan', planPath, ...INPUTS, '--json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, violations: [], orders: 10, totalCostMinor: 445700, recomputedCostMinor: 445700 });

    const path = corrupted('cost-json.json', (plan) => {
      const ex01 = plan.orders.find((o) => o.order === 'EX-01') as PlannedOrder;
      ex01.parcels[0]!.cost.total += 1;
    });
    const bad = await runCli(['verify', '--plan', path, ...INPUTS, '--json']);
    expect(bad.code).toBe(2);
    const out = JSON.parse(bad.stdout) as { ok: boolean; violations: { rule: string; order?: string }[] };
    expect(out.ok).toBe(false);
    expect(out.violations).toContainEqual(expect.objectContaining({ rule: 'COST_TOTAL', order: 'EX-01' }));
  });

  it('exits 2 for a file that is not JSON, naming the file and the line', async () => {
    const path = tmp.write('broken.json', '{ "schema": "xbroute.plan/v2", "orders": [}');
    const r = await runCli(['verify', '--plan', path, ...INPUTS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${path}: line 1`);
  });

  it('exits 2 for JSON that is not a plan, naming the JSON path', async () => {
    const path = corrupted('not-a-plan.json', (plan) => {
      (plan.orders[0] as unknown as Record<string, unknown>)['slackMinutes'] = 'plenty';
    });
    const r = await runCli(['verify', '--plan', path, ...INPUTS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${path}: orders[0].slackMinutes`);
  });

  it('warns when verifying against another network than the plan was made on', async () => {
    // The bundled inputs: the plan answers none of their orders, so it is invalid too.
    const r = await runCli(['verify', '--plan', planPath]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('warning: the plan was made on network "tiny-example"');
    expect(r.stderr).toMatch(/^violation: ORDER_UNKNOWN: order EX-01: /m);
  });

  it('exits 1 without --plan', async () => {
    expect((await runCli(['verify', ...INPUTS])).code).toBe(1);
  });
});

describe('formatViolation', () => {
  it('names the rule, the ids the violation has, the message and the figures', () => {
    expect(formatViolation({ rule: 'COST_TOTAL', order: 'O-1', parcel: 'O-1/1', message: 'cost.total is 6', expected: 5, found: 6 }))
      .toBe('COST_TOTAL: order O-1, parcel O-1/1: cost.total is 6 (expected 5, found 6)');
    expect(formatViolation({ rule: 'TOTALS', message: 'totals.orders is 8' })).toBe('TOTALS: totals.orders is 8');
    expect(formatViolation({ rule: 'STOCK_OVERDRAWN', node: 'BW-PVG', sku: 'FORMULA', message: 'm', found: 7 }))
      .toBe('STOCK_OVERDRAWN: node BW-PVG, sku FORMULA: m (found 7)');
  });

  it('does not repeat a subject the message starts with when the location names it', () => {
    expect(formatViolation({ rule: 'COST_TOTAL', order: 'O-1', parcel: 'O-1/1', message: 'parcel O-1/1: cost.total is 6' }))
      .toBe('COST_TOTAL: order O-1, parcel O-1/1: cost.total is 6');
    // A subject the location does not name stays in the message.
    expect(formatViolation({ rule: 'DEADLINE', order: 'O-1', message: 'order O-2: deadline' })).toBe('DEADLINE: order O-1: order O-2: deadline');
  });
});
