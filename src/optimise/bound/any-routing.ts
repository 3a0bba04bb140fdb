// Per order, a lower bound on what serving it costs on *any* itinerary the network allows —
// not only on the choices the optimiser kept — so that a bound built from it is a bound on
// the real problem, whose optimum may ride a departure no kept choice uses (an order's
// detour onto a lane another order already pays for).
//
// For a plan, every consolidating departure d with load W costs f_d(W) ≥ ρ_d·W − ½, with ρ_d
// the per-kg floor of its lane at the largest load one departure can carry (lanePotentials;
// our own MAWB no more than the allotment): src/tariff/per-kg-floor.ts shows why. Sharing out
// f_d over the parcels riding d by weight, the plan costs at least
//   Σ_parcels [ own(parcel, its itinerary) + Σ_its consolidating legs (ρ_lane·w − ½) ].
// Each parcel's term is at least the cheapest, over every deadline-feasible itinerary, of the
// additive lane figure  handling at the lane's origin + per-parcel lane fee at the least
// chargeable weight any itinerary bills the parcel at: max(actual, volumetric at the network's
// largest air divisor) rounded up to 0.5 kg (fees never fall with weight, and the parcel is billed
// on its first air lane's divisor, or the standard one: src/tariff/chargeable-weight.ts)
// + max(0, ρ_lane·w − ½)  on consolidating lanes, w exact (no rounding: ρ is per actual kg) —
// or, on a lane with a shared fixed part (lane-shares.ts has why that is valid too), the least
// of the own-MAWB line with the parcel's lines' shares and the co-load line.
// That cheapest is found by cheapest-itinerary.ts: the figure does not depend on the departure,
// and lanes are FIFO, so the earliest departure of each lane of a path is deadline-feasible
// whenever any is; it looks at any number of legs whatever the plan's own leg cap (a cheaper
// routing longer than the engine's cap is still a routing), from the exact creation instant.
//
// Which stock serves the order is left open: an order's floor is the least, over every split
// of its lines into parcels, each parcel from one allowed source (its modes, its allowedSources)
// that holds the parcel's lines in the input stock, of the parcels' terms — not only the
// sourcings its kept choices use, which a cheaper source may be missing from. Lines are drawn
// whole (the engine's model, choices/sourcing.ts). Up to EXACT_SOURCING_LINES lines every split
// is tried (a subset recursion, 3^lines); beyond, one parcel carries the heaviest line and
// costs at least the cheapest single-line parcel of it, which bounds every split.
//
// The certificate (src/domain/plan.ts BoundCertificate) states the per-lane caps and rates, the
// lanes' shares and EXACT_SOURCING_LINES; the verifier re-derives the floors from them (src/verify/lower-bound.ts).
import type { NetworkIndex } from '../../domain/network-index.js';
import { must } from '../../domain/network-index.js';
import { leastLineSplit } from '../../domain/line-splits.js';
import { type LaneWindows, addWindow, heaviestAtOnce } from '../../domain/window-loads.js';
import { measureLines } from '../../domain/measure.js';
import type { FulfilmentMode, Lane } from '../../domain/network.js';
import type { Order } from '../../domain/orders.js';
import type { BoundLaneRate } from '../../domain/plan.js';
import type { ItineraryContext } from '../../graph/itineraries.js';
import { chargeableKg, isConsolidating, leastBillingDivisor, parcelLaneCostMinor, perKgFloor } from '../../tariff/index.js';
import { parseInstant } from '../../time/index.js';
import { eligibleSources } from '../choices/sourcing.js';
import { type LaneFigure, cheapestFigure } from './cheapest-itinerary.js';
import type { LaneShares } from './lane-shares.js';
import type { StockPrices } from './stock-prices.js';
import type { Problem } from '../model/problem.js';

/** What the bound needs of an order beyond the problem: its lines and exact creation (`order`), deadline and modes. */
export interface RoutingFacts {
  order: Order;
  deadlineMs: number;
  /** The modes its service level and customs standing allow. */
  modes: readonly FulfilmentMode[];
}

/** Units a node holds of a SKU in the input stock (Infinity: stock not considered). */
export type StockOnHand = (node: string, sku: string) => number;

const ANY_STOCK: StockOnHand = () => Infinity;

/** Orders with at most this many lines are bounded over every split of them into parcels. */
export const EXACT_SOURCING_LINES = 6;

/**
 * Per lane, the per-kg floor at the largest load one of its departures can carry in any plan
 * of these orders: at most `potentialKg` of the lane (see lanePotentials).
 */
export function allotmentRates(index: NetworkIndex, potentialKg: ReadonlyMap<string, number>): Map<string, number> {
  const rates = new Map<string, number>();
  for (const term of laneRates(index, potentialKg)) rates.set(term.lane, term.perKgMinor);
  return rates;
}

/**
 * The certificate's lane terms: per consolidating lane with some potential load, the cap (that
 * potential: not the allotment, since a load beyond it may still ship loose on a co-load offer)
 * and the per-kg floor up to it (perKgFloor holds our own MAWB to the allotment itself).
 */
export function laneRates(index: NetworkIndex, potentialKg: ReadonlyMap<string, number>): BoundLaneRate[] {
  const terms: BoundLaneRate[] = [];
  for (const lane of index.network.lanes) {
    if (!isConsolidating(lane)) continue;
    const capKg = potentialKg.get(lane.id) ?? 0;
    if (capKg > 0) terms.push({ lane: lane.id, capKg, perKgMinor: perKgFloor(lane, capKg) });
  }
  return terms;
}

/** Orders between two progress reports of anyRoutingFloorSteps. */
const FLOORS_PER_STEP = 250;

/**
 * Per problem order, the least cost any routing of it can contribute to a plan's total
 * (see the banner); Infinity where an order has no facts (it is then not covered).
 */
export function anyRoutingFloors(
  ctx: ItineraryContext,
  problem: Problem,
  factsOf: (orderId: string) => RoutingFacts | undefined,
  include: (order: number) => boolean,
  available: StockOnHand = ANY_STOCK,
): Float64Array {
  const floors = new Float64Array(problem.orders.length).fill(Infinity);
  const lanes = boundLaneTerms(ctx, problem, factsOf, include, available);
  for (const _ of anyRoutingFloorSteps(ctx, problem, factsOf, include, floors, lanes, available));
  return floors;
}

/** The certificate's lane terms for these orders: caps from lanePotentials, rates up to them. */
export function boundLaneTerms(
  ctx: ItineraryContext,
  problem: Problem,
  factsOf: (orderId: string) => RoutingFacts | undefined,
  include: (order: number) => boolean,
  available: StockOnHand = ANY_STOCK,
): BoundLaneRate[] {
  return laneRates(ctx.index, lanePotentials(ctx, problem, factsOf, include, available));
}

/**
 * The same, filled into `floors` (Infinity for an order not covered) a few hundred orders at a
 * time: each step yields the orders done so far, so a caller can report progress or stop
 * early — the floors filled by then still give a valid, weaker bound (anyRoutingBound skips
 * the others, as if they cost nothing).
 */
export function* anyRoutingFloorSteps(
  ctx: ItineraryContext,
  problem: Problem,
  factsOf: (orderId: string) => RoutingFacts | undefined,
  include: (order: number) => boolean,
  floors: Float64Array,
  lanes: readonly BoundLaneRate[],
  available: StockOnHand = ANY_STOCK,
  shares?: LaneShares,
): Generator<number, void, void> {
  const floorOf = orderFloors(ctx, lanes, shares);
  for (let o = 0; o < problem.orders.length; o++) {
    if (o > 0 && o % FLOORS_PER_STEP === 0) yield o;
    const po = problem.orders[o]!;
    if (!include(o)) continue;
    const facts = factsOf(po.order);
    if (facts === undefined) continue;
    floors[o] = floorOf(facts, available);
  }
}

/**
 * One order's floor (see the banner) at these lane terms and shares, from the stock `available`;
 * with `prices`, each parcel also pays its lines' stock prices at its source (stock-prices.ts);
 * with `override`, those lanes priced otherwise (origin-minimums.ts).
 */
export type OrderFloorOf = (facts: RoutingFacts, available: StockOnHand, prices?: StockPrices, override?: LaneOverride) => number;

export function orderFloors(ctx: ItineraryContext, lanes: readonly BoundLaneRate[], shares: LaneShares | undefined): OrderFloorOf {
  const rates = new Map(lanes.map((t) => [t.lane, t.perKgMinor]));
  const fixedAt = laneFixedParts(ctx.index);
  return (facts, available, prices, override) => {
    const { order } = facts;
    const readyMs = parseInstant(order.createdAt);
    const parcelFloor = (sources: readonly string[], lines: readonly number[]): number => {
      return cheapestFigure(ctx, sources, order.destination, readyMs, facts.deadlineMs, parcelFigure(order, lines, rates, fixedAt, shares, override));
    };
    return orderFloor(order, holdingSources(ctx.index, facts, available), available, parcelFloor, prices);
  };
}

/** Per parcel (its actual weight and volume), per lane: handling at the lane's origin + its per-parcel fee. */
export type FixedParts = (weightKg: number, volumeM3: number) => ReadonlyMap<string, number>;

/**
 * FixedParts of the network's lanes, the fee at the least chargeable weight any itinerary bills
 * the parcel at (leastBillingDivisor); each billed weight (a multiple of 0.5 kg: few) worked out once.
 */
export function laneFixedParts(index: NetworkIndex): FixedParts {
  const parts = new Map<number, Map<string, number>>();
  const divisor = leastBillingDivisor(index.network.lanes);
  return (weightKg, volumeM3) => {
    const billedKg = chargeableKg(weightKg, volumeM3, divisor);
    let at = parts.get(billedKg);
    if (at === undefined) {
      at = new Map();
      for (const lane of index.network.lanes) at.set(lane.id, must(index.nodes, lane.from, 'node').handlingPerParcelMinor + parcelLaneCostMinor(lane, billedKg));
      parts.set(billedKg, at);
    }
    return at;
  };
}

/**
 * A parcel's figure per lane: handling at the lane's origin + the lane's per-parcel fee at the
 * least chargeable weight it can be billed at + on a consolidating lane the per-kg floor part, or on a
 * lane with a fixed part the least of its own-MAWB figure with the lines' shares and its
 * co-load figure (lane-shares.ts).
 */
export function parcelFigure(
  order: Order,
  lines: readonly number[],
  rates: ReadonlyMap<string, number>,
  fixedAt: FixedParts,
  shares: LaneShares | undefined,
  override?: LaneOverride,
): LaneFigure {
  const { weightKg, volumeM3 } = measureLines(lines.map((l) => ({ line: order.lines[l]!, qty: order.lines[l]!.qty })));
  const fixed = fixedAt(weightKg, volumeM3);
  const perKg = (lane: Lane): number => Math.max(0, (rates.get(lane.id) ?? 0) * weightKg - 0.5);
  const consolidating = shares === undefined ? perKg : (lane: Lane): number => shares.figure(lane.id, weightKg, order.id, lines) ?? perKg(lane);
  if (override === undefined || override.size === 0) return (lane) => (fixed.get(lane.id) ?? 0) + consolidating(lane);
  return (lane) => {
    const mode = override.get(lane.id);
    if (mode === 'forbidden') return Infinity;
    return (fixed.get(lane.id) ?? 0) + (mode === 'fixed' ? 0 : consolidating(lane));
  };
}

/**
 * Lanes priced otherwise than by their rate and shares: `fixed`, handling and the parcel fee
 * only (an origin whose least departure charge the bound counts apart: origin-minimums.ts);
 * `forbidden`, not at all (whether an order can do without them).
 */
export type LaneOverride = ReadonlyMap<string, 'fixed' | 'forbidden'>;

/** The allowed sources (network order) that hold at least one of the order's lines whole. */
export function holdingSources(index: NetworkIndex, facts: RoutingFacts, available: StockOnHand): string[] {
  const { order } = facts;
  return eligibleSources(index, order, facts.modes)
    .map((s) => s.node)
    .filter((node) => order.lines.some((line) => available(node, line.sku) >= line.qty));
}

/** Whether `source` holds all of these lines of the order in the input stock. */
export function holdsLines(order: Order, source: string, lines: readonly number[], available: StockOnHand): boolean {
  const need = new Map<string, number>();
  for (const l of lines) {
    const line = order.lines[l]!;
    need.set(line.sku, (need.get(line.sku) ?? 0) + line.qty);
  }
  for (const [sku, qty] of need) if (available(source, sku) < qty) return false;
  return true;
}

/**
 * The least, over the splits of the order's lines into parcels (each from one of `sources`
 * holding all its lines), of Σ parcelFloor (the least over the sources given); beyond EXACT_SOURCING_LINES lines, the heaviest
 * line's cheapest parcel alone. Infinity when no split exists.
 */
function orderFloor(
  order: Order,
  sources: readonly string[],
  available: StockOnHand,
  parcelFloor: (sources: readonly string[], lines: readonly number[]) => number,
  prices: StockPrices | undefined,
): number {
  const cheapest = (lines: readonly number[]): number => {
    const holding = sources.filter((s) => holdsLines(order, s, lines, available));
    if (holding.length === 0) return Infinity;
    if (prices === undefined || prices.size === 0) return parcelFloor(holding, lines);
    // Sources whose stock of these lines is priced are searched one by one, price added; the others together.
    const free: string[] = [];
    let least = Infinity;
    for (const source of holding) {
      const price = prices.ofLines(order, source, lines);
      if (price === 0) free.push(source);
      else least = Math.min(least, price + parcelFloor([source], lines));
    }
    return free.length === 0 ? least : Math.min(least, parcelFloor(free, lines));
  };
  return leastLineSplit(order, EXACT_SOURCING_LINES, cheapest);
}

/**
 * Per consolidating lane, the most weight one of its departures can carry in any plan: the
 * most, over instants t, of the weight of the orders that could ride a departure at t — those
 * with an allowed source holding one of their lines that reaches the lane's origin, created by t, with the lane on a way to their zone
 * that arrives by the deadline even leaving at t (the search's own test: arrival + least time
 * from the lane's end to the zone). Every test is looser than the search's, so the figure
 * is never below a real load.
 */
export function lanePotentials(
  ctx: ItineraryContext,
  problem: Problem,
  factsOf: (orderId: string) => RoutingFacts | undefined,
  include: (order: number) => boolean,
  available: StockOnHand = ANY_STOCK,
): Map<string, number> {
  const index = ctx.index;
  const reachFrom = reachability(index);
  /** Per set of sources and zone: the consolidating lanes reachable from them, each with the least time from its end to the zone. */
  const lanesToward = new Map<string, { lane: string; toZoneMs: number }[]>();
  const consolidatingSteps = (sources: readonly string[], zone: string): { lane: string; toZoneMs: number }[] => {
    const key = `${zone}\u0000${sources.join('\u0000')}`;
    let steps = lanesToward.get(key);
    if (steps === undefined) {
      steps = [];
      const nodes = new Set<string>();
      for (const source of sources) for (const n of reachFrom(source)) nodes.add(n);
      for (const node of nodes) {
        for (const step of ctx.stepsToward(zone, node, null)) {
          if (isConsolidating(must(index.lanes, step.lane, 'lane'))) steps.push({ lane: step.lane, toZoneMs: step.toZoneMs });
        }
      }
      lanesToward.set(key, steps);
    }
    return steps;
  };
  const windows: LaneWindows = new Map();
  problem.orders.forEach((po, o) => {
    if (!include(o)) return;
    const facts = factsOf(po.order);
    if (facts === undefined) return;
    const createdMs = parseInstant(facts.order.createdAt);
    for (const step of consolidatingSteps(holdingSources(index, facts, available), facts.order.destination)) {
      const latestMs = facts.deadlineMs - step.toZoneMs;
      if (latestMs < createdMs) continue;
      addWindow(windows, step.lane, createdMs, latestMs, po.weightKg);
    }
  });
  return heaviestAtOnce(windows);
}

/** Per problem order, its facts when it is bounded (included, with a finite floor), else undefined. */
export function boundedFacts(
  problem: Problem,
  factsOf: (orderId: string) => RoutingFacts | undefined,
  include: (order: number) => boolean,
  floors: ArrayLike<number>,
): (RoutingFacts | undefined)[] {
  return problem.orders.map((po, o) => (include(o) && Number.isFinite(floors[o]!) ? factsOf(po.order) : undefined));
}

/** From a node, the nodes its lanes reach (itself included), memoised per node. */
export function reachability(index: NetworkIndex): (node: string) => ReadonlySet<string> {
  const memo = new Map<string, Set<string>>();
  return (node) => {
    let seen = memo.get(node);
    if (seen === undefined) {
      seen = new Set([node]);
      const queue = [node];
      for (let head = 0; head < queue.length; head++) {
        for (const lane of index.lanesFrom.get(queue[head]!) ?? []) {
          if (seen.has(lane.to)) continue;
          seen.add(lane.to);
          queue.push(lane.to);
        }
      }
      memo.set(node, seen);
    }
    return seen;
  };
}

/** Σ of the floors over the included orders: a lower bound on any plan serving exactly them. */
export function anyRoutingBound(floors: ArrayLike<number>, include: (order: number) => boolean): number {
  let bound = 0;
  for (let o = 0; o < floors.length; o++) if (include(o) && Number.isFinite(floors[o]!)) bound += floors[o]!;
  return Math.max(0, bound);
}
