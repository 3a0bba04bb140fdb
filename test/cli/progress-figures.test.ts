// The progress line's figures while solving: the search's sets, the orders priced again and the cost, the bound so far (the
// share ascent's round, then how many orders it covers until it covers all) and the gap.
import { describe, expect, it } from 'vitest';
import { searchFigures } from '../../src/cli/commands/plan.js';

describe('searchFigures', () => {
  it('shows cost, the bound so far and the gap', () => {
    expect(searchFigures({ searchCostMinor: 4_312_527, boundMinor: 1_000_000, ordersBounded: 250, ordersToBound: 982 })).toBe(
      ', cost 43,125.27, bound 10,000.00 (250/982 orders), gap 76.8 %',
    );
    expect(searchFigures({ searchCostMinor: 4_312_527, boundMinor: 2_698_287, ordersBounded: 982, ordersToBound: 982 })).toBe(
      ', cost 43,125.27, bound 26,982.87, gap 37.4 %',
    );
  });

  it("counts the search's sets of its budget and the ascent's rounds before any order is bounded", () => {
    expect(searchFigures({ neighbourhoodsSolved: 8, neighbourhoodsBudget: 32, searchCostMinor: 100, boundRound: 3, boundRounds: 8, parcelsRaising: 41 })).toBe(
      ', 8/32 neighbourhoods, cost 1.00, bound round 3/8, 41 parcels raising',
    );
    expect(searchFigures({ boundRound: 7, boundRounds: 8, parcelsRaising: 1 })).toBe(', bound round 7/8, 1 parcel raising');
    // After the sets, the orders priced again against the plan.
    expect(searchFigures({ neighbourhoodsSolved: 8, neighbourhoodsBudget: 8, ordersRepriced: 250, ordersToReprice: 982, searchCostMinor: 100 })).toBe(
      ', 8/8 neighbourhoods, 250/982 orders repriced, cost 1.00',
    );
    // Once orders are bounded, the bound so far replaces the round.
    expect(searchFigures({ neighbourhoodsSolved: 8, boundRound: 8, boundRounds: 8, boundMinor: 50, ordersBounded: 1, ordersToBound: 2 })).toBe(
      ', 8 neighbourhoods, bound 0.50 (1/2 orders)',
    );
  });

  it('shows what there is: the cost alone, the bound alone, nothing', () => {
    expect(searchFigures({ searchCostMinor: 100 })).toBe(', cost 1.00');
    expect(searchFigures({ boundMinor: 100, ordersBounded: 1, ordersToBound: 1 })).toBe(', bound 1.00');
    // The plan's final bound (on done) is not the search's figure: only a bound with its count is shown.
    expect(searchFigures({ boundMinor: 100 })).toBe('');
    expect(searchFigures({})).toBe('');
  });
});
