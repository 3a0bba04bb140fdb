// The least charge of a departure, counted once per origin that some order cannot avoid. The
// floors charge a consolidating lane per kg (any-routing.ts), which on a lightly loaded lane is
// far below what its one departure costs: the consolidator's minimum, or our own MAWB's fee.
//
// Take an origin X and the consolidating lanes out of it. If some bounded order (the witness)
// has no deadline-feasible routing without one of them, every plan uses at least one departure
// of X's lanes, and each such departure costs at least m_X, the least departure charge of X's
// lanes (leastDepartureChargeMinor). Price X's lanes in every floor at their handling and parcel
// fees alone, no per-kg part and no shares: then the floors take nothing of those departures'
// costs, and
//   any plan's cost ≥ Σ_orders floor_o + Σ_X m_X,
// the departures of different origins being different departures. The floors that lose their
// per-kg part on X can only fall, so X is taken only where m_X is more than they lose.
import type { NetworkIndex } from '../../domain/network-index.js';
import type { BoundOriginMinimum } from '../../domain/plan.js';
import { isConsolidating, leastDepartureChargeMinor } from '../../tariff/index.js';
import type { Problem } from '../model/problem.js';
import { boundedFacts, holdingSources, type LaneOverride, type OrderFloorOf, reachability, type RoutingFacts, type StockOnHand } from './any-routing.js';
import type { StockPrices } from './stock-prices.js';

/** Work limit: order floors worked out in all (witness tries and floors without the per-kg parts). */
export interface MinimumLimits {
  maxFloors: number;
  /** Orders tried as an origin's witness at most. */
  witnessTries: number;
}

export const DEFAULT_MINIMUM_LIMITS: MinimumLimits = { maxFloors: 200_000, witnessTries: 8 };

/** Floors between two yields (a caller's checkpoint). */
const FLOORS_PER_YIELD = 250;

export interface ChargedMinimums {
  minimums: BoundOriginMinimum[];
  /** The lanes priced at their fees alone. */
  override: LaneOverride;
  /** The orders whose floors changed, and their floors now. */
  floors: Map<number, number>;
}

/** Per origin node with consolidating lanes (network order), those lanes' ids. */
export function consolidatingLanesByOrigin(index: NetworkIndex): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const lane of index.network.lanes) {
    if (!isConsolidating(lane)) continue;
    const list = by.get(lane.from);
    if (list === undefined) by.set(lane.from, [lane.id]);
    else list.push(lane.id);
  }
  return by;
}

/** The least departure charge of these lanes (Infinity for none). */
export function leastChargeOf(index: NetworkIndex, laneIds: readonly string[]): number {
  let least = Infinity;
  for (const id of laneIds) {
    const lane = index.lanes.get(id);
    if (lane !== undefined) least = Math.min(least, leastDepartureChargeMinor(lane));
  }
  return least;
}

/**
 * The origins worth counting and the floors with their lanes at fees alone. `floors`: the
 * orders' floors so far (Infinity: not bounded), at `prices`. Yields every FLOORS_PER_YIELD floors.
 */
export function* chargeOriginMinimums(
  index: NetworkIndex,
  problem: Problem,
  factsOf: (orderId: string) => RoutingFacts | undefined,
  include: (order: number) => boolean,
  floors: ArrayLike<number>,
  floorOf: OrderFloorOf,
  available: StockOnHand,
  prices: StockPrices | undefined,
  limits: MinimumLimits = DEFAULT_MINIMUM_LIMITS,
): Generator<void, ChargedMinimums, void> {
  const byOrigin = consolidatingLanesByOrigin(index);
  // Per origin, the bounded orders whose sources reach it (only their floors can use its lanes).
  const reach = reachability(index);
  const reaching = new Map<string, number[]>();
  const facts = boundedFacts(problem, factsOf, include, floors);
  facts.forEach((f, o) => {
    if (f === undefined) return;
    const seen = new Set<string>();
    for (const source of holdingSources(index, f, available)) for (const node of reach(source)) seen.add(node);
    for (const node of seen) {
      if (!byOrigin.has(node)) continue;
      const list = reaching.get(node);
      if (list === undefined) reaching.set(node, [o]);
      else list.push(o);
    }
  });
  const now = new Map<number, number>();
  const current = (o: number): number => now.get(o) ?? floors[o]!;
  const override = new Map<string, 'fixed' | 'forbidden'>();
  const minimums: BoundOriginMinimum[] = [];
  let spent = 0;
  for (const [origin, laneIds] of byOrigin) {
    const orders = reaching.get(origin);
    if (orders === undefined) continue;
    const least = leastChargeOf(index, laneIds);
    if (!(least > 0) || !Number.isFinite(least)) continue;
    if (spent + limits.witnessTries + orders.length > limits.maxFloors) break;
    // A witness: an order with no routing at all once the origin's lanes are forbidden.
    const without = new Map([...override, ...laneIds.map((id) => [id, 'forbidden'] as const)]);
    let witness: string | undefined;
    for (const o of orders.slice(0, limits.witnessTries)) {
      if (++spent % FLOORS_PER_YIELD === 0) yield;
      if (floorOf(facts[o]!, available, prices, without) === Infinity) {
        witness = problem.orders[o]!.order;
        break;
      }
    }
    if (witness === undefined) continue;
    const trial = new Map([...override, ...laneIds.map((id) => [id, 'fixed'] as const)]);
    const changed = new Map<number, number>();
    let loss = 0;
    for (const o of orders) {
      if (++spent % FLOORS_PER_YIELD === 0) yield;
      const floor = floorOf(facts[o]!, available, prices, trial);
      loss += current(o) - floor;
      changed.set(o, floor);
      if (least <= loss) break; // the floors lose more than the minimum gives: not taken
    }
    if (least <= loss) continue;
    for (const [o, floor] of changed) now.set(o, floor);
    for (const id of laneIds) override.set(id, 'fixed');
    minimums.push({ origin, witness, minMinor: least });
  }
  return { minimums, override, floors: now };
}
