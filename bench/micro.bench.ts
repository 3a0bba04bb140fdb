// Micro-benchmarks (tinybench) of the three steps whose cost grows with the batch: the
// itinerary search behind each order's candidates, building the optimiser's Problem from
// those candidates, and the independent verifier on a whole plan. On the bundled S sample.
// Run: npx tsx bench/micro.bench.ts   (or `node dist/bench/run.js --micro` after a build)
// Writes bench/results/micro.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Bench } from 'tinybench';
import { DEFAULT_NETWORK, DEFAULT_ORDERS, DEFAULT_STOCK, PACKAGE_ROOT } from '../src/cli/paths.js';
import { indexNetwork } from '../src/domain/network-index.js';
import { planBatch } from '../src/engine/plan-batch.js';
import { createItineraryContext } from '../src/graph/index.js';
import { loadInputs } from '../src/io/load.js';
import { byCreation } from '../src/optimise/start/baseline.js';
import { DEFAULT_CANDIDATES, type OrderCandidates, orderCandidates } from '../src/optimise/choices/candidates.js';
import { examineOrder, type OrderFacts } from '../src/optimise/choices/order-facts.js';
import { ProblemBuilder } from '../src/optimise/model/problem.js';
import { StockLedger } from '../src/optimise/ledger/stock-ledger.js';
import { createTimeModel } from '../src/time/index.js';
import { verifyPlan } from '../src/verify/index.js';

const RESULTS_PATH = join(PACKAGE_ROOT, 'bench', 'results', 'micro.json');

const inputs = loadInputs({ network: DEFAULT_NETWORK, orders: DEFAULT_ORDERS, stock: DEFAULT_STOCK });
const orders = inputs.orders ?? [];
const stock = inputs.stock ?? [];
const model = createTimeModel(indexNetwork(inputs.network));
const facts = orders
  .map((o) => examineOrder(model, o))
  .filter((f): f is OrderFacts => !('status' in f))
  .sort(byCreation);
const ledger = new StockLedger(stock);
const warm = createItineraryContext(model);
const candidates = facts.map((f) => orderCandidates(warm, f, ledger, DEFAULT_CANDIDATES)).filter((c): c is OrderCandidates => !('status' in c));
const plan = await planBatch(createItineraryContext(model), orders, stock, { solver: 'heuristic' });

const bench = new Bench({ name: 'xbroute micro', iterations: 5, time: 1_500, warmupIterations: 1 });
bench
  .add(`itinerary search: candidates of ${facts.length} orders, fresh context`, () => {
    const ctx = createItineraryContext(model);
    for (const f of facts) orderCandidates(ctx, f, ledger, DEFAULT_CANDIDATES);
  })
  .add(`itinerary search: candidates of ${facts.length} orders, warm context (memo)`, () => {
    for (const f of facts) orderCandidates(warm, f, ledger, DEFAULT_CANDIDATES);
  })
  .add(`model building: Problem of ${candidates.length} orders`, () => {
    const builder = new ProblemBuilder(model, (node, sku) => ledger.available(node, sku));
    for (const c of candidates) builder.add(c);
    return builder.problem.orders.length;
  })
  .add(`verifier: plan of ${orders.length} orders`, () => {
    const verdict = verifyPlan({ model, orders, stock }, plan);
    if (!verdict.ok) throw new Error('micro bench: the S plan failed verification');
  });

await bench.run();
console.table(bench.table());

const rows = bench.tasks.map((task) => {
  const r = task.result;
  if (r.state !== 'completed') return { task: task.name, state: r.state };
  return { task: task.name, meanMs: r.latency.mean, minMs: r.latency.min, maxMs: r.latency.max, samples: r.latency.samplesCount };
});
mkdirSync(dirname(RESULTS_PATH), { recursive: true });
writeFileSync(RESULTS_PATH, `${JSON.stringify({ node: process.version, rows }, null, 2)}\n`);
console.log(`micro results in ${RESULTS_PATH}`);
