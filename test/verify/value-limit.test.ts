// Cross-border modes only for orders within the per-order value limit.
import { describe, expect, it } from 'vitest';
import { rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('cross-border value limit', () => {
  it('names a cross-border order worth more than the limit (VALUE_LIMIT)', () => {
    // O1 and O2 are worth 60000 fen each; a limit of 50000 excludes both from direct mail.
    // O3 (bonded, 20000) stays within it.
    const result = verifyCorrupted(undefined, {
      network: (network) => {
        network.customs.crossBorderOrderLimitMinor = 50000;
      },
    });
    // O1 and O2 then have no mode left, so no floor: the fixture's bound is no longer proven.
    expect(rulesOf(result)).toEqual(['LOWER_BOUND_CERTIFICATE', 'VALUE_LIMIT']);
    expect(violationsOf(result, 'VALUE_LIMIT')).toMatchObject([
      { order: 'O1', parcel: 'P-O1', expected: 50000, found: 60000 },
      { order: 'O2', parcel: 'P-O2', expected: 50000, found: 60000 },
    ]);
  });

  it('accepts an order worth exactly the limit', () => {
    const result = verifyCorrupted(undefined, {
      network: (network) => {
        network.customs.crossBorderOrderLimitMinor = 60000;
      },
    });
    expect(result.violations).toEqual([]);
  });
});
