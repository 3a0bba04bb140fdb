// The time limit: a budget that runs out before the search gives the best verified plan so far
// (the feasible start over the orders examined in time, TIME_LIMIT for the others), marked
// timeLimited, still answering every order exactly once.
import { afterAll, describe, expect, it } from 'vitest';
import { createPlanner } from '../../src/api/planner.js';
import { apiFixture } from './fixtures.js';

const f = apiFixture(150, 8);
const planner = createPlanner({ network: f.network, stock: f.stock, workers: 1 });
afterAll(() => planner.close());

describe('timeLimitMs', () => {
  it('returns a verified, time-limited plan when the budget runs out', async () => {
    // 1 ms is spent before the first partition starts (examining 150 orders takes longer).
    const limited = await planner.plan(f.orders, { timeLimitMs: 1 });
    expect(limited.timeLimited).toBe(true);
    expect(limited.orders.map((o) => o.order).sort()).toEqual(f.orders.map((o) => o.id).sort());
  });

  it('out of time before the orders are examined: every order TIME_LIMIT, with no bound', async () => {
    const limited = await planner.plan(f.orders, { timeLimitMs: 1 });
    const events: string[] = [];
    const again = await planner.plan(f.orders, { timeLimitMs: 1, onProgress: (e) => events.push(e.phase) });
    // No search, no bound: straight from the candidates (and the start) to the verifier.
    expect([...new Set(events)]).toEqual(['candidates', 'verifying', 'done']);
    expect(limited.totals.lowerBoundMinor).toBeNull();
    expect(limited.totals.gap).toBeNull();
    // 1 ms is gone before the first order is examined (checking the batch takes longer).
    expect(limited.totals.unplanned.TIME_LIMIT).toBe(f.orders.length);
    // The start is a function of the inputs only: the same plan whenever the limit is this short.
    expect(JSON.stringify(again.orders)).toBe(JSON.stringify(limited.orders));
  });

  it('does not mark a plan that finished within its budget', async () => {
    const plan = await planner.plan(f.orders, { timeLimitMs: 600_000 });
    expect(plan.timeLimited).toBe(false);
  });
});
