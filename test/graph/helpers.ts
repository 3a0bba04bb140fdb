// Printing helpers for assertions: itineraries as lane@UTC-instant strings, easy to compare by eye.
import type { Itinerary } from '../../src/graph/itinerary.js';

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** "LANE@2026-11-23T05:00:00.000Z" per leg, the arrival, and the cost. */
export function describe(itinerary: Itinerary): { legs: string[]; arrival: string; costMinor: number } {
  return {
    legs: itinerary.legs.map((leg) => `${leg.lane}@${iso(leg.departureMs)}`),
    arrival: iso(itinerary.arrivalMs),
    costMinor: itinerary.costMinor,
  };
}
