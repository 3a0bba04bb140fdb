// What an itinerary is: a sequence of real departures from a source node to a zone, and how
// itineraries are priced and ordered. Plain data, shared by the search and its callers.

/**
 * Default most legs of an itinerary (base → airport → hub → port → … → zone is 4–5 on the
 * default network); a context may set another (ItinerarySettings.maxLegs; PlannerOptions.maxLegs in the API).
 */
export const MAX_LEGS = 6;
/** Largest leg cap a context accepts: the k-cheapest search is exponential in it. */
export const MAX_LEGS_LIMIT = 12;

/** One departure taken: the lane, its dated departure and the arrival at `to` (UTC epoch ms). */
export interface ItineraryLeg {
  lane: string;
  from: string;
  to: string;
  departureMs: number;
  arrivalMs: number;
}

export interface Itinerary {
  source: string;
  destination: string;
  /** When the parcel is at `source` (order creation); handling at the source starts then. */
  readyMs: number;
  legs: ItineraryLeg[];
  /** Arrival of the last leg at the destination zone. */
  arrivalMs: number;
  costMinor: number;
}

/** Prices an itinerary for one parcel, in minor units. */
export type ItineraryCost = (legs: readonly ItineraryLeg[]) => number;

/**
 * A cost that is a sum over legs of a per-lane figure that does not depend on the departure.
 * The search prunes with it (branch and bound on a Dijkstra bound of the lane figures);
 * any other ItineraryCost is searched exhaustively within the deadline.
 */
export interface AdditiveItineraryCost extends ItineraryCost {
  /** Cost of taking `laneId`, >= 0, including whatever is paid at the lane's origin. */
  readonly laneCostMinor: (laneId: string) => number;
}

/** An ItineraryCost that is the sum of `laneCostMinor` over the legs. */
export function additiveCost(laneCostMinor: (laneId: string) => number): AdditiveItineraryCost {
  const cost = (legs: readonly ItineraryLeg[]): number => {
    let total = 0;
    for (const leg of legs) total += laneCostMinor(leg.lane);
    return total;
  };
  return Object.assign(cost, { laneCostMinor });
}

export function isAdditiveCost(cost: ItineraryCost): cost is AdditiveItineraryCost {
  return typeof (cost as Partial<AdditiveItineraryCost>).laneCostMinor === 'function';
}

/**
 * The order of the k cheapest list: cost, then arrival, then the lane ids leg by leg, then
 * the departures leg by leg (the same lanes on other departures are distinct itineraries).
 */
export function compareItineraries(a: Itinerary, b: Itinerary): number {
  if (a.costMinor !== b.costMinor) return a.costMinor - b.costMinor;
  if (a.arrivalMs !== b.arrivalMs) return a.arrivalMs - b.arrivalMs;
  const n = Math.min(a.legs.length, b.legs.length);
  for (let i = 0; i < n; i++) {
    const la = (a.legs[i] as ItineraryLeg).lane;
    const lb = (b.legs[i] as ItineraryLeg).lane;
    if (la !== lb) return la < lb ? -1 : 1;
  }
  if (a.legs.length !== b.legs.length) return a.legs.length - b.legs.length;
  for (let i = 0; i < n; i++) {
    const d = (a.legs[i] as ItineraryLeg).departureMs - (b.legs[i] as ItineraryLeg).departureMs;
    if (d !== 0) return d;
  }
  return 0;
}

/** The answer of a search: the earliest arrival (deadline or not) and the k cheapest that meet it. */
export interface ItinerarySearch {
  /** Earliest-arrival itinerary whether or not it meets the deadline; null when no route exists. */
  earliest: Itinerary | null;
  /** Deadline-feasible itineraries, cheapest first (see compareItineraries); at most k. */
  itineraries: Itinerary[];
}
