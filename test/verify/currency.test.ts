// Money in a plan is in the network's currency, or none of its figures mean anything.
import { describe, expect, it } from 'vitest';
import { rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('currency', () => {
  it('names a plan priced in another currency (CURRENCY)', () => {
    const result = verifyCorrupted((plan) => {
      plan.currency = 'USD';
    });
    expect(rulesOf(result)).toEqual(['CURRENCY']);
    expect(violationsOf(result, 'CURRENCY')).toMatchObject([{ expected: 'CNY', found: 'USD' }]);
  });
});
