// planner.quote latency on the default network, warm: p50 / p99 / max per quote, against an
// empty network and against a base plan of the same day's first orders.
// Run: npx tsx bench/quote.bench.ts [--orders 2000] [--base 500]
//
// One generated batch (seeded): its first `base` orders are the base plan, the next `orders` are
// quoted one by one (each a new order, as at checkout), by a fresh planner per measurement (so
// one measurement's itinerary memo does not serve the other). A warm-up pass over other orders of
// the batch first (JIT, zone clocks, itinerary bounds), so the figures are the steady state of a
// long-lived planner; a quote opening a pick wave no earlier quote searched still searches it. Each quote is timed alone, through the async API (input check,
// each mode's search, marginal pricing). Target: p99 ≤ 5 ms. Wall time counts the moments the
// process was not running (other processes on a shared machine, the collector); CPU time (this
// process's user + system, per quote) shows what the quote itself costs.
import { parseArgs } from 'node:util';
import { createPlanner, type Planner } from '../src/api/planner.js';
import type { QuoteOptions } from '../src/api/quote.js';
import { loadDefaultNetwork } from '../src/api/bundled.js';
import { generateBatch } from '../src/generate/batch.js';

const { values } = parseArgs({ options: { orders: { type: 'string', default: '2000' }, base: { type: 'string', default: '500' } } });
const QUOTED = Number(values.orders);
const BASE = Number(values.base);
const WARM_UP = 300;

const network = loadDefaultNetwork();
const batch = generateBatch(network, { orders: BASE + WARM_UP + QUOTED, seed: 4242, profile: 'normal' });
const baseOrders = batch.orders.slice(0, BASE);
const warmUp = batch.orders.slice(BASE, BASE + WARM_UP);
const quoted = batch.orders.slice(BASE + WARM_UP);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function measure(label: string, planner: Planner, against: QuoteOptions): Promise<void> {
  for (const o of warmUp) await planner.quote(o, against);
  const times: number[] = [];
  const cpu: number[] = [];
  let promised = 0;
  for (const o of quoted) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const q = await planner.quote(o, against);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (q.best !== null) promised++;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const f = (ms: number) => `${ms.toFixed(3)} ms`;
  const line = (xs: number[]) => `p50 ${f(percentile(xs, 50))}, p99 ${f(percentile(xs, 99))}, max ${f(xs.at(-1) ?? NaN)}`;
  console.log(`${label}: ${times.length} quotes, ${promised} promised`);
  console.log(`  wall ${line(times)}`);
  console.log(`  cpu  ${line(cpu)}`);
}

{
  await using planner = createPlanner({ network, stock: batch.stock, workers: 0 });
  await measure('empty network', planner, {});
}
{
  await using planner = createPlanner({ network, stock: batch.stock, workers: 0 });
  const plan = await planner.plan(baseOrders);
  console.log(`base plan: ${plan.totals.planned} of ${BASE} orders planned, ${plan.consolidations.length} consolidations`);
  await measure('against the base plan', planner, { against: plan });
}
