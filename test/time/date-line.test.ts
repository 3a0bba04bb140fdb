// Across the date line: arrival = departure + block time in real minutes, shown in the local
// time and date of the arrival node.
import { describe, expect, it } from 'vitest';
import { at, buildModel, weekly } from './fixtures.js';

const model = buildModel([
  // LAX -> PVG Mondays 11:00 Los Angeles, 13 h block.
  { id: 'LAX-PVG', from: 'LAX', to: 'PVG', mode: 'air', schedule: weekly([{ weekdays: [1], time: '11:00' }], 780) },
  // PVG -> LAX Tuesdays 18:00 Shanghai, 11 h block.
  { id: 'PVG-LAX', from: 'PVG', to: 'LAX', mode: 'air', schedule: weekly([{ weekdays: [2], time: '18:00' }], 660) },
]);

describe('date line', () => {
  it('LAX -> PVG: leaves Monday 11:00 PST, lands Tuesday 16:00 +08:00 (the next local day)', () => {
    // Mon 2026-11-09 11:00 -08:00 = 19:00Z; + 13 h = Tue 08:00Z = 16:00 in Shanghai.
    const d = model.nextDeparture('LAX-PVG', at('2026-11-09T00:00:00-08:00'))!;
    expect(model.toLocalIso(d.departureMs, 'LAX')).toBe('2026-11-09T11:00:00-08:00');
    expect(model.toLocalIso(d.arrivalMs, 'PVG')).toBe('2026-11-10T16:00:00+08:00');
    expect(model.localDate(d.departureMs, 'LAX')).toBe('2026-11-09');
    expect(model.localDate(d.arrivalMs, 'PVG')).toBe('2026-11-10');
  });

  it('PVG -> LAX: lands at 13:00 local, "before" it left at 18:00 local, the same date', () => {
    // Tue 2026-11-10 18:00 +08:00 = 10:00Z; + 11 h = 21:00Z = 13:00 PST on Tuesday.
    const d = model.nextDeparture('PVG-LAX', at('2026-11-10T00:00:00+08:00'))!;
    expect(model.toLocalIso(d.departureMs, 'PVG')).toBe('2026-11-10T18:00:00+08:00');
    expect(model.toLocalIso(d.arrivalMs, 'LAX')).toBe('2026-11-10T13:00:00-08:00');
    expect(d.arrivalMs - d.departureMs).toBe(11 * 3_600_000);
    // The same instant is a different local date on each side.
    expect(model.localDate(d.departureMs, 'LAX')).toBe('2026-11-10'); // 02:00 PST
    expect(model.localDate(at('2026-11-10T17:00:00Z'), 'PVG')).toBe('2026-11-11'); // 01:00 +08:00
    expect(model.localDate(at('2026-11-10T17:00:00Z'), 'LAX')).toBe('2026-11-10');
  });
});
