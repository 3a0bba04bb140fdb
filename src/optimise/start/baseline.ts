// The no-consolidation baseline: every order, in creation order, takes the sourcing option
// and itineraries that are cheapest for it alone (its parcels' ranking cost), skipping
// those whose departure or clearance day is already full. It never plans for sharing; what
// its parcels happen to share on a departure is billed as the tariff bills any departure.
// It is the yardstick the optimiser must beat, and a plan that always exists.
import type { ItineraryCost } from '../../graph/itinerary.js';
import { type ItineraryContext, parcelRankingCost, searchItineraries } from '../../graph/itineraries.js';
import { CapacityLedger, type Load } from '../ledger/capacity.js';
import {
  type CandidateSettings, DEFAULT_CANDIDATES, type OrderCandidates, orderCandidates, type ParcelCandidates,
} from '../choices/candidates.js';
import { type DecidedParcel, type OrderDecision, type Unplanned, unplanned } from '../model/decisions.js';
import type { OrderFacts } from '../choices/order-facts.js';
import { holdsAll } from '../choices/sourcing.js';
import type { StockLedger } from '../ledger/stock-ledger.js';

export function planBaseline(
  ctx: ItineraryContext,
  facts: readonly OrderFacts[],
  stock: StockLedger,
  settings: CandidateSettings = DEFAULT_CANDIDATES,
  /** Capacity already taken (orders planned before these, e.g. a re-plan's kept ones). */
  capacity?: CapacityLedger,
): OrderDecision[] {
  // Candidates drawn against the stock left after earlier orders: sourcing adapts as it runs.
  const live = (f: OrderFacts) => orderCandidates(ctx, f, stock, settings);
  return chooseBaseline(ctx, [...facts].sort(byCreation), stock, live, live, capacity);
}

/**
 * The baseline's choice loop over candidates from any source, in the order given. Options
 * whose stock is gone by the time the order's turn comes are skipped; when none is left,
 * `refresh` is asked again against the stock that remains (it may find a split).
 */
export function chooseBaseline(
  ctx: ItineraryContext,
  facts: readonly OrderFacts[],
  stock: StockLedger,
  candidatesOf: (f: OrderFacts) => OrderCandidates | Unplanned,
  refresh: (f: OrderFacts) => OrderCandidates | Unplanned,
  /** Capacity already taken (by a plan these orders join); empty by default. */
  capacity: CapacityLedger = new CapacityLedger(ctx.model),
): OrderDecision[] {
  const decisions: OrderDecision[] = [];
  for (const f of facts) {
    let candidates = candidatesOf(f);
    const stocked = (c: OrderCandidates) => c.options.filter((option) => option.every((p) => holdsAll(stock, f.order, p)));
    let inStock = 'status' in candidates ? [] : stocked(candidates);
    if (!('status' in candidates) && inStock.length === 0) {
      candidates = refresh(f);
      inStock = 'status' in candidates ? [] : stocked(candidates);
    }
    if ('status' in candidates) {
      decisions.push(candidates);
      continue;
    }
    if (inStock.length === 0) {
      decisions.push(unplanned(f.order.id, 'NO_STOCK', 'The stock this order needs was taken by orders created before it.'));
      continue;
    }
    let best: { costMinor: number; parcels: Chosen[] } | null = null;
    let blocked = '';
    for (const option of inStock) {
      const trial = chooseItineraries(option, capacity, (p) => itineraryWithRoom(ctx, f, p, capacity));
      if (trial.parcels === null) {
        blocked ||= trial.blocker;
        continue;
      }
      if (best === null || trial.costMinor < best.costMinor) best = { costMinor: trial.costMinor, parcels: trial.parcels };
    }
    if (best === null) {
      decisions.push(unplanned(f.order.id, 'CAPACITY', `Every routing that meets the deadline is full: ${blocked}.`));
      continue;
    }
    for (const { parcel, load } of best.parcels) {
      for (const l of parcel.lines) stock.take(parcel.source, f.order.lines[l.line]!.sku, l.qty);
      capacity.commit(parcel.legs, load);
    }
    decisions.push({ order: f.order.id, status: 'planned', parcels: best.parcels.map((c) => c.parcel) });
  }
  return decisions;
}

interface Chosen {
  parcel: DecidedParcel;
  load: Load;
}

/** Each parcel of the option on its cheapest itinerary with room; capacity is left as found. */
function chooseItineraries(
  option: readonly ParcelCandidates[],
  capacity: CapacityLedger,
  withRoom: (p: ParcelCandidates) => { legs: DecidedParcel['legs']; costMinor: number } | null,
): { parcels: Chosen[]; costMinor: number } | { parcels: null; blocker: string } {
  const parcels: Chosen[] = [];
  let costMinor = 0;
  // Parcels of one order may share a departure: hold each choice while choosing the next.
  const release = () => parcels.forEach((c) => capacity.release(c.parcel.legs, c.load));
  for (const p of option) {
    let chosen = null;
    let blocker = '';
    for (const it of p.itineraries) {
      const legs = it.legs; // frozen with the itinerary, so shared rather than copied
      const why = capacity.blocker(legs, p.measures);
      if (why === null) {
        chosen = { legs, costMinor: it.costMinor };
        break;
      }
      blocker ||= why;
    }
    // Every kept candidate is full: CAPACITY must mean that no in-time routing has room, so
    // search every departure before the deadline against what is booked now.
    chosen ??= withRoom(p);
    if (chosen === null) {
      release();
      return { parcels: null, blocker };
    }
    const parcel = { source: p.source, mode: p.mode, lines: p.lines, legs: chosen.legs };
    capacity.commit(parcel.legs, p.measures);
    parcels.push({ parcel, load: p.measures });
    costMinor += chosen.costMinor;
  }
  release();
  return { parcels, costMinor };
}

/** Departures tried per lane when looking for room: every departure of a fortnight, even at ten a day. */
const ROOM_SEARCH_DEPARTURES = 160;
/** What a full itinerary costs in that search: more than any real one, so it is never chosen. */
const FULL = Number.MAX_SAFE_INTEGER;

/**
 * The cheapest itinerary of a parcel from its source that arrives by the deadline on departures
 * and clearance days with room now, ready from the order's creation (not its pick wave: the
 * verifier judges CAPACITY from creation too); null when there is none. The search's cost
 * depends on the ledger, so its memo entry is dropped after use.
 */
function itineraryWithRoom(
  ctx: ItineraryContext,
  f: OrderFacts,
  p: ParcelCandidates,
  capacity: CapacityLedger,
): { legs: DecidedParcel['legs']; costMinor: number } | null {
  const reference = parcelRankingCost(ctx, p.measures);
  const toDecided = (legs: Parameters<ItineraryCost>[0]) => legs.map((l) => ({ lane: l.lane, departureMs: l.departureMs, arrivalMs: l.arrivalMs }));
  const cost: ItineraryCost = (legs) => (capacity.blocker(toDecided(legs), p.measures) === null ? reference(legs) : FULL);
  try {
    const search = searchItineraries(ctx, {
      source: p.source, destination: f.order.destination, readyMs: f.createdMs, deadlineMs: f.deadlineMs,
      k: 1, departuresPerLane: ROOM_SEARCH_DEPARTURES, cost,
    });
    const found = search.itineraries[0];
    return found === undefined || found.costMinor >= FULL ? null : { legs: toDecided(found.legs), costMinor: found.costMinor };
  } finally {
    ctx.memo.searches.delete(cost);
  }
}

export function byCreation(a: OrderFacts, b: OrderFacts): number {
  return a.createdMs - b.createdMs || (a.order.id < b.order.id ? -1 : a.order.id > b.order.id ? 1 : 0);
}
