// Itineraries priced against the plan: the pricing step of column generation, taken greedily.
// The candidates an order starts with are its k cheapest itineraries as if it flew alone
// (choices/candidates.ts), so no move of the search can put it on a departure outside them —
// a later flight another order already opened, reached by another way to its airport. Here
// each served parcel is searched again over the network, every consolidating leg priced at
// what joining that departure adds to the plan as it stands: consolidationCost(load + parcel) −
// consolidationCost(load), the rule of quote.ts and of the plan's objective (model/problem.ts).
// Where the itinerary found, re-priced exactly as a choice of the problem (its port days and
// allotments checked), costs less than the order's current one, it joins the order's choices
// and is taken. Passes take the orders dearest per kg first (ties in index order) and stop on
// counts: the same plan on any machine.
import { must } from '../../domain/network-index.js';
import { measureLines } from '../../domain/measure.js';
import type { NetworkIndex } from '../../domain/network-index.js';
import { additiveCost, type AdditiveItineraryCost, cheapestItineraries, type ItineraryContext } from '../../graph/itineraries.js';
import { laneFixedParts } from '../bound/any-routing.js';
import { consolidationTotalAt, isConsolidating, parcelChargeableKg } from '../../tariff/index.js';
import { pickWave } from '../choices/candidates.js';
import type { OrderFacts } from '../choices/order-facts.js';
import { type Assignment, UNASSIGNED } from '../model/assignment.js';
import type { DecidedParcel } from '../model/decisions.js';
import type { ProblemBuilder } from '../model/problem.js';
import { parcelOwnCost, sumOwnCost } from '../pricing/parcel-cost.js';
import { IMPROVEMENT_MINOR } from './local-search.js';

export interface RerouteSettings {
  /** Passes over the served orders at most; a pass that moves no order ends them. */
  passes: number;
  /** Departures tried per lane, earliest first: later ones are where open consolidations are. */
  departuresPerLane: number;
  /** Orders searched again in all passes at most, those paying most per kg for their departures first. */
  maxOrders: number;
  /** Partial itineraries one parcel's search extends at most (ItineraryQuery.maxExtensions). */
  maxExtensions: number;
}

/**
 * 3 departures per lane found the same S plan as 4 and 8 and the same M plan as 4; the budget
 * covers M whole (10,000 orders, 0.6–0.8 s on one thread) and on L (100,000) the dearest 60 %:
 * L cost CNY 3,923.81 less than with 20,000 (with closing's 60,000 too), and 150,000 of both no
 * less (CNY 108.13 more), about 4 s more either way.
 * 1,000 extensions a search: the same S and M plans as 300 and as no limit, while on the hub
 * network (8 legs) unlimited searches took HUB's plan from 1.5 to 6.7 s for no saving.
 */
export const DEFAULT_REROUTE: RerouteSettings = { passes: 2, departuresPerLane: 3, maxOrders: 60_000, maxExtensions: 1_000 };

export interface RerouteStats {
  passes: number;
  /** Orders searched again, in all passes. */
  searched: number;
  /** Orders moved onto an itinerary none of their choices had. */
  moved: number;
  /** The departures the moves loaded or unloaded. */
  changed: Set<number>;
}

/**
 * Orders between two steps: the pass runs on the thread that takes aborts and reports progress
 * (L's first pass searches 60,000 orders).
 */
export const ORDERS_PER_STEP = 250;

/** Where the passes are: orders searched again so far, of those known to be searched (the first pass's, then the second's added). */
export interface RerouteStep {
  readonly done: number;
  readonly total: number;
}

/**
 * Moves served orders onto itineraries priced against the plan (see the banner), all at once.
 * `facts` gives each problem order's facts (undefined: left as it is); the new choices are built
 * with `builder`, the problem's own, so they price and count resources as every other choice.
 */
export function rerouteAgainstPlan(
  ctx: ItineraryContext,
  builder: ProblemBuilder,
  a: Assignment,
  facts: (order: number) => OrderFacts | undefined,
  settings: RerouteSettings,
): RerouteStats {
  const steps = rerouteSteps(ctx, builder, a, facts, settings);
  for (let step = steps.next(); ; step = steps.next()) if (step.done === true) return step.value;
}

/**
 * The same, a step every ORDERS_PER_STEP orders searched: a caller may report progress there,
 * yield to its event loop, or stop (returning early leaves a valid plan, each move taken whole).
 * `near`: when given, even the first pass takes only the orders on these departures (those
 * earlier moves changed).
 */
export function* rerouteSteps(
  ctx: ItineraryContext,
  builder: ProblemBuilder,
  a: Assignment,
  facts: (order: number) => OrderFacts | undefined,
  settings: RerouteSettings,
  near?: ReadonlySet<number>,
): Generator<RerouteStep, RerouteStats, void> {
  const stats: RerouteStats = { passes: 0, searched: 0, moved: 0, changed: new Set() };
  const orders = a.problem.orders;
  let budget = settings.maxOrders;
  // Dearest first: an order paying much per kg for its departures (alone on a flight, paying
  // its minimum or MAWB fee) has the most to gain; ties in index order.
  const served: { o: number; f: OrderFacts; perKg: number }[] = [];
  for (let o = 0; o < orders.length; o++) {
    const current = a.choiceOf[o] ?? UNASSIGNED;
    const f = facts(o);
    if (current === UNASSIGNED || f === undefined) continue;
    a.unassign(o);
    const departuresMinor = a.insertionCost(o, current) - orders[o]!.choices[current]!.ownMinor;
    a.assign(o, current);
    served.push({ o, f, perKg: departuresMinor / Math.max(orders[o]!.weightKg, 0.001) });
  }
  served.sort((x, y) => y.perKg - x.perKg || x.o - y.o);
  // After the first pass, only the orders on a departure some move loaded or unloaded: what
  // joining their others costs changed (an order left alone on a flight pays its minimum now).
  let touched: ReadonlySet<number> | null = near ?? null;
  let total = 0;
  while (stats.passes < settings.passes && budget > 0) {
    stats.passes++;
    const changed = new Set<number>();
    let moved = 0;
    const only = touched;
    const pass = only === null ? served : served.filter(({ o }) => orders[o]!.choices[a.choiceOf[o]!]!.uses.some((u) => only.has(u.dep)));
    total += Math.min(budget, pass.length);
    for (const { o, f } of pass) {
      if (budget-- <= 0) break;
      if (stats.searched > 0 && stats.searched % ORDERS_PER_STEP === 0) yield { done: stats.searched, total };
      stats.searched++;
      const current = a.choiceOf[o] ?? UNASSIGNED;
      const choices = orders[o]!.choices;
      a.unassign(o);
      const parcels = cheaperParcels(ctx, builder, a, f, choices[current]!.parcels, settings);
      let taken = current;
      if (parcels !== null) {
        choices.push(builder.choice(f.order, parcels));
        a.refit();
        const added = choices.length - 1;
        if (a.insertionCost(o, added) < a.insertionCost(o, current) - IMPROVEMENT_MINOR) taken = added;
        else choices.pop();
      }
      a.assign(o, taken);
      if (taken === current) continue;
      moved++;
      for (const c of [current, taken]) {
        for (const u of choices[c]!.uses) {
          changed.add(u.dep);
          stats.changed.add(u.dep);
        }
      }
    }
    stats.moved += moved;
    if (moved === 0) break;
    touched = changed;
  }
  return stats;
}

/**
 * The order's parcels, each in turn on its itinerary of least marginal cost given the plan and
 * the order's other parcels (sources and lines kept); null when none changed. With `banned` (a
 * departure's index), only the parcels riding it are searched, for the cheapest itinerary
 * without it, however dear; null when one of them has none.
 */
export function cheaperParcels(
  ctx: ItineraryContext,
  builder: ProblemBuilder,
  a: Assignment,
  f: OrderFacts,
  now: readonly DecidedParcel[],
  settings: RerouteSettings,
  banned = -1,
): DecidedParcel[] | null {
  const index = ctx.index;
  const parcels = [...now];
  let changed = false;
  let stuck = false;
  const rides = (legs: readonly { lane: string; departureMs: number }[]): boolean =>
    legs.some((leg) => builder.departureIndex(leg.lane, leg.departureMs) === banned);
  const measures = parcels.map((p) => measureLines(p.lines.map((l) => ({ line: f.order.lines[l.line]!, qty: l.qty }))));
  parcels.forEach((parcel, i) => {
    if (stuck || (banned >= 0 && !rides(parcel.legs))) return;
    const { weightKg, volumeM3, valueMinor } = measures[i]!;
    // The order's other parcels ride with it: their load is on the departures too.
    const others = new Map<number, { weightKg: number; volumeM3: number }>();
    parcels.forEach((p, j) => {
      if (j === i) return;
      const m = measures[j]!;
      for (const leg of p.legs) {
        const dep = builder.departureIndex(leg.lane, leg.departureMs);
        if (dep === undefined) continue;
        const at = others.get(dep) ?? { weightKg: 0, volumeM3: 0 };
        others.set(dep, { weightKg: at.weightKg + m.weightKg, volumeM3: at.volumeM3 + m.volumeM3 });
      }
    });
    const cost = (legs: readonly { lane: string; departureMs: number }[]): number => {
      const lanes = legs.map((leg) => must(index.lanes, leg.lane, 'lane'));
      const chargeable = parcelChargeableKg(weightKg, volumeM3, lanes);
      // Own charges as the plan prices them (pricing/parcel-cost.ts), then the departures'.
      let total = sumOwnCost(parcelOwnCost(index, { mode: parcel.mode, legs, chargeableKg: chargeable, valueMinor }));
      for (let l = 0; l < legs.length; l++) {
        const lane = lanes[l]!;
        if (!isConsolidating(lane)) continue;
        const dep = builder.departureIndex(lane.id, legs[l]!.departureMs);
        if (dep === banned && banned >= 0) return Infinity;
        const load = dep === undefined ? { weightKg: 0, volumeM3: 0 } : a.departureLoad(dep);
        const extra = dep === undefined ? undefined : others.get(dep);
        const w = load.weightKg + (extra?.weightKg ?? 0);
        const v = load.volumeM3 + (extra?.volumeM3 ?? 0);
        const before = w <= 1e-9 && v <= 1e-12 ? 0 : consolidationTotalAt(lane, w, v);
        total += consolidationTotalAt(lane, w + weightKg, v + volumeM3) - before;
      }
      return total;
    };
    const [found] = cheapestItineraries(ctx, {
      source: parcel.source,
      destination: f.order.destination,
      // From the order's pick wave, as its candidates were (times on the half hour), unless its
      // routing already leaves before the wave: then from its creation, as that one was found.
      readyMs: (parcel.legs[0]?.departureMs ?? Infinity) >= pickWave(f.createdMs) ? pickWave(f.createdMs) : f.createdMs,
      deadlineMs: f.deadlineMs,
      k: 1,
      departuresPerLane: settings.departuresPerLane,
      cost,
      floor: ownChargesFloor(index)(weightKg, volumeM3),
      // Riding the banned departure costs Infinity: then any itinerary found will do.
      below: cost(parcel.legs),
      maxExtensions: settings.maxExtensions,
    });
    if (found === undefined && banned >= 0) stuck = true;
    if (found === undefined || sameLegs(found.legs, parcel.legs)) return;
    parcels[i] = { ...parcel, legs: found.legs.map((leg) => ({ lane: leg.lane, departureMs: leg.departureMs, arrivalMs: leg.arrivalMs })) };
    changed = true;
  });
  return changed && !stuck ? parcels : null;
}

const ownFloors = new WeakMap<NetworkIndex, (weightKg: number, volumeM3: number) => AdditiveItineraryCost>();

/**
 * The search's floor for a parcel: per lane, handling at its origin + its per-parcel fee at the
 * least chargeable weight any itinerary bills the parcel at — the bound's own figures
 * (laneFixedParts), which the cost priced against the plan never goes below (departures add
 * only what joining them costs, never less than nothing). One cost object per billed weight,
 * so searches share their step tables.
 */
function ownChargesFloor(index: NetworkIndex): (weightKg: number, volumeM3: number) => AdditiveItineraryCost {
  let floorOf = ownFloors.get(index);
  if (floorOf === undefined) {
    const fixedAt = laneFixedParts(index);
    const costs = new Map<ReadonlyMap<string, number>, AdditiveItineraryCost>();
    floorOf = (weightKg, volumeM3) => {
      const fixed = fixedAt(weightKg, volumeM3);
      let cost = costs.get(fixed);
      if (cost === undefined) costs.set(fixed, (cost = additiveCost((lane) => fixed.get(lane) ?? 0)));
      return cost;
    };
    ownFloors.set(index, floorOf);
  }
  return floorOf;
}

function sameLegs(a: readonly { lane: string; departureMs: number }[], b: readonly { lane: string; departureMs: number }[]): boolean {
  return a.length === b.length && a.every((leg, i) => leg.lane === b[i]!.lane && leg.departureMs === b[i]!.departureMs);
}
