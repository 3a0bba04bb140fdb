// Closures applied to the time model (src/time/closed-time-model.ts): a closed lane's departures
// are gone and the next open one is found; a lane that leaves when ready waits past a closed
// day; a port's capacity is the day's. Tiny example: LAX→PVG flies Mon/Wed/Fri 23:30 LAX time.
import { describe, expect, it } from 'vitest';
import type { Closures } from '../../src/domain/closures.js';
import { createTimeModel, parseInstant } from '../../src/time/index.js';
import { withClosures } from '../../src/time/closed-time-model.js';
import { tinyInputs } from '../replan/tiny.js';

const { index } = tinyInputs();
const base = createTimeModel(index);
const closed = (c: Partial<Closures>) => withClosures(base, { lanes: [], nodes: [], portCapacity: [], ...c });
const ready = parseInstant('2026-11-11T08:00:00-08:00');
const iso = (ms: number | undefined, node: string) => (ms === undefined ? undefined : base.toLocalIso(ms, node));

describe('closed time model', () => {
  it('skips a cancelled weekly departure to the next open one', () => {
    const m = closed({ lanes: [{ lane: 'AIR:LAX-PVG:MU', from: '2026-11-11', to: '2026-11-11' }] });
    expect(iso(base.nextDeparture('AIR:LAX-PVG:MU', ready)?.departureMs, 'AP-LAX')).toBe('2026-11-11T23:30:00-08:00');
    expect(iso(m.nextDeparture('AIR:LAX-PVG:MU', ready)?.departureMs, 'AP-LAX')).toBe('2026-11-13T23:30:00-08:00');
    expect(m.departuresFrom('AIR:LAX-PVG:MU', ready, 2).map((d) => iso(d.departureMs, 'AP-LAX'))).toEqual([
      '2026-11-13T23:30:00-08:00',
      '2026-11-16T23:30:00-08:00',
    ]);
    expect(m.departureAt('AIR:LAX-PVG:MU', parseInstant('2026-11-11T23:30:00-08:00'))).toBeNull();
    expect(m.departureAt('AIR:LAX-PVG:MU', parseInstant('2026-11-13T23:30:00-08:00'))).not.toBeNull();
  });

  it('holds a truck at a closed base until the next local day', () => {
    const m = closed({ nodes: [{ node: 'SB-LAX', from: '2026-11-11', to: '2026-11-11' }] });
    expect(iso(m.nextDeparture('TRK:SB-LAX:AP-LAX', ready)?.departureMs, 'SB-LAX')).toBe('2026-11-12T00:00:00-08:00');
  });

  it('starts no clearance at a closed port, and gives the day\'s capacity', () => {
    const m = closed({
      nodes: [{ node: 'CP-PVG', from: '2026-11-13', to: '2026-11-13' }],
      portCapacity: [{ port: 'CP-PVG', date: '2026-11-14', dailyParcelCapacity: 7 }],
    });
    const landed = parseInstant('2026-11-13T10:00:00+08:00');
    expect(iso(base.nextDeparture('CLR:AP-PVG:CP-PVG', landed)?.departureMs, 'CP-PVG')?.slice(0, 10)).toBe('2026-11-13');
    expect(iso(m.nextDeparture('CLR:AP-PVG:CP-PVG', landed)?.departureMs, 'CP-PVG')?.slice(0, 10)).not.toBe('2026-11-13');
    expect(m.dailyParcelCapacity('CP-PVG', parseInstant('2026-11-14T12:00:00+08:00'))).toBe(7);
    expect(m.dailyParcelCapacity('CP-PVG', parseInstant('2026-11-15T12:00:00+08:00'))).toBe(5000);
  });

  it('is the model itself when nothing is closed', () => {
    expect(withClosures(base, { lanes: [], nodes: [], portCapacity: [] })).toBe(base);
  });
});
