// Itinerary search on the default network: the k = 3 cheapest itineraries that meet the
// direct_mail deadline, for every (storage base, zone) pair, all ready at one instant.
// Run: npx tsx bench/itineraries.bench.ts
//
// Three figures: "cold" builds the context (graph, reverse graph) and computes every bound on
// the way; "warm" reuses bounds computed earlier but searches an instant it has not seen (as a
// batch does, order after order); "memo" repeats the same searches (answered from the memo).
import { Bench } from 'tinybench';
import { indexNetwork } from '../src/domain/network-index.js';
import { createItineraryContext, searchItineraries, type ItineraryContext } from '../src/graph/itineraries.js';
import { DEFAULT_NETWORK } from '../src/cli/paths.js';
import { loadNetwork } from '../src/io/load.js';
import { createTimeModel, parseInstant, serviceLevelDeadlineMs } from '../src/time/index.js';

const READY_ISO = '2026-11-23T10:00:00+08:00';
const SERVICE_LEVEL = 'direct_mail';
const K = 3;
const WEEK_MS = 7 * 24 * 3_600_000;

const network = loadNetwork(DEFAULT_NETWORK);
const index = indexNetwork(network);
const model = createTimeModel(index);
const readyMs = parseInstant(READY_ISO);
const bases = network.nodes.filter((n) => n.kind === 'storage_base').map((n) => n.id);
const zones = network.nodes.filter((n) => n.kind === 'zone').map((n) => n.id);
const pairs = bases.flatMap((source) =>
  zones.map((destination) => ({ source, destination, deadlineMs: serviceLevelDeadlineMs(model, destination, SERVICE_LEVEL, readyMs) })),
);

function searchAll(ctx: ItineraryContext, atMs: number): number {
  let found = 0;
  for (const p of pairs) found += searchItineraries(ctx, { ...p, readyMs: atMs, k: K }).itineraries.length;
  return found;
}

// What the searches find (once, outside the timings).
const probe = createItineraryContext(model);
let feasible = 0;
let slaInfeasible = 0;
let noRoute = 0;
let itineraries = 0;
for (const p of pairs) {
  const r = searchItineraries(probe, { ...p, readyMs, k: K });
  itineraries += r.itineraries.length;
  if (r.earliest === null) noRoute++;
  else if (r.itineraries.length === 0) slaInfeasible++;
  else feasible++;
}

let warm: ItineraryContext = probe;
const bench = new Bench({ name: 'itineraries', iterations: 10, time: 2_000, warmupIterations: 2 });
bench
  .add('cold: context + bounds + all pairs', () => searchAll(createItineraryContext(model), readyMs))
  .add('warm: bounds built, new instant, all pairs', () => searchAll(warm, readyMs), {
    // A fresh context whose bounds and step tables were filled by searches a week earlier.
    beforeEach: () => {
      warm = createItineraryContext(model);
      searchAll(warm, readyMs - WEEK_MS);
    },
  })
  .add('memo: the same searches again', () => searchAll(probe, readyMs));

await bench.run();

console.log(`network ${network.name}: ${bases.length} storage bases × ${zones.length} zones = ${pairs.length} pairs`);
console.log(`ready ${READY_ISO}, ${SERVICE_LEVEL} deadline, k = ${K}`);
console.log(`pairs: ${feasible} with itineraries (${itineraries} itineraries), ${slaInfeasible} SLA-infeasible, ${noRoute} no route`);
console.table(bench.table());
for (const task of bench.tasks) {
  const r = task.result;
  if (r.state !== 'completed') {
    console.log(`${task.name}: ${r.state}`);
    continue;
  }
  const perPairMs = r.latency.mean / pairs.length;
  console.log(`${task.name}: ${r.latency.mean.toFixed(1)} ms per run, ${perPairMs.toFixed(4)} ms per pair (${task.runs} runs)`);
}
