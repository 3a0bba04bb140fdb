// Cut-off: a parcel must be ready cutoffMinutes before a weekly departure; one minute late and
// it takes the next departure.
import { describe, expect, it } from 'vitest';
import { at, buildModel, utc, weekly } from './fixtures.js';

// LAX -> PVG Mondays and Thursdays 11:00 Los Angeles time, cut-off 3 h, block 13 h.
// Week of Monday 2026-11-09 (PST, UTC-8, after DST ended on 1 Nov):
//   Mon 11:00 PST = 19:00Z, cut-off 08:00 PST = 16:00Z; Thu 2026-11-12 11:00 PST = 19:00Z.
const model = buildModel([
  { id: 'AIR-LAX-PVG', from: 'LAX', to: 'PVG', mode: 'air', schedule: weekly([{ weekdays: [1, 4], time: '11:00' }], 780, 180) },
]);

describe('cut-off', () => {
  it('takes the departure when ready exactly at the cut-off', () => {
    const d = model.nextDeparture('AIR-LAX-PVG', at('2026-11-09T08:00:00-08:00'));
    expect(d).not.toBeNull();
    expect(utc(d!.departureMs)).toBe('2026-11-09T19:00:00.000Z');
    expect(utc(d!.arrivalMs)).toBe('2026-11-10T08:00:00.000Z'); // + 13 h
  });

  it('moves to the next departure when the cut-off is missed by one minute', () => {
    const d = model.nextDeparture('AIR-LAX-PVG', at('2026-11-09T08:01:00-08:00'));
    expect(d).toEqual({
      lane: 'AIR-LAX-PVG',
      departureMs: at('2026-11-12T19:00:00Z'), // Thursday 11:00 PST
      arrivalMs: at('2026-11-13T08:00:00Z'),
    });
  });

  it('moves on even when missed by one millisecond', () => {
    const d = model.nextDeparture('AIR-LAX-PVG', at('2026-11-09T16:00:00Z') + 1);
    expect(utc(d!.departureMs)).toBe('2026-11-12T19:00:00.000Z');
  });

  it('a parcel ready after departure but before the cut-off of the next one waits for it', () => {
    // Ready Tue 10:00 PST: Thursday's cut-off (08:00 Thu) is still ahead.
    const d = model.nextDeparture('AIR-LAX-PVG', at('2026-11-10T10:00:00-08:00'));
    expect(model.toLocalIso(d!.departureMs, 'LAX')).toBe('2026-11-12T11:00:00-08:00');
  });
});
