// Capacity already committed: ULD space per departure and clearance slots per port and day.
// Planners ask `fits` before committing a parcel's itinerary and `commit` after.
import type { NetworkIndex } from '../../domain/network-index.js';
import { must } from '../../domain/network-index.js';
import { uldsNeeded } from '../../tariff/index.js';
import type { TimeModel } from '../../time/time-model.js';
import { type DecidedLeg, departureKey } from '../model/decisions.js';

export interface Load {
  weightKg: number;
  volumeM3: number;
}

export class CapacityLedger {
  private readonly departures = new Map<string, Load>();
  private readonly portDays = new Map<string, number>();
  private readonly index: NetworkIndex;

  constructor(private readonly model: TimeModel) {
    this.index = model.index;
  }

  /** Why these legs cannot take this parcel now, or null when they can. */
  blocker(legs: readonly DecidedLeg[], parcel: Load): string | null {
    for (const leg of legs) {
      const lane = must(this.index.lanes, leg.lane, 'lane');
      // A lane with a co-load offer is never full: a load our allotment cannot take ships loose.
      if (lane.uld !== undefined && lane.maxUldsPerDeparture !== undefined && lane.coLoad === undefined) {
        const load = this.departures.get(departureKey(leg.lane, leg.departureMs)) ?? { weightKg: 0, volumeM3: 0 };
        const ulds = uldsNeeded(lane.uld, load.weightKg + parcel.weightKg, load.volumeM3 + parcel.volumeM3);
        if (ulds > lane.maxUldsPerDeparture) return `departure ${lane.id} at ${this.model.toLocalIso(leg.departureMs, lane.from)} is full`;
      }
      if (lane.mode === 'clearance') {
        const port = must(this.index.nodes, lane.to, 'node');
        const capacity = this.model.dailyParcelCapacity(port.id, leg.departureMs);
        if (capacity !== undefined) {
          const used = this.portDays.get(this.portDayKey(lane.to, leg.departureMs)) ?? 0;
          if (used + 1 > capacity) {
            return `clearance port ${port.id} is full on ${this.model.localDate(leg.departureMs, port.id)}`;
          }
        }
      }
    }
    return null;
  }

  commit(legs: readonly DecidedLeg[], parcel: Load): void {
    this.add(legs, parcel, 1);
  }

  /** Undoes a `commit` of the same legs and load. */
  release(legs: readonly DecidedLeg[], parcel: Load): void {
    this.add(legs, parcel, -1);
  }

  private add(legs: readonly DecidedLeg[], parcel: Load, sign: 1 | -1): void {
    for (const leg of legs) {
      const lane = must(this.index.lanes, leg.lane, 'lane');
      const key = departureKey(leg.lane, leg.departureMs);
      const load = this.departures.get(key) ?? { weightKg: 0, volumeM3: 0 };
      this.departures.set(key, { weightKg: load.weightKg + sign * parcel.weightKg, volumeM3: load.volumeM3 + sign * parcel.volumeM3 });
      if (lane.mode === 'clearance') {
        const pk = this.portDayKey(lane.to, leg.departureMs);
        this.portDays.set(pk, (this.portDays.get(pk) ?? 0) + sign);
      }
    }
  }

  private portDayKey(port: string, ms: number): string {
    return `${port}@${this.model.localDate(ms, port)}`;
  }
}
