// Disruption events: what happened to the network since a plan was made — a departure
// cancelled, a lane closed for dates, a clearance port closed or its capacity cut for a day.
// One JSON file, schema "xbroute.events/v1" (data/schema/events.schema.json). Events become
// closures (src/domain/closures.ts), the one rule planner and verifier apply.
import { z } from 'zod';
import type { Closures } from './closures.js';
import type { InputProblem } from './errors.js';
import type { NetworkIndex } from './network-index.js';
import { Id, LocalDate } from './primitives.js';

export const EVENTS_SCHEMA = 'xbroute.events/v1';

const Note = z.string().max(400).optional();

/** The lane's departures on one local date (at its origin) do not fly. */
export const DepartureCancelled = z.strictObject({
  kind: z.literal('departure_cancelled'),
  lane: Id,
  date: LocalDate,
  note: Note,
});

/** The lane has no departure from `from` to `to`, local dates at its origin, inclusive. */
export const LaneClosed = z.strictObject({
  kind: z.literal('lane_closed'),
  lane: Id,
  from: LocalDate,
  to: LocalDate,
  note: Note,
});

/** The clearance port clears nothing on `date` (to `to`, inclusive, when given): nothing arrives, leaves or clears there. */
export const PortClosed = z.strictObject({
  kind: z.literal('port_closed'),
  port: Id,
  date: LocalDate,
  to: LocalDate.optional(),
  note: Note,
});

/** The clearance port clears at most `dailyParcelCapacity` parcels on `date` (its local date). */
export const PortCapacityCut = z.strictObject({
  kind: z.literal('port_capacity'),
  port: Id,
  date: LocalDate,
  dailyParcelCapacity: z.number().int().min(0).max(10_000_000),
  note: Note,
});

export const Disruption = z.discriminatedUnion('kind', [DepartureCancelled, LaneClosed, PortClosed, PortCapacityCut]);
export type Disruption = z.infer<typeof Disruption>;

export const EventsFile = z.strictObject({
  schema: z.literal(EVENTS_SCHEMA),
  events: z.array(Disruption).min(1),
});
export type EventsFile = z.infer<typeof EventsFile>;

/** The closures a list of events amounts to. */
export function closuresOf(events: readonly Disruption[]): Closures {
  const closures: { lanes: Closures['lanes'][number][]; nodes: Closures['nodes'][number][]; portCapacity: Closures['portCapacity'][number][] } = {
    lanes: [],
    nodes: [],
    portCapacity: [],
  };
  for (const e of events) {
    switch (e.kind) {
      case 'departure_cancelled':
        closures.lanes.push({ lane: e.lane, from: e.date, to: e.date });
        break;
      case 'lane_closed':
        closures.lanes.push({ lane: e.lane, from: e.from, to: e.to });
        break;
      case 'port_closed':
        closures.nodes.push({ node: e.port, from: e.date, to: e.to ?? e.date });
        break;
      case 'port_capacity':
        closures.portCapacity.push({ port: e.port, date: e.date, dailyParcelCapacity: e.dailyParcelCapacity });
        break;
    }
  }
  return closures;
}

/** What the events say against the network: unknown lanes, ports that are no clearance port, ranges backwards. */
export function checkEvents(events: readonly Disruption[], index: NetworkIndex, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (i: number, field: string, expected: string, found: string) =>
    problems.push({ file, where: `events[${i}].${field}`, field, expected, found, severity: 'error' });
  events.forEach((e, i) => {
    if (e.kind === 'departure_cancelled' || e.kind === 'lane_closed') {
      if (!index.lanes.has(e.lane)) add(i, 'lane', 'a lane of the network', `"${e.lane}"`);
    } else {
      const node = index.nodes.get(e.port);
      if (node === undefined) add(i, 'port', 'a clearance port of the network', `"${e.port}"`);
      else if (node.kind !== 'clearance_port') add(i, 'port', 'a clearance port of the network', `"${e.port}", a ${node.kind}`);
    }
    if (e.kind === 'lane_closed' && e.to < e.from) add(i, 'to', `a date on or after from (${e.from})`, `"${e.to}"`);
    if (e.kind === 'port_closed' && e.to !== undefined && e.to < e.date) add(i, 'to', `a date on or after date (${e.date})`, `"${e.to}"`);
  });
  return problems;
}
