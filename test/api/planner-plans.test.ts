// createPlanner + plan: the plan is the one planBatch makes (verified, every order once),
// the same with 0, 1 and 2 workers, and progress runs candidates → solving (partition by
// partition) → bounding → done, the last event carrying the plan's cost and bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanner, type Planner, type PlanProgress } from '../../src/api/planner.js';
import { planJsonText } from '../../src/cli/commands/plan.js';
import { indexNetwork } from '../../src/domain/network-index.js';
import { createTimeModel } from '../../src/time/index.js';
import { verifyPlan } from '../../src/verify/index.js';
import { type ApiFixture, apiFixture } from './fixtures.js';

let f: ApiFixture;
const planners: Planner[] = [];
beforeAll(() => {
  f = apiFixture(200, 11);
});
afterAll(async () => {
  await Promise.all(planners.map((p) => p.close()));
});

function planner(workers: number): Planner {
  const p = createPlanner({ network: f.network, stock: f.stock, workers });
  planners.push(p);
  return p;
}

describe('planner.plan', () => {
  it('returns the same verified plan with 0, 1 and 2 workers', async () => {
    const texts: string[] = [];
    for (const workers of [0, 1, 2]) texts.push(planJsonText(await planner(workers).plan(f.orders)));
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
    const plan = JSON.parse(texts[0]!);
    expect(plan.orders.map((o: { order: string }) => o.order).sort()).toEqual(f.orders.map((o) => o.id).sort());
    const verdict = verifyPlan({ model: createTimeModel(indexNetwork(f.network)), orders: f.orders, stock: f.stock }, plan);
    expect(verdict.violations).toEqual([]);
    expect(plan.solver).toBe('highs');
  });

  it('reports progress phase by phase, ending with the cost and bound of the plan', async () => {
    const events: PlanProgress[] = [];
    const plan = await planner(2).plan(f.orders, { onProgress: (e) => events.push(e) });
    const total = events.at(-1)!.partitionsTotal;
    expect(total).toBeGreaterThan(0);
    expect(events[0]).toEqual({ phase: 'candidates', partitionsDone: 0, partitionsTotal: 0 });
    expect([...new Set(events.map((e) => e.phase))]).toEqual(['candidates', 'solving', 'bounding', 'verifying', 'done']);
    // Candidates: orders examined, two passes over the batch.
    const examined = events.filter((e) => e.phase === 'candidates' && e.done !== undefined);
    expect(examined.length).toBeGreaterThan(0);
    for (const e of examined) expect(e).toEqual({ phase: 'candidates', partitionsDone: 0, partitionsTotal: 0, done: e.done, total: 2 * f.orders.length });
    expect(examined.map((e) => e.done)).toEqual([...examined.map((e) => e.done!)].sort((a, b) => a - b));
    // Solving: once as it starts, then once per partition; then sets freed by the search, counted up.
    // Each event of the search or of the bound carries the latest figures of both.
    const freed = events.filter((e) => e.phase === 'solving' && e.neighbourhoodsSolved !== undefined);
    expect(freed.length).toBeGreaterThan(0);
    for (const e of freed) {
      const bound =
        e.ordersBounded !== undefined
          ? { ordersBounded: e.ordersBounded, ordersToBound: e.ordersToBound, boundMinor: e.boundMinor }
          : e.boundRound !== undefined
            ? { boundRound: e.boundRound, boundRounds: e.boundRounds, parcelsRaising: e.parcelsRaising }
            : {};
      const repriced = e.ordersRepriced === undefined ? {} : { ordersRepriced: e.ordersRepriced, ordersToReprice: e.ordersToReprice };
      expect(e).toEqual({
        phase: 'solving', partitionsDone: total, partitionsTotal: total,
        neighbourhoodsSolved: e.neighbourhoodsSolved, neighbourhoodsBudget: e.neighbourhoodsBudget, searchCostMinor: e.searchCostMinor, ...bound, ...repriced,
      });
      expect(e.neighbourhoodsSolved!).toBeLessThanOrEqual(e.neighbourhoodsBudget!);
    }
    // The bound's share ascent first: rounds counted up within their most, the parcels still
    // raising a share only ever fewer; then the orders bounded.
    const rounds = events.filter((e) => e.boundRound !== undefined);
    expect(rounds.length).toBeGreaterThan(0);
    expect(rounds.map((e) => e.boundRound)).toEqual(rounds.map((_, i) => i + 1));
    for (const e of rounds) expect(e.boundRound!).toBeLessThanOrEqual(e.boundRounds!);
    expect(rounds.map((e) => e.parcelsRaising)).toEqual([...rounds.map((e) => e.parcelsRaising!)].sort((a, b) => b - a));
    expect(events.indexOf(rounds.at(-1)!)).toBeLessThan(events.findIndex((e) => e.ordersBounded !== undefined));
    // The bound, computed while the search runs: orders bounded counted up to all of them, each
    // figure already a valid bound, rising to the plan's.
    const bounded = events.filter((e) => e.ordersBounded !== undefined);
    expect(bounded.length).toBeGreaterThan(0);
    for (const e of bounded) expect(e.phase).toBe('solving');
    expect(bounded.map((e) => e.ordersBounded)).toEqual([...bounded.map((e) => e.ordersBounded!)].sort((a, b) => a - b));
    expect(bounded.map((e) => e.boundMinor)).toEqual([...bounded.map((e) => e.boundMinor!)].sort((a, b) => a - b));
    expect(bounded.at(-1)!.ordersBounded).toBe(bounded.at(-1)!.ordersToBound);
    expect(bounded.at(-1)!.boundMinor).toBe(plan.totals.lowerBoundMinor);
    // Then the orders priced again against the plan (search/reroute.ts), counted up to all of them.
    const repriced = events.filter((e) => e.ordersRepriced !== undefined);
    expect(repriced.length).toBeGreaterThan(0);
    expect(events.indexOf(repriced[0]!)).toBeGreaterThan(events.findLastIndex((e) => e.ordersRepriced === undefined && e.neighbourhoodsSolved !== undefined));
    expect(repriced.map((e) => e.ordersRepriced)).toEqual([...repriced.map((e) => e.ordersRepriced!)].sort((a, b) => a - b));
    for (const e of repriced) expect(e.ordersRepriced!).toBeLessThanOrEqual(e.ordersToReprice!);
    expect(repriced.at(-1)!.ordersRepriced).toBe(repriced.at(-1)!.ordersToReprice);
    // The search only ever lowers the cost, to the plan's.
    expect(freed.map((e) => e.searchCostMinor)).toEqual([...freed.map((e) => e.searchCostMinor!)].sort((a, b) => b - a));
    expect(freed.map((e) => e.neighbourhoodsSolved)).toEqual([...freed.map((e) => e.neighbourhoodsSolved!)].sort((a, b) => a - b));
    expect(events.filter((e) => e.phase === 'solving' && e.neighbourhoodsSolved === undefined && e.ordersBounded === undefined && e.boundRound === undefined)).toEqual(
      Array.from({ length: total + 1 }, (_, i) => ({ phase: 'solving', partitionsDone: i, partitionsTotal: total, done: i, total })),
    );
    // Bounding: as it starts, then iterations counted (no total: it ends when it converges).
    const bounding = events.filter((e) => e.phase === 'bounding');
    expect(bounding[0]).toEqual({ phase: 'bounding', partitionsDone: total, partitionsTotal: total });
    for (const e of bounding.slice(1)) expect(e).toEqual({ phase: 'bounding', partitionsDone: total, partitionsTotal: total, done: e.done });
    expect(events.at(-2)).toEqual({ phase: 'verifying', partitionsDone: total, partitionsTotal: total });
    expect(events.at(-1)).toEqual({
      phase: 'done',
      partitionsDone: total,
      partitionsTotal: total,
      bestCostMinor: plan.totals.cost.total,
      boundMinor: plan.totals.lowerBoundMinor,
    });
  });

  it('plans the next batch on the same planner (the threads and caches are reused)', async () => {
    const p = planner(1);
    const first = planJsonText(await p.plan(f.orders.slice(0, 50)));
    const second = planJsonText(await p.plan(f.orders.slice(0, 50)));
    expect(second).toBe(first);
    expect(p.status()).toEqual({ workers: 1, threads: 1, busy: 0, queued: 0 });
  });

  it('with the baseline solver, starts no threads and plans without partitions', async () => {
    const p = createPlanner({ network: f.network, stock: f.stock, solver: 'baseline', workers: 2 });
    planners.push(p);
    const events: string[] = [];
    const plan = await p.plan(f.orders, { onProgress: (e) => events.push(e.phase) });
    expect(plan.solver).toBe('baseline');
    expect(plan.totals.lowerBoundMinor).toBeNull();
    expect(events).toEqual(['candidates', 'verifying', 'done']);
    expect(p.status().threads).toBe(0);
  });
});
