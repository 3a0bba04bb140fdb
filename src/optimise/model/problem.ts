// The consolidation problem in plain, serialisable data. Each order chooses one of its
// choices (a sourcing option with an itinerary per parcel); choices interact only through
// shared resources: departures of consolidating lanes (priced on their total load, limited
// in ULDs), clearance port days (parcel slots) and stock (node × SKU). The objective is
//   Σ own cost of the chosen choices + Σ over departures consolidationCost(total load),
// which equals the assembled plan's total to the minor unit.
import { must } from '../../domain/network-index.js';
import type { TimeModel } from '../../time/time-model.js';
import { type Measures, measureLines } from '../../domain/measure.js';
import type { Order } from '../../domain/orders.js';
import { isConsolidating, parcelChargeableKg } from '../../tariff/index.js';
import type { OrderCandidates, ParcelCandidates } from '../choices/candidates.js';
import { type DecidedLeg, type DecidedParcel, departureKey } from './decisions.js';
import { internIndex } from './intern.js';
import { parcelOwnCost, sumOwnCost } from '../pricing/parcel-cost.js';

export interface DepartureUse {
  /** Index into Problem.departures. */
  dep: number;
  weightKg: number;
  volumeM3: number;
}

export interface Load {
  weightKg: number;
  volumeM3: number;
  orders: number;
}

export interface Choice {
  parcels: DecidedParcel[];
  /** Own cost of all parcels (handling, per-parcel fees, tax), minor units. */
  ownMinor: number;
  /** Consolidating departures used, one entry per departure (parcels of one order merged). */
  uses: DepartureUse[];
  /** Index into Problem.portDays per parcel cleared. */
  portDays: number[];
  /** Stock drawn: index into Problem.stock and quantity. */
  stock: { key: number; qty: number }[];
}

export interface ProblemOrder {
  order: string;
  /** Actual weight of the whole order, kg (the bound's most-a-departure-can-carry figures use it: bound/any-routing.ts). */
  weightKg: number;
  choices: Choice[];
}

export interface Problem {
  /**
   * `origin`: the lane's origin node, which partitions group departures by. `background`: load
   * already on the departure from orders outside this problem (a partition's fixed neighbours).
   */
  departures: { lane: string; departureMs: number; origin: string; background?: Load }[];
  /** Capacity is the slots this problem may use (a partition gets a quota). */
  portDays: { port: string; date: string; capacity: number }[];
  stock: { node: string; sku: string; available: number }[];
  /** In planning priority order (creation time, then id). */
  orders: ProblemOrder[];
}

/** Most choices kept per order: sourcing options × itinerary combinations, cheapest first. */
export const MAX_CHOICES = 12;

/**
 * The MAX_CHOICES cheapest choices by own charges, but never a sourcing option dropped whole:
 * own charges leave out what a departure costs, so an option whose routings look dear alone may
 * be the cheap one in the plan (a source whose lane other orders already pay for). Each option's
 * cheapest choice is kept first (up to the cap), then the rest by own charges; in that order.
 */
function keepEveryOption<T extends { option: number }>(sorted: readonly T[], options: number): T[] {
  const kept = new Set<T>();
  const seen = new Set<number>();
  for (const c of sorted) {
    if (kept.size >= Math.min(MAX_CHOICES, options)) break;
    if (!seen.has(c.option)) {
      seen.add(c.option);
      kept.add(c);
    }
  }
  for (const c of sorted) {
    if (kept.size >= MAX_CHOICES) break;
    kept.add(c);
  }
  return sorted.filter((c) => kept.has(c));
}

export class ProblemBuilder {
  private readonly departures = new Map<string, number>();
  /** The same indexes by lane, then departure instant: priced per leg against the plan (search/reroute.ts), with no key string. */
  private readonly departuresByLane = new Map<string, Map<number, number>>();
  private readonly portDays = new Map<string, number>();
  private readonly stockKeys = new Map<string, number>();
  /** Per dated clearance departure (departureKey), its port day's index, or -1 when the port has no daily limit. */
  private readonly clearanceDays = new Map<string, number>();
  readonly problem: Problem = { departures: [], portDays: [], stock: [], orders: [] };

  constructor(
    private readonly model: TimeModel,
    private readonly stockOnHand: (node: string, sku: string) => number,
  ) {}

  /**
   * Adds an order with its candidate choices; `start`, when given, is a known feasible
   * routing (the baseline's) kept as a choice whatever the cap. Returns the index of
   * `start` among the order's choices, or -1.
   */
  add(candidates: OrderCandidates, start?: readonly DecidedParcel[]): number {
    const { facts } = candidates;
    const all: { choice: Choice; option: number }[] = [];
    candidates.options.forEach((option, k) => {
      // One decided parcel per parcel and itinerary, shared by the combinations that use it.
      const decidedOf = option.map((p) => p.itineraries.map((it) => decided(p, it.legs)));
      const measures = option.map((p) => p.measures);
      // Combinations move parcels between itineraries, never between sources: one option's
      // choices draw the same stock, and share one list of it.
      let drawn: Choice['stock'] | undefined;
      for (const combo of combinations(option)) {
        const parcels = decidedOf.map((ofParcel, i) => ofParcel[combo[i] ?? 0]!);
        const choice = this.choice(facts.order, parcels, measures);
        if (drawn === undefined) drawn = choice.stock;
        else choice.stock = drawn;
        all.push({ choice, option: k });
      }
    });
    // Stable: ties keep the options' order.
    all.sort((a, b) => a.choice.ownMinor - b.choice.ownMinor);
    let choices = keepEveryOption(all, candidates.options.length).map((c) => c.choice);
    let startIndex = -1;
    if (start !== undefined) {
      startIndex = choices.findIndex((c) => sameRouting(c.parcels, start));
      if (startIndex < 0) {
        choices.push(this.choice(facts.order, [...start]));
        startIndex = choices.length - 1;
      }
    }
    this.problem.orders.push({ order: facts.order.id, weightKg: facts.measures.weightKg, choices });
    return startIndex;
  }

  /**
   * An order's choice of these parcels, priced and with the resources it uses (departures and
   * port days it is the first to use are added to the problem). `measured`: the parcels'
   * measures when known already (the candidates'), in parcel order.
   */
  choice(order: Order, parcels: DecidedParcel[], measured?: readonly Measures[]): Choice {
    const { index } = this.model;
    const uses = new Map<number, DepartureUse>();
    const portDays: number[] = [];
    const stock = new Map<number, number>();
    let ownMinor = 0;
    for (const [i, p] of parcels.entries()) {
      const measures = measured?.[i] ?? measureLines(p.lines.map((l) => ({ line: order.lines[l.line]!, qty: l.qty })));
      const chargeable = parcelChargeableKg(measures.weightKg, measures.volumeM3, p.legs.map((leg) => index.lanes.get(leg.lane)));
      ownMinor += sumOwnCost(parcelOwnCost(index, { mode: p.mode, legs: p.legs, chargeableKg: chargeable, valueMinor: measures.valueMinor }));
      for (const leg of p.legs) {
        const lane = must(index.lanes, leg.lane, 'lane');
        if (isConsolidating(lane)) {
          const dep = internIndex(this.departures, departureKey(leg.lane, leg.departureMs), () => {
            this.problem.departures.push({ lane: leg.lane, departureMs: leg.departureMs, origin: lane.from });
            let byTime = this.departuresByLane.get(leg.lane);
            if (byTime === undefined) this.departuresByLane.set(leg.lane, (byTime = new Map()));
            byTime.set(leg.departureMs, this.problem.departures.length - 1);
          });
          const use = uses.get(dep) ?? { dep, weightKg: 0, volumeM3: 0 };
          use.weightKg += measures.weightKg;
          use.volumeM3 += measures.volumeM3;
          uses.set(dep, use);
        }
        if (lane.mode === 'clearance') {
          const portDay = this.clearanceDay(lane.to, leg.lane, leg.departureMs);
          if (portDay >= 0) portDays.push(portDay);
        }
      }
      for (const l of p.lines) {
        const sku = order.lines[l.line]!.sku;
        const key = internIndex(this.stockKeys, `${p.source}\u0000${sku}`, () => {
          this.problem.stock.push({ node: p.source, sku, available: this.stockOnHand(p.source, sku) });
        });
        stock.set(key, (stock.get(key) ?? 0) + l.qty);
      }
    }
    return {
      parcels,
      ownMinor,
      uses: [...uses.values()].sort((a, b) => a.dep - b.dep),
      portDays,
      stock: [...stock.entries()].map(([key, qty]) => ({ key, qty })),
    };
  }

  /** The index of a dated departure in the problem, if some choice uses it. */
  departureIndex(lane: string, departureMs: number): number | undefined {
    return this.departuresByLane.get(lane)?.get(departureMs);
  }

  /** The port day a clearance departure counts against, or -1 (asked per choice: the same departures recur across orders). */
  private clearanceDay(portId: string, laneId: string, departureMs: number): number {
    const key = departureKey(laneId, departureMs);
    const known = this.clearanceDays.get(key);
    if (known !== undefined) return known;
    const capacity = this.model.dailyParcelCapacity(portId, departureMs);
    let portDay = -1;
    if (capacity !== undefined) {
      const date = this.model.localDate(departureMs, portId);
      portDay = internIndex(this.portDays, `${portId}@${date}`, () => {
        this.problem.portDays.push({ port: portId, date, capacity });
      });
    }
    this.clearanceDays.set(key, portDay);
    return portDay;
  }

}

/**
 * A parcel on one of its itineraries. The legs are the itinerary's own (frozen with it, and
 * never mutated): a copy per choice was L's largest allocation while solving (about 140 MB).
 */
function decided(p: ParcelCandidates, legs: DecidedLeg[]): DecidedParcel {
  return { source: p.source, mode: p.mode, lines: p.lines, legs };
}

/**
 * Whether two routings are the same: sources, lines and dated legs of every parcel, in order.
 * (Compared field by field: asked of every kept choice of every order, where a key string per
 * choice cost more than the rest of matching.)
 */
function sameRouting(a: readonly DecidedParcel[], b: readonly DecidedParcel[]): boolean {
  return a.length === b.length && a.every((p, i) => sameParcel(p, b[i]!));
}

function sameParcel(a: DecidedParcel, b: DecidedParcel): boolean {
  return (
    a.source === b.source &&
    a.lines.length === b.lines.length &&
    a.lines.every((l, i) => l.line === b.lines[i]!.line && l.qty === b.lines[i]!.qty) &&
    a.legs.length === b.legs.length &&
    a.legs.every((l, i) => l.lane === b.legs[i]!.lane && l.departureMs === b.legs[i]!.departureMs)
  );
}

/**
 * Itinerary index combinations for an option's parcels, cheapest-first-ish and capped:
 * one parcel → each itinerary; several → each parcel's best, then one parcel at a time
 * moved to its alternatives (a full product would explode and adds little).
 */
function combinations(option: readonly ParcelCandidates[]): number[][] {
  const base = option.map(() => 0);
  const result = [base];
  option.forEach((p, i) => {
    for (let j = 1; j < p.itineraries.length; j++) {
      const combo = [...base];
      combo[i] = j;
      result.push(combo);
    }
  });
  return result;
}
