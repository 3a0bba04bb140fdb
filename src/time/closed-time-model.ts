// A time model with closures applied (src/domain/closures.ts): the departures a closed lane or
// place would run are gone — the next departure is the first open one — and a clearance port's
// capacity is the day's. Planner and verifier both take their departures from a TimeModel, so
// wrapping it is how both honour the same closures. Pure, like the model it wraps.
import { ClosureRules, type Closures } from '../domain/closures.js';
import { must } from '../domain/network-index.js';
import { MINUTE_MS } from './civil-date.js';
import { type Departure, DEPARTURE_HORIZON_MS, type TimeModel } from './time-model.js';
import { zoneClock } from './zone.js';

/** Departures skipped at most while looking for an open one (a lane closed for weeks at ten a day). */
const MAX_SKIPPED = 2_000;

export function withClosures(model: TimeModel, closures: Closures): TimeModel {
  const rules = new ClosureRules(closures);
  if (rules.empty) return model;
  const index = model.index;
  const closed = (d: Departure) => rules.legClosure(must(index.lanes, d.lane, 'lane'), d.departureMs, d.arrivalMs, model.localDate) !== null;

  /** Start of the local day after the one holding `ms`, at `node`. */
  const nextLocalDay = (ms: number, node: string): number => {
    const clock = zoneClock(must(index.nodes, node, 'node').timeZone);
    return clock.localToInstant(clock.localDayNumber(ms) + 1, 0);
  };

  const departuresFrom = (laneId: string, readyMs: number, limit: number): Departure[] => {
    const lane = must(index.lanes, laneId, 'lane');
    if (lane.schedule.kind !== 'weekly') {
      const d = nextDeparture(laneId, readyMs);
      return d === null || limit < 1 ? [] : [d];
    }
    // Weekly: the timetable's departures in order, closed ones skipped; ask again past the
    // last one seen (its departure less the cut-off, plus a minute) until `limit` are open.
    const cutoffMs = lane.schedule.cutoffMinutes * MINUTE_MS;
    const open: Departure[] = [];
    let from = readyMs;
    let skipped = 0;
    while (open.length < limit && skipped <= MAX_SKIPPED) {
      const batch = model.departuresFrom(laneId, from, limit - open.length);
      if (batch.length === 0) break;
      for (const d of batch) {
        if (d.departureMs > readyMs + DEPARTURE_HORIZON_MS) return open;
        if (closed(d)) skipped++;
        else open.push(d);
      }
      from = batch[batch.length - 1]!.departureMs - cutoffMs + MINUTE_MS;
    }
    return open;
  };

  function nextDeparture(laneId: string, readyMs: number): Departure | null {
    const lane = must(index.lanes, laneId, 'lane');
    if (lane.schedule.kind === 'weekly') return departuresFrom(laneId, readyMs, 1)[0] ?? null;
    // Continuous and working-time lanes leave when ready: wait past the closed day.
    let t = readyMs;
    for (let i = 0; i <= MAX_SKIPPED; i++) {
      const d = model.nextDeparture(laneId, t);
      if (d === null || d.departureMs > readyMs + DEPARTURE_HORIZON_MS) return null;
      const why = rules.legClosure(lane, d.departureMs, d.arrivalMs, model.localDate);
      if (why === null) return d;
      // Departing when the closed day is over, or late enough to arrive after it.
      t = why.at === 'departure'
        ? Math.max(t + MINUTE_MS, nextLocalDay(d.departureMs, why.clock))
        : Math.max(t + MINUTE_MS, d.departureMs + (nextLocalDay(d.arrivalMs, why.clock) - d.arrivalMs));
    }
    return null;
  }

  return {
    ...model,
    nextDeparture,
    departuresFrom,
    departureAt: (laneId, departureMs) => {
      const d = model.departureAt(laneId, departureMs);
      return d === null || closed(d) ? null : d;
    },
    dailyParcelCapacity: (portId, ms) => rules.portCapacityOn(portId, model.localDate(ms, portId), model.dailyParcelCapacity(portId, ms)),
  };
}
