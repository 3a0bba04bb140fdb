// How long after an abort is due a plan of the M batch (10,000 orders) rejects, for aborts at
// several points of the run — the figure behind "cancellation under a second". Wall-clock
// figures, so a benchmark and not a test: `npm run build && node dist/bench/abort-latency.js`.
import { createPlanner, generateBatch, loadDefaultNetwork } from '../src/index.js';

const network = loadDefaultNetwork();
const { orders, stock } = generateBatch(network, { orders: 10_000, seed: 2, profile: 'normal' });
const planner = createPlanner({ network, stock });
const rows: { abortAtMs: number; latencyMs: number; outcome: string }[] = [];
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
  rows.push({ abortAtMs: afterMs, latencyMs: Math.round(performance.now() - startMs - afterMs), outcome });
}
const status = planner.status();
await planner.close();
console.table(rows);
console.log(`worst latency ${Math.max(...rows.filter((r) => r.outcome === 'AbortError').map((r) => r.latencyMs))} ms; pool after: ${JSON.stringify(status)}`);
