// An SLA_INFEASIBLE answer holds only if no allowed, stocked source can deliver by the deadline,
// and the earliest delivery it states is after the deadline and not earlier than possible.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../src/domain/orders.js';
import { rulesOf, unplan, verifyCorrupted, violationsOf } from './harness.js';

// O3 leaves BW-SH at 11:00 (60 min handling after its 10:00 creation) and arrives at 23:00.
const O3_DEADLINE = '2026-11-14T23:59:59+08:00';
const O3_EARLIEST = '2026-11-11T23:00:00+08:00';

/** O3 promised for 20:00 on its creation day: three hours too soon for any routing. */
function tightO3(orders: Order[]): void {
  const o3 = orders.find((o) => o.id === 'O3');
  if (o3 !== undefined) o3.deliverBy = '2026-11-11T20:00:00+08:00';
}

describe('unplanned SLA_INFEASIBLE', () => {
  it('accepts a genuine one: the earliest delivery 23:00 is after the 20:00 promise', () => {
    const result = verifyCorrupted(
      (plan) => unplan(plan, 'O3', { reason: 'SLA_INFEASIBLE', message: 'late', deadline: '2026-11-11T20:00:00+08:00', earliestDelivery: O3_EARLIEST }),
      { orders: tightO3 },
    );
    expect(result.violations).toEqual([]);
  });

  it('names an SLA_INFEASIBLE of an order a source can deliver in time (REASON_SLA_INFEASIBLE)', () => {
    // The stated earliest delivery is after the deadline, but BW-SH gets there by Wednesday 23:00.
    const result = verifyCorrupted((plan) =>
      unplan(plan, 'O3', { reason: 'SLA_INFEASIBLE', message: 'late', deadline: O3_DEADLINE, earliestDelivery: '2026-11-15T10:00:00+08:00' }),
    );
    expect(rulesOf(result)).toEqual(['REASON_SLA_INFEASIBLE']);
    expect(violationsOf(result, 'REASON_SLA_INFEASIBLE')).toMatchObject([{ order: 'O3', found: `BW-SH by ${O3_EARLIEST}` }]);
  });

  it('names an earliest delivery before the deadline (REASON_SLA_INFEASIBLE)', () => {
    const result = verifyCorrupted(
      (plan) => unplan(plan, 'O3', { reason: 'SLA_INFEASIBLE', message: 'late', deadline: '2026-11-11T20:00:00+08:00', earliestDelivery: '2026-11-11T19:00:00+08:00' }),
      { orders: tightO3 },
    );
    const messages = violationsOf(result, 'REASON_SLA_INFEASIBLE').map((v) => v.message);
    expect(messages[0]).toContain('is not after its deadline');
  });

  it('names an earliest delivery earlier than any routing can make (REASON_SLA_INFEASIBLE)', () => {
    // 22:00 is after the 20:00 promise, but nothing reaches ZONE-SH before 23:00.
    const result = verifyCorrupted(
      (plan) => unplan(plan, 'O3', { reason: 'SLA_INFEASIBLE', message: 'late', deadline: '2026-11-11T20:00:00+08:00', earliestDelivery: '2026-11-11T22:00:00+08:00' }),
      { orders: tightO3 },
    );
    expect(rulesOf(result)).toEqual(['REASON_SLA_INFEASIBLE']);
    expect(violationsOf(result, 'REASON_SLA_INFEASIBLE')).toMatchObject([{ order: 'O3', expected: `≥ ${O3_EARLIEST}` }]);
  });

  it('names an earliest delivery later than a source holding the order can make (REASON_SLA_INFEASIBLE)', () => {
    // BW-SH holds SKU-C and delivers at 23:00 Wednesday, not Thursday 10:00.
    const result = verifyCorrupted(
      (plan) => unplan(plan, 'O3', { reason: 'SLA_INFEASIBLE', message: 'late', deadline: '2026-11-11T20:00:00+08:00', earliestDelivery: '2026-11-12T10:00:00+08:00' }),
      { orders: tightO3 },
    );
    expect(rulesOf(result)).toEqual(['REASON_SLA_INFEASIBLE']);
    expect(violationsOf(result, 'REASON_SLA_INFEASIBLE')).toMatchObject([{ order: 'O3', expected: `≤ ${O3_EARLIEST}` }]);
  });

  it('names an SLA_INFEASIBLE that states no earliest delivery (REASON_SLA_INFEASIBLE)', () => {
    const result = verifyCorrupted((plan) => unplan(plan, 'O3', { reason: 'SLA_INFEASIBLE', message: 'late', deadline: '2026-11-11T20:00:00+08:00' }), {
      orders: tightO3,
    });
    expect(rulesOf(result)).toEqual(['REASON_SLA_INFEASIBLE']);
    expect(violationsOf(result, 'REASON_SLA_INFEASIBLE')).toMatchObject([{ order: 'O3', found: 'none' }]);
  });

  it('judges a direct-mail order by routings through customs', () => {
    // O1 unplanned as late, with a deliverBy of Thursday noon: its one routing arrives Friday
    // 13:00. A truck straight from PVG to ZONE-SH would make it, but skips clearance: it does
    // not count, and the answer stands.
    const result = verifyCorrupted(
      (plan) => {
        plan.consolidations = [];
        unplanO1(plan);
      },
      {
        orders: (orders) => {
          const o1 = orders.find((o) => o.id === 'O1');
          if (o1 !== undefined) o1.deliverBy = '2026-11-12T12:00:00+08:00';
        },
        network: (network) => {
          network.lanes.push({
            id: 'TRK-PVG-SH', from: 'PVG', to: 'ZONE-SH', mode: 'truck', schedule: { kind: 'continuous', transitMinutes: 120 },
            cost: { perParcelMinor: 100, perParcelKgMinor: 0, includedKg: 0, perConsolidationMinor: 0, perUldMinor: 0 }, volumetricDivisor: 6000,
          });
        },
      },
    );
    expect(violationsOf(result, 'REASON_SLA_INFEASIBLE')).toEqual([]);
  });
});

/** O1 answered SLA_INFEASIBLE; C1 is dropped with it (O2's broken consolidation is not what is asserted). */
function unplanO1(plan: Parameters<typeof unplan>[0]): void {
  for (const id of ['O1', 'O2']) {
    const answer = plan.orders.find((a) => a.order === id);
    if (answer?.status !== 'planned') continue;
    answer.parcels.forEach((p) => p.legs.forEach((l) => delete l.consolidation));
  }
  unplan(plan, 'O1', { reason: 'SLA_INFEASIBLE', message: 'late', deadline: '2026-11-12T12:00:00+08:00', earliestDelivery: '2026-11-13T13:00:00+08:00' });
}
