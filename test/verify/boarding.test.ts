// A parcel boards a leg only once it is at the origin and handled: by the cut-off of a
// weekly lane, by the departure of any other; and never before the previous leg arrives.
import { describe, expect, it } from 'vitest';
import { legOf, parcelOf, plannedOrder, rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('boarding', () => {
  it('names a flight boarded after its cut-off (CUTOFF_MISSED)', () => {
    // The truck now leaves BASE-US at 19:00 and reaches LAX at 21:00 PST, after the
    // 23:30 − 180 min = 20:30 cut-off. (21:00 is before 23:30: the legs do connect.)
    const result = verifyCorrupted((plan) => {
      Object.assign(legOf(plan, 'O1', 'TRK-BASE-LAX'), { departure: '2026-11-10T19:00:00-08:00', arrival: '2026-11-10T21:00:00-08:00' });
    });
    expect(rulesOf(result)).toEqual(['CUTOFF_MISSED']);
    expect(violationsOf(result, 'CUTOFF_MISSED')).toMatchObject([
      {
        order: 'O1',
        parcel: 'P-O1',
        departure: 'AIR-LAX-PVG@2026-11-10T23:30:00-08:00',
        expected: 'ready ≤ 2026-11-10T20:30:00-08:00',
        found: '2026-11-10T21:00:00-08:00',
      },
    ]);
  });

  it('names a first leg that leaves before the order is created and handled (CUTOFF_MISSED)', () => {
    // O3 is created at 10:00 and BW-SH needs 60 min: 10:30 is too early. Every time after is
    // moved along consistently (arrival 22:30, slack 4379 + 30 = 4409 min).
    const result = verifyCorrupted((plan) => {
      Object.assign(legOf(plan, 'O3', 'LM-BW-SH'), { departure: '2026-11-11T10:30:00+08:00', arrival: '2026-11-11T22:30:00+08:00' });
      parcelOf(plan, 'O3').deliveredAt = '2026-11-11T22:30:00+08:00';
      Object.assign(plannedOrder(plan, 'O3'), { deliveredAt: '2026-11-11T22:30:00+08:00', slackMinutes: 4409 });
    });
    expect(rulesOf(result)).toEqual(['CUTOFF_MISSED']);
    expect(violationsOf(result, 'CUTOFF_MISSED')).toMatchObject([{ order: 'O3', found: '2026-11-11T11:00:00+08:00' }]);
  });

  it('names a leg that departs before the previous one arrives (LEG_DISCONNECTED)', () => {
    // Clearance ends at 13:00; the last mile claims to leave at 12:00 (arriving 12:00 Friday,
    // with deliveredAt and slack, 7859 + 60 = 7919, following it).
    const result = verifyCorrupted((plan) => {
      Object.assign(legOf(plan, 'O1', 'LM-SH'), { departure: '2026-11-12T12:00:00+08:00', arrival: '2026-11-13T12:00:00+08:00' });
      parcelOf(plan, 'O1').deliveredAt = '2026-11-13T12:00:00+08:00';
      Object.assign(plannedOrder(plan, 'O1'), { deliveredAt: '2026-11-13T12:00:00+08:00', slackMinutes: 7919 });
    });
    expect(rulesOf(result)).toEqual(['LEG_DISCONNECTED']);
    expect(violationsOf(result, 'LEG_DISCONNECTED')).toMatchObject([
      { order: 'O1', parcel: 'P-O1', departure: 'LM-SH@2026-11-12T12:00:00+08:00', found: '2026-11-12T12:00:00+08:00' },
    ]);
  });

  it('names legs that do not chain node to node (LEG_DISCONNECTED)', () => {
    // Dropping the clearance leg leaves the parcel at PVG while the last mile leaves PORT-SH.
    const result = verifyCorrupted((plan) => {
      const parcel = parcelOf(plan, 'O1');
      parcel.legs = parcel.legs.filter((leg) => leg.lane !== 'CLR-PVG-SH');
    });
    expect(violationsOf(result, 'LEG_DISCONNECTED')).toMatchObject([{ parcel: 'P-O1', expected: 'PVG', found: 'PORT-SH' }]);
  });
});
