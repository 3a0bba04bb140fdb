// Itineraries across a daylight-saving change and the date line (Los Angeles → Shanghai).
import { describe as suite, expect, it } from 'vitest';
import { searchItineraries } from '../../src/graph/itineraries.js';
import { at, fixture, pacificNetwork } from './fixtures.js';

suite('DST and the date line', () => {
  const { ctx, model } = fixture(pacificNetwork());
  const local = (ms: number, node: string) => model.toLocalIso(ms, node);

  it('keeps the 23:30 local departure across the end of US daylight saving (25 h between flights)', () => {
    // Ready Saturday 19:00 PDT; truck 60' → LAX 20:00, the cut-off of Saturday's 23:30 PDT flight is 20:30.
    // Saturday 23:30 PDT = 06:30Z Nov 1; +780' = 19:30Z = Monday 03:30 CST; last mile 600' → 13:30 CST.
    // Sunday 23:30 is PST (UTC-8) = 07:30Z Nov 2: 25 h after Saturday's; lands 20:30Z = Tuesday 04:30 CST.
    const found = searchItineraries(ctx, {
      source: 'BASE-US', destination: 'ZONE-SH', readyMs: at('2026-10-31T19:00:00-07:00'), deadlineMs: Infinity, k: 2,
    });
    const flights = found.itineraries.map((i) => i.legs[1]);
    expect(flights.map((f) => f && [local(f.departureMs, 'LAX'), local(f.arrivalMs, 'PVG')])).toEqual([
      ['2026-10-31T23:30:00-07:00', '2026-11-02T03:30:00+08:00'],
      ['2026-11-01T23:30:00-08:00', '2026-11-03T04:30:00+08:00'],
    ]);
    expect((flights[1]?.departureMs ?? 0) - (flights[0]?.departureMs ?? 0)).toBe(25 * 3_600_000);
    expect(found.itineraries.map((i) => local(i.arrivalMs, 'ZONE-SH'))).toEqual(['2026-11-02T13:30:00+08:00', '2026-11-03T14:30:00+08:00']);
  });

  it('crossing the date line westbound, a Saturday departure lands on Monday local', () => {
    const found = searchItineraries(ctx, {
      source: 'BASE-US', destination: 'ZONE-SH', readyMs: at('2026-10-31T19:00:00-07:00'), deadlineMs: Infinity, k: 1,
    });
    const flight = found.itineraries[0]?.legs[1];
    expect(flight && [model.localDate(flight.departureMs, 'LAX'), model.localDate(flight.arrivalMs, 'PVG')]).toEqual(['2026-10-31', '2026-11-02']);
  });

  it('a parcel missing Saturday\'s cut-off by a minute flies Sunday at 23:30 PST, not 22:30', () => {
    // Ready 19:31 PDT → LAX 20:31, one minute past the 20:30 cut-off.
    const found = searchItineraries(ctx, {
      source: 'BASE-US', destination: 'ZONE-SH', readyMs: at('2026-10-31T19:31:00-07:00'), deadlineMs: Infinity, k: 1,
    });
    const flight = found.itineraries[0]?.legs[1];
    expect(flight && local(flight.departureMs, 'LAX')).toBe('2026-11-01T23:30:00-08:00');
    expect(found.earliest?.arrivalMs).toBe(at('2026-11-03T14:30:00+08:00'));
  });
});
