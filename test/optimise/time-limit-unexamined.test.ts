// A time limit that runs out while the orders are still being examined: the orders examined so
// far (a prefix in creation order) are planned as the baseline start plans them, the others are
// answered TIME_LIMIT and take no stock, and the plan — marked timeLimited — verifies. The stop
// is injected through the checkpoint and shouldStop hooks (no clock): deterministic.
import { describe, expect, it } from 'vitest';
import type { OrderAnswer, Plan } from '../../src/domain/plan.js';
import { planBatch } from '../../src/engine/plan-batch.js';
import type { Checkpoint } from '../../src/optimise/optimise.js';
import { verifyPlan } from '../../src/verify/index.js';
import { consolidationFixture, randomOrders } from './fixtures.js';

const { ctx } = consolidationFixture();
const { orders, stock } = randomOrders(17, 700);

/** Hooks that stop the run once the first pass over the orders reached `examined` orders
 *  (a multiple of the checkpoint interval, 250), or once it is over (`examined` null). */
function stopAt(examined: number | null): { checkpoint: Checkpoint; shouldStop: () => boolean } {
  let stop = false;
  return {
    checkpoint: (phase, done, of) => {
      if (phase !== 'candidates' || done === undefined || of === undefined) return;
      if (examined === null ? 2 * done >= of : done >= examined) stop = true;
    },
    shouldStop: () => stop,
  };
}

/** What an answer routes, apart from its prices (which depend on who shares a departure). */
function routing(a: OrderAnswer): unknown {
  if (a.status === 'unplanned') return a.reason;
  return a.parcels.map((p) => [p.source, p.lines, p.legs.map((l) => `${l.lane}@${l.departure}`)]);
}

const byCreation = (a: (typeof orders)[number], b: (typeof orders)[number]) =>
  Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('a time limit that stops mid-candidates', () => {
  it('answers TIME_LIMIT exactly the orders after the first 250 in creation order, and verifies', async () => {
    const stopped = await planBatch(ctx, orders, stock, { solver: 'heuristic', ...stopAt(250) });
    expect(stopped.timeLimited).toBe(true);
    // Every order of this batch passes the order checks: all 700 are examined in creation order.
    const notReached = [...orders].sort(byCreation).slice(250).map((o) => o.id).sort();
    const answeredTimeLimit = stopped.orders.filter((a) => a.status === 'unplanned' && a.reason === 'TIME_LIMIT').map((a) => a.order).sort();
    expect(answeredTimeLimit).toEqual(notReached);
    expect(stopped.totals.unplanned.TIME_LIMIT).toBe(450);
    expect(stopped.orders).toHaveLength(700);
    // planBatch verified it (typed); the plan as a file verifies too, schema pass included.
    const verdict = verifyPlan({ model: ctx.model, orders, stock }, JSON.parse(JSON.stringify(stopped)) as unknown);
    expect(verdict.violations).toEqual([]);
  });

  it('plans the examined orders as the baseline start does, whatever comes after them', async () => {
    // The start plans orders in creation order: an order's answer depends on the orders before
    // it only, so the first 250 are routed alike whether the run stopped after 250 or 500.
    const stopped = await planBatch(ctx, orders, stock, { solver: 'heuristic', ...stopAt(250) });
    const later = await planBatch(ctx, orders, stock, { solver: 'heuristic', ...stopAt(500) });
    expect(later.totals.unplanned.TIME_LIMIT).toBe(200);
    const laterOf = new Map(later.orders.map((a) => [a.order, a]));
    const examined = stopped.orders.filter((a) => !(a.status === 'unplanned' && a.reason === 'TIME_LIMIT'));
    expect(examined).toHaveLength(250);
    for (const a of examined) expect(routing(a)).toEqual(routing(laterOf.get(a.order)!));
    // The orders not reached take no stock: the units drawn are the examined orders' alone.
    const drawn = (p: Plan) => p.orders.flatMap((a) => (a.status === 'planned' ? a.parcels.flatMap((x) => x.lines.map((l) => l.qty)) : [])).reduce((s, q) => s + q, 0);
    const examinedUnits = orders.filter((o) => laterOf.get(o.id)?.status === 'planned' && examined.some((a) => a.order === o.id && a.status === 'planned'))
      .reduce((s, o) => s + o.lines.reduce((t, l) => t + l.qty, 0), 0);
    expect(drawn(stopped)).toBe(examinedUnits);
    expect(drawn(later)).toBeGreaterThan(drawn(stopped));
  });

  it('is deterministic: the same stop gives the same plan', async () => {
    const a = await planBatch(ctx, orders, stock, { solver: 'heuristic', ...stopAt(500) });
    const b = await planBatch(ctx, orders, stock, { solver: 'heuristic', ...stopAt(500) });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.totals.unplanned.TIME_LIMIT).toBe(200);
  });

  it('answers every order TIME_LIMIT when out of time before the first one (no stock taken)', async () => {
    const plan: Plan = await planBatch(ctx, orders, stock, { solver: 'heuristic', shouldStop: () => true });
    expect(plan.timeLimited).toBe(true);
    expect(plan.totals.planned).toBe(0);
    expect(plan.totals.unplanned.TIME_LIMIT).toBe(700);
    expect(plan.totals.cost.total).toBe(0);
  });
});
