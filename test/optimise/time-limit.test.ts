// A time limit that binds still returns a verified plan — the feasible start (the baseline's
// routings), improved as far as the search got — marked time-limited, with its gap.
import { describe, expect, it } from 'vitest';
import { planBatch } from '../../src/engine/plan-batch.js';
import { consolidationFixture, randomOrders } from './fixtures.js';

describe('time limit', () => {
  it('stops at once when asked, with a verified, time-limited plan no worse than the baseline', async () => {
    const { ctx } = consolidationFixture();
    const { orders, stock } = randomOrders(3, 40);
    const baseline = await planBatch(ctx, orders, stock, { solver: 'baseline' });
    const stopped = await planBatch(ctx, orders, stock, { solver: 'highs', shouldStop: () => true });
    expect(stopped.timeLimited).toBe(true);
    expect(stopped.totals.planned).toBe(baseline.totals.planned);
    expect(stopped.totals.cost.total).toBeLessThanOrEqual(baseline.totals.cost.total);
    // Out of time before the search began: the plan is the start, with no bound (none computed).
    expect(stopped.totals.gap).toBeNull();
    const full = await planBatch(ctx, orders, stock, { solver: 'highs' });
    expect(full.timeLimited).toBe(false);
    expect(full.totals.cost.total).toBeLessThanOrEqual(stopped.totals.cost.total);
  });
});
