// What the verifier cannot evaluate fails the plan with a reason instead of throwing.
import { describe, expect, it } from 'vitest';
import { rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('uncheckable parts', () => {
  it('reports an order whose deadline cannot be computed (UNCHECKABLE), and checks the rest of it', () => {
    // O3's service level is not in the network: the time model throws computing its deadline.
    const result = verifyCorrupted(undefined, {
      orders: (orders) => {
        const o3 = orders.find((o) => o.id === 'O3');
        if (o3 !== undefined) o3.serviceLevel = 'NO-SUCH-LEVEL';
      },
    });
    expect(result.ok).toBe(false);
    expect(violationsOf(result, 'UNCHECKABLE')).toMatchObject([{ order: 'O3' }]);
    // Everything else about O3 (lines, itinerary, cost) is still checked, and right.
    expect(rulesOf(result)).toEqual(['UNCHECKABLE']);
    expect(result.recomputedCostMinor).toBe(176500);
  });
});
