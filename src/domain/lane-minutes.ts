// How long a lane takes at least: a fact of its schedule, used by the itinerary search's bounds
// (src/graph/network-graph.ts) and by the verifier's lower-bound check (src/verify/lower-bound.ts).
import type { Lane } from './network.js';

/**
 * Least minutes between a parcel being ready at the lane's origin and its arrival:
 * weekly: it must be ready `cutoffMinutes` before a departure, then flies `transitMinutes`;
 * continuous: `transitMinutes`; working_time: at least `workingMinutes` of real time pass.
 */
export function laneMinMinutes(lane: Lane): number {
  const s = lane.schedule;
  switch (s.kind) {
    case 'weekly':
      return s.cutoffMinutes + s.transitMinutes;
    case 'continuous':
      return s.transitMinutes;
    case 'working_time':
      return s.workingMinutes;
  }
}
