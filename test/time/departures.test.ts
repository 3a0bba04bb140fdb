// Departures of each schedule kind: lists and limits, continuous lanes, handling time before a
// node can be left, the 60-day horizon, and unknown ids.
import { describe, expect, it } from 'vitest';
import { at, buildModel, utc, weekly } from './fixtures.js';

const model = buildModel([
  // PVG daily 18:00 Shanghai (10:00Z), cut-off 4 h, block 11 h.
  { id: 'DAILY', from: 'PVG', to: 'LAX', mode: 'air', schedule: weekly([{ weekdays: [1, 2, 3, 4, 5, 6, 7], time: '18:00' }], 660, 240) },
  { id: 'TRUCK', from: 'US-BASE', to: 'LAX', mode: 'truck', schedule: { kind: 'continuous', transitMinutes: 300 } },
  { id: 'CLEAR', from: 'PVG', to: 'SH-PORT', mode: 'clearance', schedule: { kind: 'working_time', workingMinutes: 120 } },
  // A cut-off of 60 days (the longest allowed) pushes every departure past the 60-day horizon.
  { id: 'FAR', from: 'PVG', to: 'LAX', mode: 'air', schedule: weekly([{ weekdays: [3], time: '12:00' }], 60, 86_400) },
]);

describe('departures', () => {
  it('lists weekly departures earliest first, at most `limit`', () => {
    // Ready Mon 2026-11-09 15:00 +08:00 = 07:00Z: Monday's cut-off (14:00 +08:00) is missed.
    const ds = model.departuresFrom('DAILY', at('2026-11-09T07:00:00Z'), 3);
    expect(ds.map((d) => utc(d.departureMs))).toEqual([
      '2026-11-10T10:00:00.000Z',
      '2026-11-11T10:00:00.000Z',
      '2026-11-12T10:00:00.000Z',
    ]);
    expect(ds[0]!.arrivalMs).toBe(at('2026-11-10T21:00:00Z'));
    expect(model.departuresFrom('DAILY', at('2026-11-09T07:00:00Z'), 0)).toEqual([]);
  });

  it('lists up to 60 days of departures, no further', () => {
    // Ready 2026-11-09 07:00Z, horizon 2027-01-08 07:00Z; departures 10:00Z from 11-10 to
    // 2027-01-07 (01-08 10:00Z is past it): 21 in November + 31 in December + 7 = 59.
    expect(model.departuresFrom('DAILY', at('2026-11-09T07:00:00Z'), 1000)).toHaveLength(59);
  });

  it('departs a continuous lane at the ready time and lists just that one', () => {
    const ready = at('2026-11-09T07:00:00Z');
    expect(model.nextDeparture('TRUCK', ready)).toEqual({ lane: 'TRUCK', departureMs: ready, arrivalMs: ready + 300 * 60_000 });
    expect(model.departuresFrom('TRUCK', ready, 5)).toHaveLength(1);
    expect(model.departureAt('TRUCK', ready + 12_345)?.arrivalMs).toBe(ready + 12_345 + 300 * 60_000);
  });

  it('lists one working-time departure', () => {
    // Ready Sat 2026-11-07 (Shanghai): clearance starts Mon 09:00 +08:00 = 01:00Z, 2 h of work.
    const ds = model.departuresFrom('CLEAR', at('2026-11-07T04:00:00Z'), 5);
    expect(ds).toEqual([{ lane: 'CLEAR', departureMs: at('2026-11-09T01:00:00Z'), arrivalMs: at('2026-11-09T03:00:00Z') }]);
  });

  it('adds the node’s handling time before a parcel can leave', () => {
    // US-BASE handles for 120 min; LAX for 0.
    expect(model.readyToLeave('US-BASE', at('2026-11-09T07:00:00Z'))).toBe(at('2026-11-09T09:00:00Z'));
    expect(model.readyToLeave('LAX', at('2026-11-09T07:00:00Z'))).toBe(at('2026-11-09T07:00:00Z'));
  });

  it('returns null when no departure falls within 60 days of the ready time', () => {
    expect(model.nextDeparture('FAR', at('2026-11-09T07:00:00Z'))).toBeNull();
    expect(model.departuresFrom('FAR', at('2026-11-09T07:00:00Z'), 3)).toEqual([]);
  });

  it('knows the calendar of each node', () => {
    expect(model.calendarOf('PVG').id).toBe('cn');
    expect(model.calendarOf('LAX').id).toBe('us');
  });

  it('throws on an unknown lane or node (a bug: validation guarantees them)', () => {
    expect(() => model.nextDeparture('NOPE', 0)).toThrow(/unknown lane "NOPE"/);
    expect(() => model.localDate(0, 'NOPE')).toThrow(/unknown node "NOPE"/);
  });
});
