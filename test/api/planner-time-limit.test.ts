// The time limit: a budget that runs out before the search gives the best verified plan so far
// (the feasible start), marked timeLimited, still answering every order exactly once.
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

  it('out of time once the start is known: the plan is the start itself, with no bound', async () => {
    const limited = await planner.plan(f.orders, { timeLimitMs: 1 });
    const events: string[] = [];
    const again = await planner.plan(f.orders, { timeLimitMs: 1, onProgress: (e) => events.push(e.phase) });
    // No search, no bound: straight from the candidates (and the start) to the verifier.
    expect([...new Set(events)]).toEqual(['candidates', 'verifying', 'done']);
    expect(limited.totals.lowerBoundMinor).toBeNull();
    expect(limited.totals.gap).toBeNull();
    // The start is a function of the inputs only: the same plan whenever the limit is this short.
    expect(JSON.stringify(again.orders)).toBe(JSON.stringify(limited.orders));
  });

  it('does not mark a plan that finished within its budget', async () => {
    const plan = await planner.plan(f.orders, { timeLimitMs: 600_000 });
    expect(plan.timeLimited).toBe(false);
  });
});
