// Weekly departures on DST change days. Rule (src/time/zone.ts): a local time maps to the
// earliest instant at which the local clock shows that time or later, so a time inside the
// spring-forward gap departs at the transition, and a time that occurs twice departs once, at
// its first occurrence.
import { describe, expect, it } from 'vitest';
import { at, buildModel, utc, weekly } from './fixtures.js';

const model = buildModel([
  // Los Angeles: Sundays 02:30 (inside the 2026-03-08 gap 02:00–03:00) and 10:00.
  { id: 'LA-SUN', from: 'LAX', to: 'PVG', mode: 'air', schedule: weekly([{ weekdays: [7], time: '02:30' }, { weekdays: [7], time: '10:00' }], 780) },
  // Frankfurt: Sundays 02:30 (occurs twice on 2026-10-25) and 10:00.
  { id: 'FRA-SUN', from: 'FRA', to: 'PVG', mode: 'air', schedule: weekly([{ weekdays: [7], time: '02:30' }, { weekdays: [7], time: '10:00' }], 660) },
]);

describe('US spring-forward, Sunday 2026-03-08, America/Los_Angeles', () => {
  it('departs 10:00 local on the new offset: 10:00 PDT = 17:00Z (a week earlier, 10:00 PST = 18:00Z)', () => {
    const before = model.departuresFrom('LA-SUN', at('2026-02-28T00:00:00Z'), 2);
    expect(before.map((d) => utc(d.departureMs))).toEqual(['2026-03-01T10:30:00.000Z', '2026-03-01T18:00:00.000Z']);
    const changeDay = model.departuresFrom('LA-SUN', at('2026-03-07T12:00:00Z'), 2);
    expect(changeDay.map((d) => utc(d.departureMs))).toEqual([
      '2026-03-08T10:00:00.000Z', // 02:30 does not exist: the first valid instant after it, 03:00 PDT
      '2026-03-08T17:00:00.000Z',
    ]);
    expect(model.toLocalIso(changeDay[0]!.departureMs, 'LAX')).toBe('2026-03-08T03:00:00-07:00');
    expect(model.toLocalIso(changeDay[1]!.departureMs, 'LAX')).toBe('2026-03-08T10:00:00-07:00');
  });

  it('returns to 02:30 local the following Sunday', () => {
    const d = model.nextDeparture('LA-SUN', at('2026-03-09T00:00:00Z'));
    expect(model.toLocalIso(d!.departureMs, 'LAX')).toBe('2026-03-15T02:30:00-07:00');
    expect(utc(d!.departureMs)).toBe('2026-03-15T09:30:00.000Z');
  });

  it('treats only the transition instant as the gap departure', () => {
    expect(model.departureAt('LA-SUN', at('2026-03-08T10:00:00Z'))).not.toBeNull();
    expect(model.departureAt('LA-SUN', at('2026-03-08T10:30:00Z'))).toBeNull(); // luxon's shifted 03:30
  });
});

describe('EU fall-back, Sunday 2026-10-25, Europe/Berlin', () => {
  it('departs 10:00 local on the winter offset: 10:00 CET = 09:00Z (a week earlier, 10:00 CEST = 08:00Z)', () => {
    const before = model.nextDeparture('FRA-SUN', at('2026-10-18T07:00:00Z'));
    expect(utc(before!.departureMs)).toBe('2026-10-18T08:00:00.000Z');
    const d = model.nextDeparture('FRA-SUN', at('2026-10-25T01:00:00Z'));
    expect(utc(d!.departureMs)).toBe('2026-10-25T09:00:00.000Z');
    expect(model.toLocalIso(d!.departureMs, 'FRA')).toBe('2026-10-25T10:00:00+01:00');
  });

  it('departs 02:30 once, at its first occurrence (02:30 CEST = 00:30Z), not again at 02:30 CET', () => {
    const ds = model.departuresFrom('FRA-SUN', at('2026-10-24T12:00:00Z'), 2);
    expect(ds.map((d) => utc(d.departureMs))).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T09:00:00.000Z']);
    expect(model.toLocalIso(ds[0]!.departureMs, 'FRA')).toBe('2026-10-25T02:30:00+02:00');
    expect(model.departureAt('FRA-SUN', at('2026-10-25T01:30:00Z'))).toBeNull(); // the second 02:30
  });

  it('keeps the block time in real minutes across the change: 11 h after 00:30Z is 11:30Z', () => {
    const d = model.nextDeparture('FRA-SUN', at('2026-10-24T12:00:00Z'));
    expect(utc(d!.arrivalMs)).toBe('2026-10-25T11:30:00.000Z');
    expect(model.toLocalIso(d!.arrivalMs, 'PVG')).toBe('2026-10-25T19:30:00+08:00');
  });
});
