// Splits over several nodes prefer the cheap ones (src/optimise/choices/sourcing.ts): when no
// node holds a whole order, the nodes covering as many lines are taken cheapest first, and a
// second split takes each line from its cheapest node. Before, the first node in file order won
// ties, so an order whose lines a domestic warehouse held flew them from overseas bases instead.
import { describe, expect, it } from 'vitest';
import type { Order, StockRecord } from '../../../src/domain/orders.js';
import { planBatch } from '../../../src/engine/plan-batch.js';
import { sourcingOptions } from '../../../src/optimise/choices/sourcing.js';
import { StockLedger } from '../../../src/optimise/ledger/stock-ledger.js';
import { buildNetwork, continuous, fixture } from '../../graph/fixtures.js';

const DEAR = 1_000;
const CHEAP = 100;
const warehouses = ['DEAR-1', 'DEAR-2', 'CHEAP-1', 'CHEAP-2', 'CHEAP-3'];
const network = buildNetwork(
  [...warehouses.map((id) => ({ id, kind: 'domestic_warehouse' as const, timeZone: 'Asia/Shanghai' })), { id: 'ZONE', kind: 'zone', timeZone: 'Asia/Shanghai' }],
  warehouses.map((id) => ({
    id: `LM:${id}`, from: id, to: 'ZONE', mode: 'last_mile' as const, schedule: continuous(60),
    cost: { perParcelMinor: id.startsWith('DEAR') ? DEAR : CHEAP },
  })),
  { serviceLevels: [{ id: 'domestic', deadline: { kind: 'calendar_days', days: 2 }, modes: ['general_trade'] }] },
);
const { index, ctx } = fixture(network);
const line = (sku: string) => ({ sku, qty: 1, unitWeightKg: 0.5, unitVolumeM3: 0.001, unitValueMinor: 10_000 });
const order = (id: string, skus: string[]): Order => ({
  id, createdAt: '2026-11-23T08:00:00+08:00', destination: 'ZONE', serviceLevel: 'domestic', lines: skus.map(line),
});
const rank = (node: string) => ctx.minCostToZone(node, 'ZONE');
const splitOf = (option: { source: string; lines: { line: number }[] }[]) => option.map((p) => `${p.source}:${p.lines.map((l) => l.line).join(',')}`);

describe('splits ranked by cost', () => {
  // A and B each at a dear and a cheap warehouse, the dear ones first in the file.
  const tie: StockRecord[] = [
    { node: 'DEAR-1', sku: 'A', qty: 5 }, { node: 'DEAR-2', sku: 'B', qty: 5 },
    { node: 'CHEAP-1', sku: 'A', qty: 5 }, { node: 'CHEAP-2', sku: 'B', qty: 5 },
  ];

  it('of nodes covering as many lines, takes the cheapest; without a rank, file order as before', () => {
    const o = order('O1', ['A', 'B']);
    const ranked = sourcingOptions(index, o, ['general_trade'], new StockLedger(tie), undefined, rank);
    const unranked = sourcingOptions(index, o, ['general_trade'], new StockLedger(tie));
    if (!ranked.ok || !unranked.ok) throw new Error('no sourcing');
    expect(ranked.options.map(splitOf)).toEqual([['CHEAP-1:0', 'CHEAP-2:1']]);
    expect(unranked.options.map(splitOf)).toEqual([['DEAR-1:0', 'DEAR-2:1']]);
  });

  it('offers each line from its cheapest node as a second split when fewest parcels is dear', () => {
    // A and B together only at DEAR-1; each alone at a cheap one; C only at CHEAP-3.
    const stock = new StockLedger([
      { node: 'DEAR-1', sku: 'A', qty: 5 }, { node: 'DEAR-1', sku: 'B', qty: 5 },
      { node: 'CHEAP-1', sku: 'A', qty: 5 }, { node: 'CHEAP-2', sku: 'B', qty: 5 }, { node: 'CHEAP-3', sku: 'C', qty: 5 },
    ]);
    const found = sourcingOptions(index, order('O2', ['A', 'B', 'C']), ['general_trade'], stock, undefined, rank);
    if (!found.ok) throw new Error('no sourcing');
    expect(found.options.map(splitOf)).toEqual([
      ['DEAR-1:0,1', 'CHEAP-3:2'],
      ['CHEAP-1:0', 'CHEAP-2:1', 'CHEAP-3:2'],
    ]);
  });

  it('the planner ships from the cheap warehouses, at the cost the bound proves', async () => {
    const plan = await planBatch(ctx, [order('O1', ['A', 'B'])], tie, { solver: 'highs' });
    const planned = plan.orders[0]!;
    if (planned.status !== 'planned') throw new Error(`unplanned: ${planned.reason}`);
    expect(planned.parcels.map((p) => p.source).sort()).toEqual(['CHEAP-1', 'CHEAP-2']);
    expect(plan.totals.cost.total).toBe(2 * CHEAP);
    expect(plan.totals.lowerBoundMinor).toBe(plan.totals.cost.total);
  });
});
