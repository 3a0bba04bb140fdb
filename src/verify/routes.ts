// The verifier's own route search, for judging unplanned answers: whether any route leads from
// a source to a zone (NO_ROUTE), and the earliest a parcel ready at the source can arrive over
// real dated departures (SLA_INFEASIBLE), optionally only by departures and port days with room
// left (CAPACITY). Written here, not taken from src/graph: the graph search is the planner's,
// and a verifier that reused it would agree with its bugs. It shares only the time model
// (departures, handling) and the customs steps of customs-crossing.ts.
//
// A search state is (node, customs state): a direct-mail parcel must clear exactly once before
// its zone. Every lane is FIFO (leaving later never arrives earlier), so Dijkstra on arrival
// instants is exact, also when full departures are skipped (the first departure with room
// after a later ready time is never earlier). No limit on the number of legs: an answer that
// says no routing exists is judged against every routing.
import type { FulfilmentMode, Lane } from '../domain/network.js';
import type { Departure } from '../time/index.js';
import { DEPARTURE_HORIZON_MS, zoneClock } from '../time/index.js';
import type { VerifyContext } from './context.js';
import { type CustomsState, customsDone, customsStep } from './customs-crossing.js';

/** Whether one departure (a parcel's leg on it) still has room for the parcel. */
export type DepartureRoom = (lane: Lane, departure: Departure) => boolean;

const STATES: readonly CustomsState[] = ['uncleared', 'cleared'];
const MINUTE_MS = 60_000;

export class RouteSearch {
  /** `${mode}|${zone}` -> states `${node}|${state}` from which the zone can be reached. */
  private readonly reaching = new Map<string, Set<string>>();
  private readonly earliestMemo = new Map<string, number | null>();

  constructor(private readonly ctx: VerifyContext) {}

  /** Whether some route of lanes `mode` may use leads from `source` to `zone` (timetables aside). */
  canReach(mode: FulfilmentMode, source: string, zone: string): boolean {
    return this.statesReaching(mode, zone).has(key(source, 'uncleared'));
  }

  /**
   * Earliest arrival at `zone` of a `mode` parcel that reaches `source` at `reachedMs` (it is
   * handled there first), over departures `room` accepts (all without it); null if none.
   */
  earliestArrivalMs(mode: FulfilmentMode, source: string, zone: string, reachedMs: number, room?: DepartureRoom): number | null {
    const memoKey = room === undefined ? `${mode}|${source}|${zone}|${reachedMs}` : null;
    if (memoKey !== null && this.earliestMemo.has(memoKey)) return this.earliestMemo.get(memoKey) ?? null;
    const result = this.dijkstra(mode, source, zone, reachedMs, room);
    if (memoKey !== null) this.earliestMemo.set(memoKey, result);
    return result;
  }

  private dijkstra(mode: FulfilmentMode, source: string, zone: string, reachedMs: number, room: DepartureRoom | undefined): number | null {
    const { ctx } = this;
    const reaching = this.statesReaching(mode, zone);
    const start = key(source, 'uncleared');
    if (!reaching.has(start) || !ctx.index.nodes.has(source)) return null;
    const country = ctx.index.nodes.get(zone)?.country;
    const best = new Map<string, number>([[start, reachedMs]]);
    const settled = new Set<string>();
    const heap = new ArrivalHeap();
    heap.push(reachedMs, source, 'uncleared');
    for (let top = heap.pop(); top !== undefined; top = heap.pop()) {
      const here = key(top.node, top.state);
      if (settled.has(here)) continue;
      settled.add(here);
      if (top.node === zone && customsDone(mode, top.state)) return top.arrivalMs;
      const leaveMs = ctx.model.readyToLeave(top.node, top.arrivalMs);
      for (const lane of ctx.index.lanesFrom.get(top.node) ?? []) {
        const step = customsStep(ctx, mode, country, lane, top.state);
        if ('problem' in step) continue;
        const next = key(lane.to, step.state);
        if (!reaching.has(next) || settled.has(next)) continue;
        const departure = this.firstDeparture(lane, leaveMs, room);
        if (departure === null || departure.arrivalMs >= (best.get(next) ?? Infinity)) continue;
        best.set(next, departure.arrivalMs);
        heap.push(departure.arrivalMs, lane.to, step.state);
      }
    }
    return null;
  }

  /** The first departure of `lane` a parcel ready at `readyMs` can take that has room. */
  private firstDeparture(lane: Lane, readyMs: number, room: DepartureRoom | undefined): Departure | null {
    const { model } = this.ctx;
    if (room === undefined) return model.nextDeparture(lane.id, readyMs);
    const horizonMs = readyMs + DEPARTURE_HORIZON_MS;
    let fromMs = readyMs;
    while (fromMs <= horizonMs) {
      const departure = model.nextDeparture(lane.id, fromMs);
      if (departure === null) return null;
      if (room(lane, departure)) return departure;
      fromMs = this.afterDeparture(lane, departure);
    }
    return null;
  }

  /** The ready time from which the lane's next departure after `departure` is found. */
  private afterDeparture(lane: Lane, departure: Departure): number {
    switch (lane.schedule.kind) {
      case 'weekly':
        return departure.departureMs - cutoffMs(lane) + 1;
      case 'working_time': {
        // Port capacity counts per local day: the next chance is the next local day's start.
        const node = this.ctx.index.nodes.get(lane.to);
        if (node === undefined) return Infinity;
        const clock = zoneClock(node.timeZone);
        return clock.localToInstant(clock.localDayNumber(departure.departureMs) + 1, 0);
      }
      case 'continuous':
        return departure.departureMs + MINUTE_MS;
    }
  }

  /** Backward search from the zone over the lanes `mode` may use: the states (`${node}\u0000${state}`) that reach it. */
  statesReaching(mode: FulfilmentMode, zone: string): Set<string> {
    const memoKey = `${mode}|${zone}`;
    const memo = this.reaching.get(memoKey);
    if (memo !== undefined) return memo;
    const { ctx } = this;
    const country = ctx.index.nodes.get(zone)?.country;
    const reached = new Set<string>();
    const queue: string[] = [];
    for (const state of STATES) {
      if (!customsDone(mode, state)) continue;
      reached.add(key(zone, state));
      queue.push(key(zone, state));
    }
    for (let head = 0; head < queue.length; head++) {
      const [node, state] = unkey(queue[head] as string);
      for (const lane of ctx.index.lanesTo.get(node) ?? []) {
        for (const before of STATES) {
          const step = customsStep(ctx, mode, country, lane, before);
          if ('problem' in step || step.state !== state) continue;
          const previous = key(lane.from, before);
          if (reached.has(previous)) continue;
          reached.add(previous);
          queue.push(previous);
        }
      }
    }
    this.reaching.set(memoKey, reached);
    return reached;
  }
}

function cutoffMs(lane: Lane): number {
  return lane.schedule.kind === 'weekly' ? lane.schedule.cutoffMinutes * MINUTE_MS : 0;
}

function key(node: string, state: CustomsState): string {
  return `${node}\u0000${state}`;
}

function unkey(k: string): [string, CustomsState] {
  const at = k.lastIndexOf('\u0000');
  return [k.slice(0, at), k.slice(at + 1) as CustomsState];
}

/** A binary min-heap of arrivals; ties pop in push order (deterministic, though only the minimum matters). */
class ArrivalHeap {
  private readonly items: { arrivalMs: number; seq: number; node: string; state: CustomsState }[] = [];
  private seq = 0;

  push(arrivalMs: number, node: string, state: CustomsState): void {
    const items = this.items;
    items.push({ arrivalMs, seq: this.seq++, node, state });
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): { arrivalMs: number; node: string; state: CustomsState } | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined) return undefined;
    if (items.length > 0) {
      items[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(l, m)) m = l;
        if (r < items.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(i: number, j: number): boolean {
    const a = this.items[i];
    const b = this.items[j];
    if (a === undefined || b === undefined) return false;
    return a.arrivalMs < b.arrivalMs || (a.arrivalMs === b.arrivalMs && a.seq < b.seq);
  }

  private swap(i: number, j: number): void {
    const a = this.items[i];
    const b = this.items[j];
    if (a === undefined || b === undefined) return;
    this.items[i] = b;
    this.items[j] = a;
  }
}
