// One chargeable-weight rule (src/tariff/chargeable-weight.ts parcelChargeableKg): a parcel's
// chargeableKg is taken at the divisor of its first air lane. Regression: the planner always
// used 6000, the verifier the lane's 5000, and `plan` exited 3.
import { describe, expect, it } from 'vitest';
import { chargeableKg, parcelChargeableKg } from '../../src/tariff/index.js';
import { setPath, tinyNetwork } from '../fixtures/tiny.js';
import { ordersCsv, planInputs } from './input-fixtures.js';

// A light, bulky parcel: 1 kg, 50 × 40 × 30 cm = 0.06 m³ → 10 kg at 6000, 12 kg at 5000.
const BULKY = ordersCsv(['O-1,2026-11-11T00:05:00+08:00,Z-SH,dm8,,,SKU-A,1,1,50,40,30,,129.90']);

describe('chargeable weight per lane', () => {
  it('uses the first air lane\'s divisor, 6000 without one', () => {
    const air5000 = { mode: 'air', volumetricDivisor: 5000 };
    const air6000 = { mode: 'air', volumetricDivisor: 6000 };
    const truck = { mode: 'truck', volumetricDivisor: 4000 };
    expect(parcelChargeableKg(1, 0.06, [truck, air5000, air6000])).toBe(12);
    expect(parcelChargeableKg(1, 0.06, [truck])).toBe(chargeableKg(1, 0.06, 6000));
  });

  it('is the same for planner and verifier on a 5000 lane (exit 0, not 3)', async () => {
    const network = setPath(tinyNetwork(), 'lanes[1].volumetricDivisor', 5000);
    const result = await planInputs({ network, orders: BULKY });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const order = result.plan?.orders[0];
    expect(order?.status).toBe('planned');
    if (order?.status !== 'planned') return;
    expect(order.parcels[0]?.chargeableKg).toBe(12);
  });
});
