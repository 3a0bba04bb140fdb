// planSummary: the plan's counts, money in minor and major units, bound, gap, ULD utilisation.
import { describe, expect, it } from 'vitest';
import { planSummary } from '../../src/output/summary.js';
import { fixturePlan } from './fixtures.js';

describe('planSummary', () => {
  it('counts orders, planned and unplanned by reason', () => {
    const s = planSummary(fixturePlan(), { elapsedMs: 1234 });
    expect(s).toMatchObject({ orders: 3, planned: 2, unplanned: { SLA_INFEASIBLE: 1 }, unplannedTotal: 1, parcels: 2, legs: 8 });
    // Reasons that do not occur are left out.
    expect(Object.keys(s.unplanned)).toEqual(['SLA_INFEASIBLE']);
  });

  it('gives money in minor and major units, and the bound and gap', () => {
    const s = planSummary(fixturePlan(), { elapsedMs: 1234 });
    expect(s.totalCostMinor).toBe(145600);
    expect(s.totalCost).toBe(1456);
    expect(s.costByComponent.freight).toEqual({ minor: 60000, major: 600, share: 60000 / 145600 });
    expect(s.taxes).toBe(57.32);
    expect(s.taxesMinor).toBe(5732);
    expect(Object.keys(s.costByComponent)).not.toContain('tax');
    expect(s.lowerBound).toBe(1400);
    expect(s.lowerBoundMinor).toBe(140000);
    expect(s.gap).toBeCloseTo(5600 / 145600, 12);
    expect(s).toMatchObject({ consolidations: 1, ulds: 1, timeLimited: false, solver: 'hand', elapsedMs: 1234 });
  });

  it('reports a null bound as null', () => {
    const plan = fixturePlan();
    plan.totals.lowerBoundMinor = null;
    plan.totals.gap = null;
    const s = planSummary(plan, { elapsedMs: 0 });
    expect(s.lowerBound).toBeNull();
    expect(s.gap).toBeNull();
  });

  it('weights ULD utilisation by the ULDs of each consolidation', () => {
    const plan = fixturePlan();
    const c1 = plan.consolidations[0]!;
    // (1 ULD at 0.5) and (3 ULDs at 0.9): (0.5 + 2.7) / 4 = 0.8, not the plain mean 0.7.
    plan.consolidations = [{ ...c1, ulds: 1, utilisation: 0.5 }, { ...c1, id: 'C2', ulds: 3, utilisation: 0.9 }];
    expect(planSummary(plan, { elapsedMs: 0 }).averageUldUtilisation).toBeCloseTo(0.8, 12);
    plan.consolidations = [];
    expect(planSummary(plan, { elapsedMs: 0 }).averageUldUtilisation).toBeNull();
  });
});
