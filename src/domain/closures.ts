// Closures: lanes and places out of service on given local dates, and a clearance port's
// capacity changed for a day. This is the one rule of what a closure closes; the time model
// applies it (src/time/closed-time-model.ts), so the planner's itinerary search and the
// verifier's departure checks both go through it. Disruption events (src/domain/events.ts)
// and any other source of closures (what-if scenarios) produce this shape.
// Dates are local calendar dates ('YYYY-MM-DD') of the place named, ranges inclusive.
import type { Lane } from './network.js';

export interface LaneClosure {
  lane: string;
  /** First and last local date (at the lane's origin) on which the lane has no departure. */
  from: string;
  to: string;
}

export interface NodeClosure {
  node: string;
  /** First and last local date (at the node) on which nothing leaves, arrives or clears there. */
  from: string;
  to: string;
}

export interface PortCapacityChange {
  port: string;
  /** Local date at the port. */
  date: string;
  /** Parcels the port clears that day, in place of its dailyParcelCapacity. */
  dailyParcelCapacity: number;
}

export interface Closures {
  lanes: readonly LaneClosure[];
  nodes: readonly NodeClosure[];
  portCapacity: readonly PortCapacityChange[];
}

export const NO_CLOSURES: Closures = { lanes: [], nodes: [], portCapacity: [] };

export function hasClosures(c: Closures): boolean {
  return c.lanes.length > 0 || c.nodes.length > 0 || c.portCapacity.length > 0;
}

/** What closed a leg: the place and local date, and whether it binds at departure or arrival. */
export interface LegClosure {
  /** `lane`: the lane itself; `node`: a node the leg leaves, reaches or clears at. */
  kind: 'lane' | 'node';
  id: string;
  date: string;
  /** `departure`: the leg's start falls on the closed date; `arrival`: its end does. */
  at: 'departure' | 'arrival';
  /** The node whose local date it is (the lane's origin for a lane closure). */
  clock: string;
}

/** Local date of an instant at a node: the caller's time model (the domain reads no clock). */
export type LocalDateOf = (ms: number, node: string) => string;

/** Closures indexed for lookup; build once per set of closures. */
export class ClosureRules {
  private readonly lanes = new Map<string, { from: string; to: string }[]>();
  private readonly nodes = new Map<string, { from: string; to: string }[]>();
  private readonly capacity = new Map<string, number>();

  constructor(readonly closures: Closures) {
    for (const c of closures.lanes) push(this.lanes, c.lane, c);
    for (const c of closures.nodes) push(this.nodes, c.node, c);
    // The last change named for a port-day wins (files are read top to bottom).
    for (const c of closures.portCapacity) this.capacity.set(`${c.port}|${c.date}`, c.dailyParcelCapacity);
  }

  get empty(): boolean {
    return !hasClosures(this.closures);
  }

  laneClosedOn(lane: string, date: string): boolean {
    return within(this.lanes.get(lane), date);
  }

  nodeClosedOn(node: string, date: string): boolean {
    return within(this.nodes.get(node), date);
  }

  /**
   * Why a leg of `lane` from departureMs to arrivalMs cannot run, or null. Closed: the lane on
   * its departure date (at its origin); its origin node on the departure date; its destination
   * node on the arrival date; and, for clearance (work done at the port), the port on the date
   * processing starts too.
   */
  legClosure(lane: Pick<Lane, 'id' | 'from' | 'to' | 'mode'>, departureMs: number, arrivalMs: number, localDate: LocalDateOf): LegClosure | null {
    if (this.empty) return null;
    if (this.lanes.has(lane.id)) {
      const date = localDate(departureMs, lane.from);
      if (this.laneClosedOn(lane.id, date)) return { kind: 'lane', id: lane.id, date, at: 'departure', clock: lane.from };
    }
    if (this.nodes.has(lane.from)) {
      const date = localDate(departureMs, lane.from);
      if (this.nodeClosedOn(lane.from, date)) return { kind: 'node', id: lane.from, date, at: 'departure', clock: lane.from };
    }
    if (this.nodes.has(lane.to)) {
      if (lane.mode === 'clearance') {
        const date = localDate(departureMs, lane.to);
        if (this.nodeClosedOn(lane.to, date)) return { kind: 'node', id: lane.to, date, at: 'departure', clock: lane.to };
      }
      const date = localDate(arrivalMs, lane.to);
      if (this.nodeClosedOn(lane.to, date)) return { kind: 'node', id: lane.to, date, at: 'arrival', clock: lane.to };
    }
    return null;
  }

  /** The port's capacity on a local date: a change named for that day, else `normal`. */
  portCapacityOn(port: string, date: string, normal: number | undefined): number | undefined {
    return this.capacity.get(`${port}|${date}`) ?? normal;
  }

  /** Whether some change names this port-day (the verifier's booked check exempts such days). */
  portCapacityChanged(port: string, date: string): boolean {
    return this.capacity.has(`${port}|${date}`);
  }
}

/** A human sentence for a leg closure ("lane X closed on 2026-11-11"). */
export function describeClosure(c: LegClosure): string {
  return c.kind === 'lane' ? `lane ${c.id} is closed on ${c.date}` : `${c.id} is closed on ${c.date}`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** ISO local dates compare as strings. */
function within(ranges: readonly { from: string; to: string }[] | undefined, date: string): boolean {
  return ranges !== undefined && ranges.some((r) => r.from <= date && date <= r.to);
}
