// The local search's passes end when one saves nothing, or (SearchLimits.leastPassSaving) less
// than a share of the total: the passes over the whole problem stop once they bring little.
import { describe, expect, it } from 'vitest';
import { Assignment } from '../../../src/optimise/model/assignment.js';
import { improve } from '../../../src/optimise/search/local-search.js';
import { consolidationFixture, oneDeparture } from '../fixtures.js';

describe('improve', () => {
  const { index } = consolidationFixture({ perKgMinor: 1_600, minChargeMinor: 30_000 });
  // Four orders on one dear shared departure, each of which may go alone for 2,000 instead.
  const problem = oneDeparture([250.2, 250.2, 250.2, 250.2], 2_000);
  const start = (): Assignment => {
    const a = new Assignment(problem, index);
    for (let o = 0; o < 4; o++) a.assign(o, 0);
    return a;
  };

  it('passes until one saves nothing', () => {
    const a = start();
    const stats = improve(a, { maxPasses: 25 });
    expect(a.total).toBe(8_000);
    // The first pass moves every order; the second finds nothing left.
    expect(stats.passes).toBe(2);
  });

  it('stops after a pass that saves less than its share of the total', () => {
    const a = start();
    const before = a.total;
    // The first pass saves about 1.27 million, less than 1,000 times the 8,000 left.
    const stats = improve(a, { maxPasses: 25, leastPassSaving: 1_000 });
    expect(before - a.total).toBeLessThan(1_000 * a.total);
    expect(stats.passes).toBe(1);
    expect(a.total).toBe(8_000);
    // A share it does not reach changes nothing.
    const b = start();
    expect(improve(b, { maxPasses: 25, leastPassSaving: 1 }).passes).toBe(2);
  });
});
