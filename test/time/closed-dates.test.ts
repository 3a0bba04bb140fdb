// A lane's closedDates in the time model — the one rule the planner (nextDeparture,
// departuresFrom) and the verifier (departureAt) both read: weekly lanes lose the departures of
// a closed origin date, continuous lanes wait for the next open local day, working-time lanes
// do no work on a closed destination date.
import { describe, expect, it } from 'vitest';
import type { Network } from '../../src/domain/network.js';
import { indexNetwork } from '../../src/domain/network-index.js';
import { createTimeModel, parseInstant, type TimeModel } from '../../src/time/index.js';
import { tinyExample } from '../scenario/fixtures.js';

function modelWith(closed: Record<string, string[]>): TimeModel {
  const network: Network = structuredClone(tinyExample().network);
  for (const lane of network.lanes) {
    const dates = closed[lane.id];
    if (dates !== undefined) lane.closedDates = dates;
  }
  return createTimeModel(indexNetwork(network));
}

const open = modelWith({});
const iso = (model: TimeModel, ms: number | undefined, node: string): string | undefined => (ms === undefined ? undefined : model.toLocalIso(ms, node));

describe('closed dates', () => {
  it('a weekly lane has no departure on a closed origin date, for the planner and the verifier', () => {
    const lane = 'AIR:LAX-PVG:MU'; // Mon, Wed, Fri 23:30 at LAX
    const closed = modelWith({ [lane]: ['2026-11-11'] });
    const ready = parseInstant('2026-11-11T08:00:00-08:00');
    expect(iso(open, open.nextDeparture(lane, ready)?.departureMs, 'AP-LAX')).toBe('2026-11-11T23:30:00-08:00');
    expect(iso(closed, closed.nextDeparture(lane, ready)?.departureMs, 'AP-LAX')).toBe('2026-11-13T23:30:00-08:00');
    expect(closed.departuresFrom(lane, ready, 2).map((d) => closed.toLocalIso(d.departureMs, 'AP-LAX'))).toEqual([
      '2026-11-13T23:30:00-08:00', '2026-11-16T23:30:00-08:00',
    ]);
    const cancelled = parseInstant('2026-11-11T23:30:00-08:00');
    expect(open.departureAt(lane, cancelled)).not.toBeNull();
    expect(closed.departureAt(lane, cancelled)).toBeNull();
  });

  it('a continuous lane ready on a closed date leaves at the start of the next open local day', () => {
    const lane = 'TRK:SB-LAX:AP-LAX';
    const closed = modelWith({ [lane]: ['2026-11-11', '2026-11-12'] });
    const ready = parseInstant('2026-11-11T10:00:00-08:00');
    expect(open.nextDeparture(lane, ready)?.departureMs).toBe(ready);
    expect(iso(closed, closed.nextDeparture(lane, ready)?.departureMs, 'SB-LAX')).toBe('2026-11-13T00:00:00-08:00');
    expect(closed.departureAt(lane, ready)).toBeNull();
    expect(closed.departureAt(lane, parseInstant('2026-11-13T00:00:00-08:00'))).not.toBeNull();
    // The day before the closure is untouched.
    const before = parseInstant('2026-11-10T22:00:00-08:00');
    expect(closed.nextDeparture(lane, before)?.departureMs).toBe(before);
  });

  it('a working-time lane does no work on a closed destination date', () => {
    const lane = 'CLR:AP-PVG:CP-PVG';
    const closed = modelWith({ [lane]: ['2026-11-12'] }); // a Thursday, a working day in China
    const ready = parseInstant('2026-11-12T10:00:00+08:00');
    const nextDay = open.nextDeparture(lane, parseInstant('2026-11-13T00:00:00+08:00'));
    expect(open.nextDeparture(lane, ready)?.departureMs).toBe(ready);
    expect(closed.nextDeparture(lane, ready)).toEqual(nextDay);
    expect(closed.departureAt(lane, ready)).toBeNull();
  });

  it('lanes without closed dates keep their departures', () => {
    const closed = modelWith({ 'AIR:LAX-PVG:MU': ['2026-11-11'] });
    const ready = parseInstant('2026-11-10T08:00:00+01:00');
    expect(closed.departuresFrom('AIR:FRA-PVG:LH', ready, 5)).toEqual(open.departuresFrom('AIR:FRA-PVG:LH', ready, 5));
  });
});
