// An INVALID_ORDER answer must name a field that really is wrong against the network.
import { describe, expect, it } from 'vitest';
import { answerExtra, extraOrder, rulesOf, unplan, verifyCorrupted, violationsOf } from './harness.js';

describe('unplanned INVALID_ORDER', () => {
  it('accepts a genuine one: O5 is addressed to an airport', () => {
    const result = verifyCorrupted((plan) => answerExtra(plan, 'O5', { reason: 'INVALID_ORDER', message: 'not a zone', field: 'destination' }), {
      orders: (orders) => orders.push(extraOrder({ destination: 'PVG' })),
    });
    expect(result.violations).toEqual([]);
  });

  it('accepts a deliverBy before createdAt', () => {
    const result = verifyCorrupted((plan) => answerExtra(plan, 'O5', { reason: 'INVALID_ORDER', message: 'too early', field: 'deliverBy' }), {
      orders: (orders) => orders.push(extraOrder({ deliverBy: '2026-11-10T05:00:00-08:00' })),
    });
    expect(result.violations).toEqual([]);
  });

  it('names an INVALID_ORDER whose field is valid (REASON_INVALID_ORDER)', () => {
    const result = verifyCorrupted((plan) => unplan(plan, 'O3', { reason: 'INVALID_ORDER', message: 'bad destination', field: 'destination' }));
    expect(rulesOf(result)).toEqual(['REASON_INVALID_ORDER']);
    expect(violationsOf(result, 'REASON_INVALID_ORDER')).toMatchObject([{ order: 'O3', found: 'destination' }]);
  });

  it('names an INVALID_ORDER that names no field, or one it cannot confirm (REASON_INVALID_ORDER)', () => {
    const none = verifyCorrupted((plan) => unplan(plan, 'O3', { reason: 'INVALID_ORDER', message: 'bad' }));
    expect(violationsOf(none, 'REASON_INVALID_ORDER')).toMatchObject([{ order: 'O3', found: 'none' }]);
    const other = verifyCorrupted((plan) => unplan(plan, 'O3', { reason: 'INVALID_ORDER', message: 'bad', field: 'colour' }));
    expect(violationsOf(other, 'REASON_INVALID_ORDER')).toMatchObject([{ order: 'O3', found: 'colour' }]);
  });
});
