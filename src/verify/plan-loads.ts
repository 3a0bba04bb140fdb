// What the plan uses of the shared resources, for judging CAPACITY answers: ULDs booked per
// departure (with each consolidation's recomputed load) and parcels per clearance-port day,
// and whether one more parcel of a given load still fits on a departure.
import type { Lane } from '../domain/network.js';
import type { Consolidation } from '../domain/plan.js';
import { consolidationCost } from '../tariff/index.js';
import type { Departure } from '../time/index.js';
import { portDayCounts, portDayKey } from './capacity.js';
import type { VerifyContext } from './context.js';
import type { ParcelFacts } from './facts.js';
import type { DepartureRoom } from './routes.js';

interface DepartureUse {
  /** Σ ULDs the plan books on the departure. */
  booked: number;
  /** Each consolidation's ULDs and recomputed load. */
  consolidations: { ulds: number; weightKg: number; volumeM3: number }[];
}

/** What the plan uses of the shared resources: ULDs per departure, parcels per port day. */
export class PlanLoads {
  private readonly departures = new Map<string, DepartureUse>();
  private readonly portDays: Map<string, number>;

  constructor(
    private readonly ctx: VerifyContext,
    consolidations: readonly Consolidation[],
    parcels: ReadonlyMap<string, ParcelFacts>,
    planned: Iterable<ParcelFacts>,
  ) {
    for (const consolidation of consolidations) {
      const departureMs = ctx.peekInstant(consolidation.departure);
      if (departureMs === null) continue;
      let weightKg = 0;
      let volumeM3 = 0;
      for (const id of consolidation.parcels) {
        const goods = parcels.get(id)?.goods;
        weightKg += goods?.weightKg ?? 0;
        volumeM3 += goods?.volumeM3 ?? 0;
      }
      const key = `${consolidation.lane}|${departureMs}`;
      let use = this.departures.get(key);
      if (use === undefined) this.departures.set(key, (use = { booked: 0, consolidations: [] }));
      use.booked += consolidation.ulds;
      use.consolidations.push({ ulds: consolidation.ulds, weightKg, volumeM3 });
    }
    this.portDays = portDayCounts(ctx, planned);
  }

  /** Room on departures for one more parcel of this load: a new consolidation, or joining one. */
  roomFor(weightKg: number, volumeM3: number): DepartureRoom {
    return (lane: Lane, departure: Departure) => this.uldRoom(lane, departure, weightKg, volumeM3) && this.portRoom(lane, departure);
  }

  /** ULDs booked after the parcel rides: as the tariff ships the load (co-load books none of ours). */
  private uldRoom(lane: Lane, departure: Departure, weightKg: number, volumeM3: number): boolean {
    const max = lane.maxUldsPerDeparture;
    if (lane.uld === undefined || max === undefined) return true;
    const use = this.departures.get(`${lane.id}|${departure.departureMs}`);
    const booked = use?.booked ?? 0;
    const ulds = (w: number, v: number) => consolidationCost(lane, w, v).ulds;
    if (booked + ulds(weightKg, volumeM3) <= max) return true;
    return (use?.consolidations ?? []).some((c) => booked - c.ulds + ulds(c.weightKg + weightKg, c.volumeM3 + volumeM3) <= max);
  }

  private portRoom(lane: Lane, departure: Departure): boolean {
    if (lane.mode !== 'clearance') return true;
    const capacity = this.ctx.model.dailyParcelCapacity(lane.to, departure.departureMs);
    if (capacity === undefined) return true;
    const date = this.ctx.model.localDate(departure.departureMs, lane.to);
    return (this.portDays.get(portDayKey(lane.to, date)) ?? 0) + 1 <= capacity;
  }
}
