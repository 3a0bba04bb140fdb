// Graph: the network as a graphology multigraph, static lower bounds to zones, and the
// itinerary search (time-dependent earliest arrival, k cheapest deadline-feasible itineraries).
export {
  buildNetworkGraph, reverseNetworkGraph,
  type NetworkGraph, type NodeAttributes, type LaneAttributes,
} from './network-graph.js';
export { minWeightToZone, minMinutesToZone, minCostToZone, type LaneWeight } from './static-bounds.js';
export {
  searchItineraries, earliestArrival, createItineraryContext, referenceParcelCost, parcelRankingCost, additiveCost, isAdditiveCost,
  compareItineraries, MAX_LEGS, DEFAULT_DEPARTURES_PER_LANE, REFERENCE_LOAD_KG, REFERENCE_PARCEL,
  type Itinerary, type ItineraryLeg, type ItineraryCost, type AdditiveItineraryCost, type ItinerarySearch,
  type ItineraryQuery, type ItineraryContext,
} from './itineraries.js';
