// Shared capacities: a departure's ULD allotment, a clearance port's parcels per local day.
import { describe, expect, it } from 'vitest';
import { consolidationOf, rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('capacity', () => {
  it('names a departure booked over its ULD allotment (DEPARTURE_OVER_CAPACITY)', () => {
    // C1 books 2 AKEs (utilisation on 2: 0.108 / 8.6) where the lane allows 1 per departure
    // (and its load needs only 1: ULDS_TOO_MANY as well).
    const result = verifyCorrupted((plan) => {
      Object.assign(consolidationOf(plan, 'C1'), { ulds: 2, utilisation: 0.108 / 8.6 });
    });
    expect(rulesOf(result)).toEqual(['DEPARTURE_OVER_CAPACITY', 'ULDS_TOO_MANY']);
    expect(violationsOf(result, 'DEPARTURE_OVER_CAPACITY')).toMatchObject([
      { departure: 'AIR-LAX-PVG@2026-11-10T23:30:00-08:00', consolidation: 'C1', expected: '≤ 1', found: 2 },
    ]);
  });

  it('adds up the ULDs of all consolidations on one departure (DEPARTURE_OVER_CAPACITY)', () => {
    // Split C1 in two consolidations of one ULD each on the same flight: 2 > 1. (The split
    // changes every cost; only the capacity finding is asserted.)
    const result = verifyCorrupted((plan) => {
      const c1 = consolidationOf(plan, 'C1');
      const c2 = { ...structuredClone(c1), id: 'C2', parcels: ['P-O2'] };
      c1.parcels = ['P-O1'];
      plan.consolidations.push(c2);
      const answer = plan.orders.find((a) => a.order === 'O2');
      const leg = answer?.status === 'planned' ? answer.parcels[0]?.legs.find((l) => l.lane === 'AIR-LAX-PVG') : undefined;
      if (leg !== undefined) leg.consolidation = 'C2';
    });
    const [violation] = violationsOf(result, 'DEPARTURE_OVER_CAPACITY');
    expect(violation).toMatchObject({ found: 2 });
    expect(violation?.message).toContain('C1, C2');
  });

  it('names a clearance port over its daily parcel capacity (PORT_OVER_CAPACITY)', () => {
    // P-O1 and P-O2 both start clearance at PORT-SH on Thursday 2026-11-12: 2 > 1.
    const result = verifyCorrupted(undefined, {
      network: (network) => {
        const port = network.nodes.find((n) => n.id === 'PORT-SH');
        if (port !== undefined) port.dailyParcelCapacity = 1;
      },
    });
    expect(rulesOf(result)).toEqual(['PORT_OVER_CAPACITY']);
    const [violation] = violationsOf(result, 'PORT_OVER_CAPACITY');
    expect(violation).toMatchObject({ node: 'PORT-SH', expected: '≤ 1', found: 2 });
    expect(violation?.message).toContain('2026-11-12');
  });
});
