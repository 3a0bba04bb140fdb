// Cancellation through the library: an aborted signal rejects the plan with AbortError,
// whether it was aborted before the call, between phases, or while partitions run (on the
// pool or in process); afterwards nothing is busy and the planner plans as before.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPlanner, type Planner, type PlanPhase } from '../../src/api/planner.js';
import { planJsonText } from '../../src/cli/commands/plan.js';
import { AbortError } from '../../src/pool/errors.js';
import { type ApiFixture, apiFixture } from './fixtures.js';

let f: ApiFixture;
let reference: string;
const planners: Planner[] = [];
beforeAll(async () => {
  f = apiFixture(300, 5);
  const p = createPlanner({ network: f.network, stock: f.stock, workers: 0 });
  planners.push(p);
  reference = planJsonText(await p.plan(f.orders));
});
afterAll(async () => {
  await Promise.all(planners.map((p) => p.close()));
});

describe.each([2, 0])('aborting with %i workers', (workers) => {
  let planner: Planner;
  beforeAll(() => {
    planner = createPlanner({ network: f.network, stock: f.stock, workers });
    planners.push(planner);
  });

  it('rejects at once when the signal is already aborted, reporting nothing', async () => {
    const phases: PlanPhase[] = [];
    const error = await planner.plan(f.orders, { signal: AbortSignal.abort('gone'), onProgress: (e) => phases.push(e.phase) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe('gone');
    expect(phases).toEqual([]);
  });

  it('rejects when aborted during the candidates phase (noticed before solving starts)', async () => {
    const controller = new AbortController();
    const phases: PlanPhase[] = [];
    const planning = planner.plan(f.orders, {
      signal: controller.signal,
      onProgress: (e) => {
        phases.push(e.phase);
        if (e.phase === 'candidates') controller.abort();
      },
    });
    await expect(planning).rejects.toBeInstanceOf(AbortError);
    expect(phases).toEqual(['candidates']);
    expect(planner.status().busy).toBe(0);
  });

  it('rejects when aborted while partitions run, leaves nothing busy, then plans as before', async () => {
    const controller = new AbortController();
    let busyAtAbort = -1;
    const planning = planner.plan(f.orders, {
      signal: controller.signal,
      onProgress: (e) => {
        // The turn after solving starts: the partitions have been handed out.
        if (e.phase === 'solving' && e.partitionsDone === 0) {
          setImmediate(() => {
            busyAtAbort = planner.status().busy;
            controller.abort();
          });
        }
      },
    });
    await expect(planning).rejects.toBeInstanceOf(AbortError);
    if (workers > 0) expect(busyAtAbort).toBeGreaterThan(0);
    expect(planner.status()).toMatchObject({ busy: 0, queued: 0 });
    await vi.waitFor(() => expect(planner.status().threads).toBe(workers), { timeout: 10_000 });
    expect(planJsonText(await planner.plan(f.orders))).toBe(reference);
  });
});
