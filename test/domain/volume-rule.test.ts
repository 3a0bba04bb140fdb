// One volume rule for planner and verifier (src/domain/measure.ts): a line with both box
// dimensions and unit_volume_m3 is measured by its box; validate warns when the two disagree.
// Regression: the planner took the box, the verifier the stated volume, and `plan` exited 3.
import { describe, expect, it } from 'vitest';
import { boxVolumeM3, unitVolumeM3, volumeDisagreement } from '../../src/domain/measure.js';
import { ordersCsv, planInputs, validateInputs } from './input-fixtures.js';

// 30 × 20 × 10 cm = 0.006 m³; stated 0.03 m³ (five times more): a unit mistake somewhere.
const BOTH = ordersCsv(['O-1,2026-11-11T00:05:00+08:00,Z-SH,dm8,,,SKU-A,1,1.2,30,20,10,0.03,129.90']);

describe('a line with both box dimensions and a stated volume', () => {
  it('is measured by its box', () => {
    const line = { dimensionsCm: [30, 20, 10] as [number, number, number], unitVolumeM3: 0.03 };
    expect(unitVolumeM3(line)).toBeCloseTo(0.006, 12);
    expect(boxVolumeM3([30, 20, 10])).toBeCloseTo(0.006, 12);
    expect(volumeDisagreement(line)).toBeCloseTo(0.006, 12);
    expect(volumeDisagreement({ dimensionsCm: [30, 20, 10], unitVolumeM3: 0.0061 })).toBeUndefined();
  });

  it('plans, and the verifier agrees with the planner (exit 0, not 3)', async () => {
    const result = await planInputs({ orders: BOTH });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const order = result.plan?.orders[0];
    expect(order?.status).toBe('planned');
    if (order?.status !== 'planned') return;
    expect(order.parcels[0]?.volumeM3).toBeCloseTo(0.006, 12);
  });

  it('validates with a located warning when the two disagree by more than 5 %', async () => {
    const result = await validateInputs({ orders: BOTH });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: .*orders\.csv: line 3: unit_volume_m3: expected a volume within 5 % of the box's 0\.006 m³ \(the box's volume is used\), found 0\.03 m³/);
  });
});
