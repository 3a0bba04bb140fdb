// The documented example (data/examples/tiny) is a golden test: `xbroute plan` on it must
// write data/examples/tiny/expected-plan.json byte for byte and print expected-summary.txt
// (elapsed time normalised). After a deliberate change to the planner, regenerate both with
//   npx tsx src/cli/main.ts plan --network data/examples/tiny/network.json \
//     --orders data/examples/tiny/orders.csv --stock data/examples/tiny/stock.csv \
//     --solver highs --out data/examples/tiny/expected-plan.json > /tmp/summary.txt
//   sed -E 's/^(elapsed +)[0-9]+\.[0-9]{2} s$/\1#.## s/' /tmp/summary.txt > data/examples/tiny/expected-summary.txt
// and review the diff: it is the change the users will see.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plan, PlannedOrder, UnplannedOrder } from '../../src/domain/plan.js';
import { DATA_DIR } from '../../src/cli/paths.js';
import { runCli } from '../fixtures/run-cli.js';
import { tempDir } from '../fixtures/tiny.js';

const EXAMPLE = join(DATA_DIR, 'examples', 'tiny');
const INPUTS = [
  '--network', join(EXAMPLE, 'network.json'),
  '--orders', join(EXAMPLE, 'orders.csv'),
  '--stock', join(EXAMPLE, 'stock.csv'),
];

/** The summary's elapsed time is the only figure that varies from run to run; the line naming
 *  the files written is about the run, not the plan (test/cli/plan-written-files.test.ts). */
function normaliseElapsed(summary: string): string {
  return summary.replace(/^(elapsed +)\d+\.\d{2} s$/m, '$1#.## s').replace(/^written .*\n/m, '');
}

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('golden example data/examples/tiny', () => {
  it('plans to expected-plan.json byte for byte and prints expected-summary.txt', async () => {
    const out = join(tmp.dir, 'plan.json');
    const r = await runCli(['plan', ...INPUTS, '--solver', 'highs', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(EXAMPLE, 'expected-plan.json'), 'utf8'));
    expect(normaliseElapsed(r.stdout)).toBe(readFileSync(join(EXAMPLE, 'expected-summary.txt'), 'utf8'));
  });

  // What the example is there to show; if a regenerated expected plan loses one of these,
  // the example (and the README walkthrough) needs new orders, not just a new golden file.
  it('shows every case the walkthrough describes', () => {
    const plan = JSON.parse(readFileSync(join(EXAMPLE, 'expected-plan.json'), 'utf8')) as Plan;
    const answer = (id: string) => plan.orders.find((o) => o.order === id);
    const planned = (id: string) => answer(id) as PlannedOrder;
    const reason = (id: string) => (answer(id) as UnplannedOrder).reason;

    // EX-01 and EX-02 leave Los Angeles on the same Wednesday flight: one master air waybill.
    const flight = (id: string) => planned(id).parcels[0]?.legs.find((l) => l.mode === 'air')?.consolidation;
    expect(flight('EX-01')).toBe('AIR:LAX-PVG:MU@2026-11-11T23:30:00-08:00');
    expect(flight('EX-02')).toBe(flight('EX-01'));
    expect(plan.consolidations.find((c) => c.id === flight('EX-01'))?.parcels).toEqual(expect.arrayContaining(['EX-01/1', 'EX-02/1']));
    // EX-04 is served from the bonded warehouse, EX-05 from domestic (general-trade) stock.
    expect(planned('EX-04').parcels.map((p) => [p.source, p.mode])).toEqual([['BW-PVG', 'bonded']]);
    expect(planned('EX-05').parcels.map((p) => [p.source, p.mode])).toEqual([['DW-SHA', 'general_trade']]);
    // EX-06: one CNY 5,800 watch, over the CNY 5,000 per-order limit but a single item within the
    // annual limit: cross-border, taxed at the full rate. EX-10: two such watches, no single item.
    expect(planned('EX-06').parcels.map((p) => [p.mode, p.taxBasis])).toEqual([['direct_mail', 'cbec_full']]);
    expect(reason('EX-10')).toBe('OVER_VALUE_LIMIT');
    // SLA of 2026-11-13 18:00 vs earliest 11-14 13:00; 6 tins of formula, 5 in stock.
    expect(reason('EX-07')).toBe('SLA_INFEASIBLE');
    expect((answer('EX-07') as UnplannedOrder).earliestDelivery).toBe('2026-11-14T13:00:00+08:00');
    expect(reason('EX-08')).toBe('NO_STOCK');
  });
});
