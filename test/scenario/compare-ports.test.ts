// A what-if on the bundled network, planned end to end: closing the clearance at the port most
// parcels use (Shanghai Pudong) moves them to other ports in the compared plan, every plan
// verified; and the verifier, reading the same closed dates, refuses the base plan on the
// scenario's network (it would clear on closed days).
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE_COLUMN, compareScenarios } from '../../src/api/compare.js';
import { createPlanner } from '../../src/api/planner.js';
import { indexNetwork } from '../../src/domain/network-index.js';
import type { Order } from '../../src/domain/orders.js';
import type { Plan } from '../../src/domain/plan.js';
import { loadInputs, type LoadedInputs } from '../../src/io/load.js';
import { applyScenario } from '../../src/scenario/apply.js';
import type { Comparison } from '../../src/scenario/compare.js';
import { createTimeModel } from '../../src/time/index.js';
import { verifyPlan } from '../../src/verify/index.js';
import { scenarioOf } from './fixtures.js';

const root = new URL('../../', import.meta.url);
const path = (p: string): string => new URL(p, root).pathname;

const CLOSURE = scenarioOf([{ kind: 'close_lane', lane: 'CLR:AP-PVG:CP-PVG', from: '2026-11-01', to: '2026-12-31' }], 'PVG closed');

let inputs: LoadedInputs;
let orders: Order[];
let comparison: Comparison;
let basePlan: Plan;

const valuesOf = (metric: string): (number | null)[] => comparison.rows.find((r) => r.metric === metric)?.values ?? [0, 0];

beforeAll(async () => {
  inputs = loadInputs({ network: path('data/network.json'), orders: path('data/orders-s.csv'), stock: path('data/stock-s.csv') });
  // The first 60 orders of the bundled batch: enough to use several ports, quick to plan twice.
  orders = (inputs.orders ?? []).slice(0, 60);
  const stock = inputs.stock ?? [];
  comparison = await compareScenarios({ network: inputs.network, stock, orders, scenarios: [{ scenario: CLOSURE, file: 'pvg.json' }], workers: 0 });
  const planner = createPlanner({ network: inputs.network, stock, workers: 0 });
  basePlan = await planner.plan(orders);
  await planner.close();
}, 120_000);

describe('compare: closing the busiest port', () => {
  it('the base uses CP-PVG; with its clearance closed, nothing goes through it and other ports take the parcels', () => {
    expect(comparison.columns).toEqual([BASE_COLUMN, 'PVG closed']);
    const [pvgBase, pvgClosed] = valuesOf('parcels.port.CP-PVG');
    expect(pvgBase).toBeGreaterThan(0);
    expect(pvgClosed).toBe(0);
    const otherPorts = (column: number): number =>
      comparison.rows
        .filter((r) => r.metric.startsWith('parcels.port.CP-') && r.metric !== 'parcels.port.CP-PVG')
        .reduce((sum, r) => sum + (r.values[column] ?? 0), 0);
    expect(otherPorts(1)).toBeGreaterThan(otherPorts(0));
    // A closure only takes choices away: no order planned that the base could not plan.
    const [plannedBase, plannedClosed] = valuesOf('planned');
    expect(plannedClosed).toBeLessThanOrEqual(plannedBase ?? 0);
  });

  it('the base column is the plan of the base network', () => {
    expect(valuesOf('cost.total')[0]).toBe(basePlan.totals.cost.total);
    expect(valuesOf('orders')).toEqual([60, 60]);
  });

  it('the verifier honours the closure: the base plan is refused on the scenario network', () => {
    const edited = applyScenario({ network: inputs.network, stock: inputs.stock ?? [] }, CLOSURE, 'pvg.json');
    const model = createTimeModel(indexNetwork(edited.network));
    const verdict = verifyPlan({ model, orders, stock: edited.stock }, basePlan);
    expect(verdict.ok).toBe(false);
    expect(verdict.violations.some((v) => v.rule === 'NO_SUCH_DEPARTURE')).toBe(true);
  });
});
