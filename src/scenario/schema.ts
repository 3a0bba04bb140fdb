// A what-if scenario: a named list of edits to a base network and stock, schema
// "xbroute.scenario/v1". The edits are applied in order by src/scenario/apply.ts; each kind
// says what it changes in the network model (src/domain/network.ts) or the stock.
import { z } from 'zod';
import { Lane } from '../domain/network.js';
import { Id, LocalDate, LocalTime, Weekday } from '../domain/primitives.js';

export const SCENARIO_SCHEMA = 'xbroute.scenario/v1';

/** Longest closure one edit may state: a year (a longer one is a network change, not a what-if). */
export const MAX_CLOSED_DAYS = 366;

/** Local dates `from`..`to`, both included; `to` defaults to `from` (a one-day closure). */
const Dates = { from: LocalDate, to: LocalDate.optional() };

/** No departure or work on the lane on these dates (the lane's `closedDates`). */
export const CloseLane = z.strictObject({ kind: z.literal('close_lane'), lane: Id, ...Dates });

/**
 * The node takes nothing on these dates: every lane leaving it is closed then, and so is every
 * working-time lane into it (customs clearance is worked at the port, in its calendar).
 */
export const CloseNode = z.strictObject({ kind: z.literal('close_node'), node: Id, ...Dates });

/** A lane the base network lacks (a new air route, a new last-mile contract). */
export const AddLane = z.strictObject({ kind: z.literal('add_lane'), lane: Lane });

/** One more weekly departure slot on a weekly lane (weekdays at a local time at its origin). */
export const AddDeparture = z.strictObject({
  kind: z.literal('add_departure'),
  lane: Id,
  weekdays: z.array(Weekday).min(1).max(7),
  time: LocalTime,
});

/**
 * Every money figure of the lane's tariff times `factor` (per-parcel and per-kg fees, the
 * freight minimum and breaks, consolidation and ULD charges, the co-load rate), each rounded
 * to whole minor units.
 */
export const ScaleRates = z.strictObject({
  kind: z.literal('scale_rates'),
  lane: Id,
  factor: z.number().positive().max(100),
});

/** A clearance port's parcels cleared per local day. */
export const SetPortCapacity = z.strictObject({
  kind: z.literal('set_port_capacity'),
  node: Id,
  dailyParcelCapacity: z.number().int().positive().max(10_000_000),
});

/** The most ULDs one departure of the lane takes for us. */
export const SetAllotment = z.strictObject({
  kind: z.literal('set_allotment'),
  lane: Id,
  maxUldsPerDeparture: z.number().int().positive().max(1_000),
});

/** `qty` units of `sku` taken from the stock at `from` and added to the stock at `to`. */
export const MoveStock = z.strictObject({
  kind: z.literal('move_stock'),
  sku: Id,
  from: Id,
  to: Id,
  qty: z.number().int().positive().max(1e9),
});

export const ScenarioEdit = z.discriminatedUnion('kind', [
  CloseLane, CloseNode, AddLane, AddDeparture, ScaleRates, SetPortCapacity, SetAllotment, MoveStock,
]);
export type ScenarioEdit = z.infer<typeof ScenarioEdit>;

export const Scenario = z.strictObject({
  schema: z.literal(SCENARIO_SCHEMA),
  /** The column heading in a comparison. */
  name: z.string().min(1).max(40),
  description: z.string().max(2000).optional(),
  edits: z.array(ScenarioEdit).max(10_000),
});
export type Scenario = z.infer<typeof Scenario>;
