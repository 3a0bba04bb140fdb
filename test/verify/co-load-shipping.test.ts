// SHIPPING: a consolidation ships the way the tariff gives for its load — loose under a
// consolidator's MAWB (co-load) when the lane offers it and it is cheaper, else on our own —
// and a co-loaded one books none of our ULDs. Figures from the fixture's C1 (test/verify/fixtures.ts):
// 39.3 kg, 0.108 m³, chargeable 39.5 kg [P-O1 22, P-O2 17.5]; own 90,000 + 50,000 + 20,000 = 160,000.
import { describe, expect, it } from 'vitest';
import type { Network } from '../../src/domain/network.js';
import type { Plan } from '../../src/domain/plan.js';
import { consolidationOf, parcelOf, plannedOrder, rulesOf, verifyCorrupted, violationsOf } from './harness.js';

/** Co-load at 2,000 per kg, minimum 30,000: 2,000 × 39.5 = 79,000 < 160,000 → C1 ships loose. */
const cheapOffer = (network: Network): void => {
  network.lanes.find((l) => l.id === 'AIR-LAX-PVG')!.coLoad = { perKgMinor: 2_000, minChargeMinor: 30_000 };
};
/** Co-load at 5,000 per kg: 197,500 > 160,000 → C1 stays on our own MAWB. */
const dearOffer = (network: Network): void => {
  network.lanes.find((l) => l.id === 'AIR-LAX-PVG')!.coLoad = { perKgMinor: 5_000, minChargeMinor: 30_000 };
};

/**
 * Re-prices C1 as co-load at `perKg` (79,000 at 2,000/kg, shared by chargeable kg: 2,000 × 22 =
 * 44,000 and 2,000 × 17.5 = 35,000), moving each parcel's, order's and the plan's figures by
 * the difference, so the rest of the fixture (taxes included) stays as it is.
 */
function priceC1Loose(plan: Plan, perKg: number): void {
  const c1 = consolidationOf(plan, 'C1');
  const shares: [string, number, number, number][] = [
    ['O1', perKg * 22, 50127, 38987],
    ['O2', perKg * 17.5, 39873, 31013],
  ];
  let delta = 0;
  for (const [orderId, freight, oldFreight, oldFixed] of shares) {
    const d = freight - oldFreight - oldFixed;
    for (const cost of [parcelOf(plan, orderId).cost, plannedOrder(plan, orderId).cost]) {
      cost.freight += freight - oldFreight;
      cost.consolidation -= oldFixed;
      cost.total += d;
    }
    delta += d;
  }
  Object.assign(c1, { shipping: 'co_load', ulds: 0, utilisation: 0, freightMinor: perKg * 39.5, fixedMinor: 0, uldMinor: 0 });
  const totals = plan.totals.cost;
  totals.freight += perKg * 39.5 - 90000;
  totals.consolidation -= 70000;
  totals.total += delta;
  // The fixture's bound was worked for the own MAWB: a cheaper offer lowers every floor. A bound
  // of 0 needs no certificate.
  plan.totals.lowerBoundMinor = 0;
  delete plan.totals.boundCertificate;
  plan.totals.gap = 1;
}

describe('co-load consolidations', () => {
  it('accepts C1 shipped loose when that is cheaper, priced at the co-load rate', () => {
    const result = verifyCorrupted((plan) => priceC1Loose(plan, 2_000), { network: cheapOffer });
    expect(result.violations).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('rejects C1 priced as our own consolidation when shipping loose is cheaper', () => {
    // The fixture plan, unchanged: own MAWB at 160,000 where co-load costs 79,000.
    const result = verifyCorrupted(undefined, { network: cheapOffer });
    // And the fixture's bound, worked for the dearer own MAWB, is above the floors the offer allows.
    expect(rulesOf(result)).toEqual(['LOWER_BOUND_CERTIFICATE', 'SHIPPING']);
    expect(violationsOf(result, 'SHIPPING')).toMatchObject([{ consolidation: 'C1', expected: 'co_load', found: 'own' }]);
  });

  it('rejects C1 shipped loose when our own consolidation is cheaper', () => {
    // Co-load at 5,000/kg = 197,500 > 160,000: the plan's loose C1 (priced right for its way) is the dearer way.
    const result = verifyCorrupted((plan) => priceC1Loose(plan, 5_000), { network: dearOffer });
    expect(rulesOf(result)).toEqual(['SHIPPING']);
    expect(violationsOf(result, 'SHIPPING')).toMatchObject([{ consolidation: 'C1', expected: 'own', found: 'co_load' }]);
  });

  it('rejects a co-loaded C1 billed at our own figures (MAWB fee and ULD kept)', () => {
    // Says co_load, but keeps freight 90,000, fixed 50,000, 1 ULD at 20,000: the ULD and each
    // charge are wrong for co-load (the parcels' shares and the totals then disagree too).
    const result = verifyCorrupted((plan) => {
      consolidationOf(plan, 'C1').shipping = 'co_load';
    }, { network: cheapOffer });
    expect(rulesOf(result)).toEqual(expect.arrayContaining(['COST_COMPONENT', 'SHIPPING']));
    expect(violationsOf(result, 'SHIPPING')).toMatchObject([{ consolidation: 'C1', expected: 0, found: 1 }]);
    expect(violationsOf(result, 'COST_COMPONENT').filter((v) => v.consolidation === 'C1').map((v) => [v.expected, v.found])).toEqual([
      [79_000, 90_000],
      [0, 50_000],
      [0, 20_000],
    ]);
  });

  it('rejects co-load on a lane that offers none', () => {
    const result = verifyCorrupted((plan) => priceC1Loose(plan, 2_000));
    expect(rulesOf(result)).toContain('SHIPPING');
    expect(violationsOf(result, 'SHIPPING').map((v) => v.found)).toEqual(['co_load', 'co_load']);
  });
});
