// Where a parcel comes from: a node of the right kind for its mode, one the order allows.
import { describe, expect, it } from 'vitest';
import { parcelOf, rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('sourcing', () => {
  it('names a parcel whose source kind does not fit its mode (SOURCE_MODE)', () => {
    // BW-SH is a bonded warehouse; direct mail ships from storage bases, and BD-3 is served
    // by bonded only: two SOURCE_MODE findings. The tax is the same 9.1 % either way. (A
    // direct-mail parcel must also clear customs, which P-O3 never does: CUSTOMS_CROSSING.)
    const result = verifyCorrupted((plan) => {
      parcelOf(plan, 'O3').mode = 'direct_mail';
    });
    expect(rulesOf(result)).toEqual(['CUSTOMS_CROSSING', 'SOURCE_MODE']);
    expect(violationsOf(result, 'SOURCE_MODE')).toMatchObject([
      { order: 'O3', parcel: 'P-O3', node: 'BW-SH', expected: 'storage_base', found: 'bonded_warehouse' },
      { order: 'O3', parcel: 'P-O3', expected: 'bonded', found: 'direct_mail' },
    ]);
  });

  it('names a source the order does not allow (SOURCE_NOT_ALLOWED)', () => {
    const result = verifyCorrupted(undefined, {
      orders: (orders) => {
        const o1 = orders.find((o) => o.id === 'O1');
        if (o1 !== undefined) o1.allowedSources = ['BW-SH'];
      },
    });
    // BW-SH holds none of O1's lines, so O1 has no floor: the fixture's bound is no longer proven.
    expect(rulesOf(result)).toEqual(['LOWER_BOUND_CERTIFICATE', 'SOURCE_NOT_ALLOWED']);
    expect(violationsOf(result, 'SOURCE_NOT_ALLOWED')).toMatchObject([{ order: 'O1', parcel: 'P-O1', node: 'BASE-US' }]);
  });
});
