// Plan the bundled sample batch with the library: worker threads, a time budget, progress,
// cancellation, and a verified plan back.
import { writeFile } from 'node:fs/promises';
import { createPlanner, formatMinor, loadDefaultNetwork, loadSampleBatch, planToCsv } from 'xbroute';

const network = loadDefaultNetwork(); // the bundled data/network.json, checked
const { orders, stock } = loadSampleBatch(); // the bundled S batch: 1,000 orders and their stock

const planner = createPlanner({ network, stock }); // solver 'highs', one worker thread per core
try {
  const plan = await planner.plan(orders, {
    timeLimitMs: 60_000, // after a minute: the best verified plan found so far
    signal: AbortSignal.timeout(120_000), // cancels from outside: rejects with an AbortError
    onProgress: ({ phase, partitionsDone, partitionsTotal }) => {
      if (phase === 'solving') process.stderr.write(`\rsolving: ${partitionsDone}/${partitionsTotal} partitions`);
    },
  });
  process.stderr.write('\n');
  const { totals } = plan;
  console.log(`${totals.planned} of ${totals.orders} orders planned, cost ${formatMinor(totals.cost.total)} ${plan.currency}`);
  console.log(`lower bound ${formatMinor(totals.lowerBoundMinor)}, gap ${(100 * totals.gap).toFixed(1)} %`);

  const flown = plan.orders.find((o) => o.status === 'planned' && o.parcels[0].mode === 'direct_mail');
  const [parcel] = flown.parcels;
  console.log(`${flown.order}: ${[parcel.source, ...parcel.legs.map((leg) => leg.to)].join(' → ')}, delivered ${flown.deliveredAt}`);
  const late = plan.orders.find((o) => o.status === 'unplanned' && o.reason === 'SLA_INFEASIBLE');
  console.log(`${late.order}: ${late.reason}: ${late.message}`);

  await writeFile('plan.csv', planToCsv(plan)); // one row per parcel leg, for spreadsheets
} finally {
  await planner.close();
}
