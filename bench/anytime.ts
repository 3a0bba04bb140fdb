// Anytime behaviour on the M batch (10,000 orders), in wall-clock time — so a benchmark, not a
// test: how long after an abort is due the plan rejects, and how far a time limit is overrun.
// `npm run build && node dist/bench/anytime.js`
import { createPlanner, generateBatch, loadDefaultNetwork } from '../src/index.js';

const network = loadDefaultNetwork();
const { orders, stock } = generateBatch(network, { orders: 10_000, seed: 2, profile: 'normal' });
const planner = createPlanner({ network, stock });

const aborts: { abortAtMs: number; latencyMs: number; outcome: string }[] = [];
for (const afterMs of [100, 500, 1_500, 2_500, 3_500, 4_500, 6_000]) {
  const controller = new AbortController();
  const startMs = performance.now();
  setTimeout(() => controller.abort(), afterMs);
  let outcome = 'finished first';
  try {
    await planner.plan(orders, { signal: controller.signal });
  } catch (error) {
    outcome = error instanceof Error ? error.name : String(error);
  }
  aborts.push({ abortAtMs: afterMs, latencyMs: Math.round(performance.now() - startMs - afterMs), outcome });
}
console.table(aborts);
const caught = aborts.filter((r) => r.outcome === 'AbortError').map((r) => r.latencyMs);
console.log(`abort: worst latency ${Math.max(...caught)} ms; pool after: ${JSON.stringify(planner.status())}`);

const limits: { limitMs: number; wallMs: number; overrunMs: number; allowedMs: number; timeLimited: boolean; gap: string }[] = [];
for (const limitMs of [2_500, 3_500, 4_500]) {
  const startMs = performance.now();
  const plan = await planner.plan(orders, { timeLimitMs: limitMs });
  const wallMs = Math.round(performance.now() - startMs);
  limits.push({
    limitMs,
    wallMs,
    overrunMs: wallMs - limitMs,
    allowedMs: Math.round(limitMs * 0.1 + 200),
    timeLimited: plan.timeLimited,
    gap: plan.totals.gap === null ? '-' : `${(100 * plan.totals.gap).toFixed(2)} %`,
  });
}
console.table(limits);
await planner.close();
