// The problem's choices share what does not differ between them (src/optimise/model/problem.ts):
// a parcel's legs are its candidate itinerary's own, and one sourcing option's choices draw
// stock from one list. On 100,000 orders the copies were the largest allocation while solving.
import { describe, expect, it } from 'vitest';
import { orderCandidates } from '../../../src/optimise/choices/candidates.js';
import { examineOrder, type OrderFacts } from '../../../src/optimise/choices/order-facts.js';
import { StockLedger } from '../../../src/optimise/ledger/stock-ledger.js';
import { ProblemBuilder } from '../../../src/optimise/model/problem.js';
import { DETOUR_ORDERS, DETOUR_STOCK, detourFixture } from '../detour-fixture.js';

function builtA() {
  const { ctx, model } = detourFixture();
  const ledger = new StockLedger(DETOUR_STOCK);
  const builder = new ProblemBuilder(model, (node, sku) => ledger.available(node, sku));
  const facts = examineOrder(model, DETOUR_ORDERS[0]!) as OrderFacts;
  const found = orderCandidates(ctx, facts, ledger, { k: 4, departuresPerLane: 1 });
  if ('status' in found) throw new Error(`order A: ${found.reason}`);
  builder.add(found);
  return { candidates: found, choices: builder.problem.orders[0]!.choices };
}

describe("the problem's choices", () => {
  it("ride their candidate itineraries' own legs, not copies", () => {
    const { candidates, choices } = builtA();
    const itineraries = candidates.options.flatMap((option) => option.flatMap((p) => p.itineraries));
    expect(choices.length).toBeGreaterThanOrEqual(2);
    for (const choice of choices) {
      for (const parcel of choice.parcels) expect(itineraries.some((it) => it.legs === parcel.legs)).toBe(true);
    }
  });

  it('share one stock list per sourcing option, with the right quantities', () => {
    const { candidates, choices } = builtA();
    expect(candidates.options).toHaveLength(1);
    const first = choices[0]!.stock;
    expect(first.reduce((n, s) => n + s.qty, 0)).toBe(DETOUR_ORDERS[0]!.lines.reduce((n, l) => n + l.qty, 0));
    for (const choice of choices) expect(choice.stock).toBe(first);
  });

  it('cannot change a shared leg: the itinerary froze it', () => {
    const { choices } = builtA();
    const leg = choices[0]!.parcels[0]!.legs[0]!;
    expect(Object.isFrozen(leg)).toBe(true);
    expect(() => {
      (leg as { departureMs: number }).departureMs += 1;
    }).toThrow(TypeError);
  });
});
