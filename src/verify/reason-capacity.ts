// REASON_CAPACITY: an order answered CAPACITY says every routing that meets its deadline is
// full (ULD allotments, clearance-port days, or stock other orders took). Two things prove it
// false: a line no allowed source holding it (input stock) can bring in time even on empty
// departures (then time or stock, not capacity, is why); or one allowed source that still
// holds the whole order and reaches the destination in time using only departures whose ULD
// allotment and port days whose clearance capacity still have room for the order as one parcel.
// (A split order that fits only as several parcels is not looked for: such a CAPACITY stands.)
import { measureLines } from '../domain/measure.js';
import type { Lane } from '../domain/network.js';
import type { Consolidation } from '../domain/plan.js';
import { consolidationCost } from '../tariff/index.js';
import type { Departure } from '../time/index.js';
import { portDayCounts, portDayKey } from './capacity.js';
import type { VerifyContext, Where } from './context.js';
import type { ParcelFacts } from './facts.js';
import { modesOf, sourcesOf, undrawableLine } from './order-sources.js';
import type { DepartureRoom } from './routes.js';
import { localIso, type UnplannedCase } from './unplanned-order.js';

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
    const capacity = this.ctx.index.nodes.get(lane.to)?.dailyParcelCapacity;
    if (capacity === undefined) return true;
    const date = this.ctx.model.localDate(departure.departureMs, lane.to);
    return (this.portDays.get(portDayKey(lane.to, date)) ?? 0) + 1 <= capacity;
  }
}

export function checkCapacityReason({ ctx, order, stock, routes, loads, deadlineMs, createdMs }: UnplannedCase): void {
  const where: Where = { order: order.id };
  const report = (message: string, found?: string) =>
    ctx.report({ rule: 'REASON_CAPACITY', ...where, message: `order ${order.id} is answered CAPACITY, but ${message}`, found });
  if (deadlineMs === null) {
    report('it has no deadline the network can compute');
    return;
  }
  if (createdMs === null) {
    ctx.report({ rule: 'UNCHECKABLE', ...where, message: `order ${order.id}: createdAt "${order.createdAt}" is not a real instant, so no arrival can be computed` });
    return;
  }
  const local = (ms: number) => localIso(ctx, ms, order.destination);
  // Only sources holding some line of the order (input stock) can matter.
  const sources = sourcesOf(ctx, order, modesOf(ctx, order)).filter((s) => order.lines.some((line) => stock.input(s.node, line.sku) > 0));

  const inTime = sources.filter((s) => (routes.earliestArrivalMs(s.mode, s.node, order.destination, createdMs) ?? Infinity) <= deadlineMs);
  const line = undrawableLine(order.lines, inTime.map((s) => s.node), stock.input);
  if (line !== null) {
    report(`no allowed source holding ${line.qty} × ${line.sku} reaches ${order.destination} by ${local(deadlineMs)} even on empty departures: the limit is time or stock, not capacity`, line.sku);
    return;
  }

  const need = new Map<string, number>();
  for (const l of order.lines) need.set(l.sku, (need.get(l.sku) ?? 0) + l.qty);
  const goods = measureLines(order.lines.map((l) => ({ line: l, qty: l.qty })));
  const room = loads.roomFor(goods.weightKg, goods.volumeM3);
  for (const s of inTime) {
    if (![...need].every(([sku, qty]) => stock.left(s.node, sku) >= qty)) continue;
    const arrivalMs = routes.earliestArrivalMs(s.mode, s.node, order.destination, createdMs, room);
    if (arrivalMs !== null && arrivalMs <= deadlineMs) {
      report(`${s.node} still holds the whole order and a ${s.mode} routing on departures and port days with room arrives ${local(arrivalMs)}, by the deadline ${local(deadlineMs)}`, s.node);
      return;
    }
  }
}
