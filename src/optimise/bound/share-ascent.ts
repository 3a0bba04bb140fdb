// Choosing the lanes' fixed parts and shares of the bound (lane-shares.ts has why any choice
// within the fixed parts is valid): a dual ascent in the manner of Erlenkotter's for facility
// location, a lane's own MAWB being a facility whose opening cost is its fixed charges and a
// parcel of the plan a customer that can also ship loose at the co-load rate.
//
// Every lane the plan consolidates on gets its fixed part. Then, round after round, each parcel
// of the plan looks for its cheapest itinerary against the shares so far (cheapest-itinerary.ts:
// every itinerary the network allows, from every source holding its lines) and picks the lane of
// it whose share can still rise most — by what its fixed part has left over the parcel's window,
// and no further than the parcel's co-load figure. Each parcel then raises its first line's
// share there by the fixed part over the number of parcels that picked the lane: n parcels
// competing for one MAWB each get 1/n of it, a parcel alone what it can use. A lane a parcel's
// cheapest itinerary takes without a fixed part gets one. A parcel with nothing to raise is
// done. No share takes a fixed part past its lane's at any instant.
//
// Without shares a lane's figure is below its per-kg floor's (the own line has no fixed charge),
// so after the rounds each lane's parcels are priced both ways, and a lane whose fixed part
// costs them more than it gives goes back to the floor.
//
// Rounds and searches are counted (MAX_ROUNDS, MAX_SEARCHES), never timed, so the bound is the
// same on any machine.
import type { Order } from '../../domain/orders.js';
import type { BoundLaneRate } from '../../domain/plan.js';
import { measureLines } from '../../domain/measure.js';
import { must } from '../../domain/network-index.js';
import type { ItineraryContext } from '../../graph/itineraries.js';
import { isConsolidating, ownLine } from '../../tariff/index.js';
import { parseInstant } from '../../time/index.js';
import type { Problem } from '../model/problem.js';
import { UNASSIGNED } from '../model/assignment.js';
import { type RoutingFacts, type StockOnHand, holdingSources, holdsLines, laneFixedParts, parcelFigure } from './any-routing.js';
import { cheapestRoute } from './cheapest-itinerary.js';
import type { LaneShares } from './lane-shares.js';

/**
 * Rounds of the ascent: each parcel raises one share at most once per round. M's ascent ends by
 * itself after 31 (no parcel left raising), its bound CNY 264,169.92 against 263,272.93 after 8;
 * the later rounds are short, a few hundred parcels each.
 */
export const MAX_ROUNDS = 32;
/**
 * Cheapest-itinerary searches the rounds may make in all (M's 10,000 orders take about 23,000):
 * on a 100,000-order batch the ascent stops after a round or two rather than take seconds more.
 */
export const MAX_SEARCHES = 60_000;
/**
 * Searches between two pauses inside a round: the ascent runs on the thread that also hands the
 * pool its next partitions and its aborts, and round one on M makes some 5,000 searches in a row.
 */
export const SEARCHES_PER_PAUSE = 250;
/** Rises below one minor unit count as none. */
const LEAST_RISE_MINOR = 1;
const MINUTE_MS = 60_000;

/** A parcel of the plan: who raises shares. */
interface Rider {
  order: Order;
  lines: number[];
  weightKg: number;
  sources: string[];
  readyMs: number;
  deadlineMs: number;
}

/**
 * What the ascent yields: the end of a round, with the parcels still raising a share, or a pause
 * every SEARCHES_PER_PAUSE searches inside one (or inside the final pricing).
 */
export type AscentStep = { readonly roundEnded: true; readonly raising: number } | { readonly roundEnded: false };

/**
 * Fills `shares` for the served orders as `choiceOf` serves them, yielding at the end of each
 * round and every few hundred searches (a caller may stop at any yield: the shares are valid
 * within their fixed parts throughout). Lanes given a fixed part that nothing was shared on are
 * dropped at the end.
 */
export function* ascendShares(
  ctx: ItineraryContext,
  problem: Problem,
  choiceOf: ArrayLike<number>,
  factsOf: (orderId: string) => RoutingFacts | undefined,
  include: (order: number) => boolean,
  lanes: readonly BoundLaneRate[],
  available: StockOnHand,
  shares: LaneShares,
): Generator<AscentStep, void, void> {
  const { index } = ctx;
  const rates = new Map(lanes.map((t) => [t.lane, t.perKgMinor]));
  const caps = new Map(lanes.map((t) => [t.lane, t.capKg]));
  const fixLane = (id: string): void => {
    const lane = must(index.lanes, id, 'lane');
    const own = ownLine(lane, caps.get(id) ?? 0);
    shares.fix(id, own.fixedMinor, own.perKgMinor, lane.coLoad?.perKgMinor ?? Infinity);
  };
  const planLanes = new Set<string>();
  const riders: Rider[] = [];
  for (let o = 0; o < problem.orders.length; o++) {
    const c = choiceOf[o] ?? UNASSIGNED;
    if (c === UNASSIGNED || !include(o)) continue;
    const po = problem.orders[o]!;
    const facts = factsOf(po.order);
    if (facts === undefined) continue;
    const { order } = facts;
    const holding = holdingSources(index, facts, available);
    for (const parcel of po.choices[c]!.parcels) {
      const lines = parcel.lines.map((l) => l.line);
      const { weightKg } = measureLines(lines.map((l) => ({ line: order.lines[l]!, qty: order.lines[l]!.qty })));
      let consolidated = false;
      for (const leg of parcel.legs) {
        if (!isConsolidating(must(index.lanes, leg.lane, 'lane'))) continue;
        planLanes.add(leg.lane);
        consolidated = true;
      }
      // A parcel the plan sends on no consolidating lane (bonded, domestic) has none to share.
      if (!consolidated) continue;
      const sources = holding.filter((s) => holdsLines(order, s, lines, available));
      if (sources.length > 0) riders.push({ order, lines, weightKg, sources, readyMs: parseInstant(order.createdAt), deadlineMs: facts.deadlineMs });
    }
  }
  const fixedAt = laneFixedParts(index);
  const PAUSE: AscentStep = { roundEnded: false };
  const routeOf = (rider: Rider) => cheapestRoute(ctx, rider.sources, rider.order.destination, rider.readyMs, rider.deadlineMs, parcelFigure(rider.order, rider.lines, rates, fixedAt, shares));
  /** The lane of the parcel's cheapest itinerary whose share can rise most, and by how much. */
  const pickLane = (rider: Rider): { lane: string; closeMs: number; rise: number } | undefined => {
    const route = routeOf(rider);
    if (route === null) return undefined;
    let best: { lane: string; closeMs: number; rise: number } | undefined;
    for (const leg of route.legs) {
      const lane = leg.lane.id;
      if (!isConsolidating(leg.lane)) continue;
      if (!shares.has(lane)) fixLane(lane);
      const closeMs = rider.deadlineMs - ctx.minMinutesToZone(leg.lane.to, rider.order.destination) * MINUTE_MS;
      const rise = Math.min(shares.left(lane, rider.readyMs, closeMs), shares.headroom(lane, rider.weightKg, rider.order.id, rider.lines));
      if (rise > (best?.rise ?? LEAST_RISE_MINOR)) best = { lane, closeMs, rise };
    }
    return best;
  };
  for (const lane of [...planLanes].sort()) fixLane(lane);
  let active = riders;
  let searches = 0;
  for (let round = 0; round < MAX_ROUNDS && active.length > 0 && searches < MAX_SEARCHES; round++) {
    const picks: { rider: Rider; lane: string; closeMs: number; rise: number }[] = [];
    const demand = new Map<string, number>();
    for (const rider of active) {
      if (searches++ >= MAX_SEARCHES) break;
      if (searches % SEARCHES_PER_PAUSE === 0) yield PAUSE;
      const pick = pickLane(rider);
      if (pick === undefined) continue;
      picks.push({ rider, ...pick });
      demand.set(pick.lane, (demand.get(pick.lane) ?? 0) + 1);
    }
    for (const { rider, lane, closeMs, rise } of picks) {
      const step = Math.min(shares.left(lane, rider.readyMs, closeMs), rise, shares.fixedOf(lane) / demand.get(lane)!);
      if (step >= LEAST_RISE_MINOR) shares.add(lane, rider.order.id, rider.lines[0]!, step, rider.readyMs, closeMs);
    }
    active = picks.map((p) => p.rider);
    yield { roundEnded: true, raising: active.length };
  }
  // Each lane's parcels at the end, priced with its fixed part and with the per-kg floor: a lane
  // whose fixed part costs them more than its shares give, or gives none of them anything, goes
  // back to the floor.
  const net = new Map<string, { gain: number; gainers: number }>();
  for (const [r, rider] of riders.entries()) {
    if (r > 0 && r % SEARCHES_PER_PAUSE === 0) yield PAUSE;
    for (const leg of routeOf(rider)?.legs ?? []) {
      const lane = leg.lane.id;
      const withShares = shares.figure(lane, rider.weightKg, rider.order.id, rider.lines);
      if (withShares === undefined) continue;
      const gain = withShares - Math.max(0, (rates.get(lane) ?? 0) * rider.weightKg - 0.5);
      const at = net.get(lane) ?? { gain: 0, gainers: 0 };
      at.gain += gain;
      if (gain > 0) at.gainers++;
      net.set(lane, at);
    }
  }
  for (const [lane, { gain, gainers }] of net) if (gain < 0 || gainers === 0) shares.drop(lane);
  shares.prune();
}
