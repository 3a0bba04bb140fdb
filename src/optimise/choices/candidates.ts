// Candidate routings of one order: for each sourcing option, each parcel's deadline-feasible
// itineraries. When no option works the order gets its reason here (NO_STOCK, NO_ROUTE,
// SLA_INFEASIBLE with the earliest achievable delivery).
import { measureLines, type Measures } from '../../domain/measure.js';
import { formatMinor } from '../../output/money.js';
import {
  type Itinerary, type ItineraryContext, parcelRankingCost, searchItineraries,
} from '../../graph/itineraries.js';
import { isCrossBorder } from '../../domain/customs.js';
import { type Unplanned, unplanned } from '../model/decisions.js';
import { type OrderFacts, limitedToGeneralTrade } from './order-facts.js';
import { type ParcelSourcing, type SourcingOption, sourcingOptions } from './sourcing.js';
import type { StockLedger } from '../ledger/stock-ledger.js';

export interface ParcelCandidates extends ParcelSourcing {
  measures: Measures;
  /** Deadline-feasible itineraries, cheapest first for this parcel alone (parcelRankingCost of its measures). */
  itineraries: Itinerary[];
}

export interface OrderCandidates {
  facts: OrderFacts;
  /** Each entry: one sourcing option, every parcel with at least one feasible itinerary. */
  options: ParcelCandidates[][];
}

export interface CandidateSettings {
  /** Itineraries kept per parcel. */
  k: number;
  /** Departures tried per weekly lane (later flights are real alternatives for consolidation). */
  departuresPerLane: number;
}

export const DEFAULT_CANDIDATES: CandidateSettings = { k: 4, departuresPerLane: 2 };

/**
 * Orders are released to the warehouse floor in pick waves: an order joins the first wave
 * that starts at or after its creation. Orders of one wave with the same source, destination
 * and deadline are one *commodity* for the itinerary search — interchangeable for routing —
 * so the search runs once per commodity and parcel weight step (its results are memoised:
 * parcels of one chargeable weight share a ranking, see parcelRankingCost) instead of once per
 * order.
 */
export const PICK_WAVE_MS = 30 * 60_000;

export function pickWave(createdMs: number): number {
  return Math.ceil(createdMs / PICK_WAVE_MS) * PICK_WAVE_MS;
}

export function orderCandidates(
  ctx: ItineraryContext,
  facts: OrderFacts,
  stock: StockLedger,
  settings: CandidateSettings = DEFAULT_CANDIDATES,
): OrderCandidates | Unplanned {
  const { order } = facts;
  const index = ctx.model.index;
  // Splits rank their nodes by the least a parcel from each costs to the zone (graph/static-bounds.ts).
  const rank = (node: string): number => ctx.minCostToZone(node, order.destination);
  const sourcing = sourcingOptions(index, order, facts.modes, stock, undefined, rank);
  if (!sourcing.ok) {
    const wanted = order.lines.filter((l) => l.sku === sourcing.missingSku).reduce((n, l) => n + l.qty, 0);
    const level = order.serviceLevel === undefined ? undefined : index.serviceLevels.get(order.serviceLevel);
    const levelAllowedCrossBorder = level === undefined || level.modes.some(isCrossBorder);
    if (limitedToGeneralTrade(facts) && levelAllowedCrossBorder) {
      // The limit took away the cross-border sources; general trade was the only way left.
      const limit = index.network.customs.crossBorderOrderLimitMinor;
      return unplanned(
        order.id,
        'OVER_VALUE_LIMIT',
        `Order value ${formatMinor(facts.measures.valueMinor, { grouping: true })} ${index.network.currency} exceeds the cross-border limit of ${formatMinor(limit, { grouping: true })} per order and is not a single item, so only duty-paid domestic stock can serve it, and no allowed domestic warehouse holds the ${wanted} × ${sourcing.missingSku} it needs.`,
        { field: sourcing.missingSku },
      );
    }
    return unplanned(order.id, 'NO_STOCK', `No allowed storage base or warehouse holds the ${wanted} × ${sourcing.missingSku} this order needs.`, {
      field: sourcing.missingSku,
    });
  }
  const options: ParcelCandidates[][] = [];
  let earliestMs: number | null = null;
  let anyRoute = false;
  const searchOf = (source: string, parcel: Measures) => {
    const searchFrom = (readyMs: number) =>
      searchItineraries(ctx, {
        source,
        destination: order.destination,
        readyMs,
        deadlineMs: facts.deadlineMs,
        k: settings.k,
        departuresPerLane: settings.departuresPerLane,
        // Ranked for this parcel's own chargeable weight: the k kept are its cheapest, and the
        // search is still shared by the parcels of the commodity on the same weight step.
        cost: parcelRankingCost(ctx, parcel),
      });
    const search = searchFrom(pickWave(facts.createdMs));
    // The wave is a device of the search, not a rule of the business: an order it would make
    // late is searched again from its creation (the verifier judges SLA_INFEASIBLE from there).
    return search.itineraries.length === 0 && pickWave(facts.createdMs) !== facts.createdMs ? searchFrom(facts.createdMs) : search;
  };
  const consider = (option: SourcingOption): void => {
    const parcels: ParcelCandidates[] = [];
    let optionEarliest = -Infinity;
    let feasible = true;
    for (const p of option) {
      const measures = measureLines(p.lines.map((l) => ({ line: order.lines[l.line]!, qty: l.qty })));
      const search = searchOf(p.source, measures);
      if (search.earliest === null) {
        feasible = false;
        optionEarliest = Infinity;
        continue;
      }
      anyRoute = true;
      optionEarliest = Math.max(optionEarliest, search.earliest.arrivalMs);
      if (search.itineraries.length === 0) feasible = false;
      parcels.push({
        ...p,
        measures,
        itineraries: search.itineraries,
      });
    }
    if (feasible) options.push(parcels);
    else if (Number.isFinite(optionEarliest)) earliestMs = Math.min(earliestMs ?? Infinity, optionEarliest);
  };
  for (const option of sourcing.options) consider(option);
  if (options.length === 0 && anyRoute) {
    // Every option offered is late: a split over only the sources that can make the deadline
    // may still deliver in time (the first split covers lines greedily, whatever their speed).
    // Whether a source can make the deadline does not depend on the ranking: the whole order's
    // measures (the single-source parcel's, usually searched already) serve.
    const inTime = sourcingOptions(index, order, facts.modes, stock, (node) => searchOf(node, facts.measures).itineraries.length > 0, rank);
    if (inTime.ok) for (const option of inTime.options) consider(option);
  }
  if (options.length > 0) return { facts, options };
  if (!anyRoute || earliestMs === null) {
    return unplanned(order.id, 'NO_ROUTE', `No lane connects the sources holding this order's stock to ${order.destination}.`);
  }
  const destination = order.destination;
  return unplanned(
    order.id,
    'SLA_INFEASIBLE',
    `No routing meets the promised delivery by ${ctx.model.toLocalIso(facts.deadlineMs, destination)}; the earliest possible delivery is ${ctx.model.toLocalIso(earliestMs, destination)}.`,
    { earliestDeliveryMs: earliestMs },
  );
}
