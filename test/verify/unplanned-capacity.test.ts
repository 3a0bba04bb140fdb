// A CAPACITY answer holds only if every routing in time is full: the verifier looks for one
// allowed source holding the whole order that reaches the zone in time on departures with ULD
// room and clearance-port days with parcels to spare.
import { describe, expect, it } from 'vitest';
import type { Network } from '../../src/domain/network.js';
import type { Order } from '../../src/domain/orders.js';
import { answerExtra, consolidationOf, extraOrder, rulesOf, unplan, verifyCorrupted, violationsOf } from './harness.js';

// O5: 1 × SKU-B (2.1 kg) from BASE-US, created with O1, promised for Monday 16 Nov. On Tuesday's
// flight it would clear Thursday and arrive Friday; the next flight (Friday) clears Monday and
// arrives Tuesday 17: late.
const o5 = extraOrder({ deliverBy: '2026-11-16T23:59:59+08:00' });
const withO5 = (orders: Order[]) => orders.push(o5);
const answer = { reason: 'CAPACITY', message: 'full', deadline: '2026-11-16T23:59:59+08:00' } as const;

/** A 40 kg ULD: C1's 39.3 kg fill Tuesday's one AKE, O5's 2.1 kg would need a second. */
function smallUld(network: Network): void {
  const air = network.lanes.find((l) => l.id === 'AIR-LAX-PVG');
  if (air?.uld !== undefined) air.uld.maxKg = 40;
}

describe('unplanned CAPACITY', () => {
  it('accepts a genuine one: Tuesday\'s allotment is full, Friday\'s flight is too late', () => {
    const result = verifyCorrupted(
      (plan) => {
        answerExtra(plan, 'O5', answer);
        consolidationOf(plan, 'C1').utilisation = 39.3 / 40;
      },
      { orders: withO5, network: smallUld },
    );
    expect(result.violations).toEqual([]);
  });

  it('names a CAPACITY when a second ULD and a later port day still make it (REASON_CAPACITY)', () => {
    // Two ULDs allowed: O5 flies Tuesday; PORT-SH's Thursday is full (P-O1, P-O2), so it clears
    // Friday and arrives Saturday 14 — in time.
    const result = verifyCorrupted(
      (plan) => {
        answerExtra(plan, 'O5', answer);
        consolidationOf(plan, 'C1').utilisation = 39.3 / 40;
      },
      {
        orders: withO5,
        network: (network) => {
          smallUld(network);
          const air = network.lanes.find((l) => l.id === 'AIR-LAX-PVG');
          if (air !== undefined) air.maxUldsPerDeparture = 2;
        },
      },
    );
    expect(rulesOf(result)).toEqual(['REASON_CAPACITY']);
    const [violation] = violationsOf(result, 'REASON_CAPACITY');
    expect(violation).toMatchObject({ order: 'O5', found: 'BASE-US' });
    expect(violation?.message).toContain('arrives 2026-11-14T13:00:00+08:00');
  });

  it('names a CAPACITY for an order that no routing could bring in time anyway (REASON_CAPACITY)', () => {
    // O3 promised for 20:00 on its creation day: its only routing arrives at 23:00, empty or not.
    const result = verifyCorrupted((plan) => unplan(plan, 'O3', { reason: 'CAPACITY', message: 'full', deadline: '2026-11-11T20:00:00+08:00' }), {
      orders: (orders) => {
        const o3 = orders.find((o) => o.id === 'O3');
        if (o3 !== undefined) o3.deliverBy = '2026-11-11T20:00:00+08:00';
      },
    });
    expect(rulesOf(result)).toEqual(['REASON_CAPACITY']);
    expect(violationsOf(result, 'REASON_CAPACITY')[0]?.message).toContain('not capacity');
  });

  it('names a CAPACITY of an order that nothing shared blocks (REASON_CAPACITY)', () => {
    const result = verifyCorrupted((plan) => unplan(plan, 'O3', { reason: 'CAPACITY', message: 'full', deadline: '2026-11-14T23:59:59+08:00' }));
    expect(rulesOf(result)).toEqual(['REASON_CAPACITY']);
    expect(violationsOf(result, 'REASON_CAPACITY')).toMatchObject([{ order: 'O3', found: 'BW-SH' }]);
  });
});
