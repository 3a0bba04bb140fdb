// A time limit that binds once the orders are examined still returns a verified plan — the
// feasible start (the baseline's routings), improved as far as the search got — marked
// time-limited, with its gap. (Stopping while they are examined: time-limit-unexamined.test.ts.)
import { describe, expect, it } from 'vitest';
import { planBatch } from '../../src/engine/plan-batch.js';
import { consolidationFixture, randomOrders } from './fixtures.js';

describe('time limit', () => {
  it('stops once the start is known, with a verified, time-limited plan no worse than the baseline', async () => {
    const { ctx } = consolidationFixture();
    const { orders, stock } = randomOrders(3, 40);
    const baseline = await planBatch(ctx, orders, stock, { solver: 'baseline' });
    // Stop from the second pass on (the first pass, examining the orders, has run in full).
    let examined = false;
    const stopped = await planBatch(ctx, orders, stock, {
      solver: 'highs',
      checkpoint: (phase, done, of) => {
        if (phase === 'candidates' && done !== undefined && of !== undefined && 2 * done >= of) examined = true;
      },
      shouldStop: () => examined,
    });
    expect(stopped.timeLimited).toBe(true);
    expect(stopped.totals.unplanned.TIME_LIMIT).toBe(0);
    expect(stopped.totals.planned).toBe(baseline.totals.planned);
    expect(stopped.totals.cost.total).toBeLessThanOrEqual(baseline.totals.cost.total);
    // Out of time before the search began: the plan is the start, with no bound (none computed).
    expect(stopped.totals.gap).toBeNull();
    const full = await planBatch(ctx, orders, stock, { solver: 'highs' });
    expect(full.timeLimited).toBe(false);
    expect(full.totals.cost.total).toBeLessThanOrEqual(stopped.totals.cost.total);
  });
});
