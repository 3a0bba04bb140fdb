// The progress line's figures while solving: the search's cost, the bound so far (with how many
// orders it covers until it covers all) and the gap between them.
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

  it('shows what there is: the cost alone, the bound alone, nothing', () => {
    expect(searchFigures({ searchCostMinor: 100 })).toBe(', cost 1.00');
    expect(searchFigures({ boundMinor: 100, ordersBounded: 1, ordersToBound: 1 })).toBe(', bound 1.00');
    // The plan's final bound (on done) is not the search's figure: only a bound with its count is shown.
    expect(searchFigures({ boundMinor: 100 })).toBe('');
    expect(searchFigures({})).toBe('');
  });
});
