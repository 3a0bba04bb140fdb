// Which orders of the previous plan a re-plan keeps exactly, and which parcels a disruption
// reaches. A parcel is affected when one of its legs departs on a departure the (closed) time
// model no longer runs, or it clears on a port-day whose capacity is now below what the kept
// parcels need there (the parcels displaced: those on no booked consolidation first, then the
// last by parcel id). An order is re-planned whole when any parcel of it is affected; an
// unaffected order is kept when a parcel of it rides a booked consolidation (booked parcels stay
// exactly as they were) or it rides no unbooked one; the rest — on unbooked consolidations
// only — are planned again with the new orders.
import type { Order } from '../../domain/orders.js';
import type { Plan, PlanParcel, PlannedOrder } from '../../domain/plan.js';
import { must } from '../../domain/network-index.js';
import { parseInstant, type TimeModel } from '../../time/time-model.js';
import type { DecidedParcel } from '../model/decisions.js';
import type { FixedRoutings } from './fixed.js';

export interface KeptSelection {
  /** Orders kept on their previous routing, by id. */
  fixed: FixedRoutings;
  /** Booked consolidations a disruption reached (an affected parcel rides them). */
  disrupted: string[];
  /** Parcels on a closed departure or displaced by a capacity cut, in plan order. */
  affectedParcels: string[];
}

export function selectKept(model: TimeModel, previous: Plan, orders: ReadonlyMap<string, Order>, booked: readonly string[]): KeptSelection {
  const bookedIds = new Set(booked);
  const planned = previous.orders.filter((a): a is PlannedOrder => a.status === 'planned');
  const affected = new Set<string>();
  const ridesBooked = (p: PlanParcel) => p.legs.some((l) => l.consolidation !== undefined && bookedIds.has(l.consolidation));

  // Closed departures.
  for (const answer of planned) {
    for (const p of answer.parcels) if (p.legs.some((l) => !runs(model, l.lane, l.departure))) affected.add(p.id);
  }
  // Clearance days with less room than the parcels still on them need.
  const portDays = new Map<string, { capacity: number; parcels: PlanParcel[] }>();
  for (const answer of planned) {
    for (const p of answer.parcels) {
      if (affected.has(p.id)) continue;
      for (const l of p.legs) {
        if (l.mode !== 'clearance') continue;
        const ms = parseInstant(l.departure);
        const capacity = model.dailyParcelCapacity(l.to, ms);
        if (capacity === undefined) continue;
        const key = `${l.to}|${model.localDate(ms, l.to)}`;
        const day = portDays.get(key) ?? { capacity, parcels: [] };
        day.parcels.push(p);
        portDays.set(key, day);
      }
    }
  }
  for (const day of portDays.values()) {
    if (day.parcels.length <= day.capacity) continue;
    const order = [...day.parcels].sort((a, b) => Number(ridesBooked(b)) - Number(ridesBooked(a)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const p of order.slice(day.capacity)) affected.add(p.id);
  }

  const fixed = new Map<string, DecidedParcel[]>();
  const disrupted = new Set<string>();
  for (const answer of planned) {
    const hit = answer.parcels.some((p) => affected.has(p.id));
    if (hit) {
      for (const p of answer.parcels) {
        if (!affected.has(p.id)) continue;
        for (const l of p.legs) if (l.consolidation !== undefined && bookedIds.has(l.consolidation)) disrupted.add(l.consolidation);
      }
      continue;
    }
    const consolidations = answer.parcels.flatMap((p) => p.legs.flatMap((l) => (l.consolidation === undefined ? [] : [l.consolidation])));
    const keep = consolidations.some((c) => bookedIds.has(c)) || consolidations.every((c) => bookedIds.has(c));
    const order = orders.get(answer.order);
    if (!keep || order === undefined) continue;
    const parcels = decidedParcels(order, answer);
    if (parcels !== null) fixed.set(answer.order, parcels);
  }
  const affectedParcels = planned.flatMap((a) => a.parcels.filter((p) => affected.has(p.id)).map((p) => p.id));
  return { fixed, disrupted: previous.consolidations.filter((c) => disrupted.has(c.id)).map((c) => c.id), affectedParcels };
}

function runs(model: TimeModel, lane: string, departure: string): boolean {
  if (!model.index.lanes.has(lane)) return false;
  return model.departureAt(lane, parseInstant(departure)) !== null;
}

/**
 * The previous plan's parcels of an order as decisions: each parcel line (SKU, qty) is matched
 * to the first order line of that SKU with the quantity left; null when they do not match (the
 * order changed), so the order is planned again.
 */
export function decidedParcels(order: Order, answer: PlannedOrder): DecidedParcel[] | null {
  const left = order.lines.map((l) => l.qty);
  const parcels: DecidedParcel[] = [];
  for (const p of answer.parcels) {
    const lines: DecidedParcel['lines'] = [];
    for (const pl of p.lines) {
      const line = order.lines.findIndex((l, i) => l.sku === pl.sku && (left[i] ?? 0) >= pl.qty);
      if (line < 0) return null;
      left[line] = (left[line] ?? 0) - pl.qty;
      lines.push({ line, qty: pl.qty });
    }
    parcels.push({
      source: p.source,
      mode: p.mode,
      lines,
      legs: p.legs.map((l) => ({ lane: l.lane, departureMs: parseInstant(l.departure), arrivalMs: parseInstant(l.arrival) })),
    });
  }
  if (left.some((q) => q !== 0)) return null;
  return parcels;
}

/** Units per (node, SKU) the kept orders draw. */
export function keptDraws(orders: ReadonlyMap<string, Order>, fixed: FixedRoutings): Map<string, { node: string; sku: string; qty: number }> {
  const draws = new Map<string, { node: string; sku: string; qty: number }>();
  for (const [id, parcels] of fixed) {
    const order = must(orders, id, 'order');
    for (const p of parcels) {
      for (const l of p.lines) {
        const sku = order.lines[l.line]!.sku;
        const key = `${p.source}\u0000${sku}`;
        const d = draws.get(key) ?? { node: p.source, sku, qty: 0 };
        d.qty += l.qty;
        draws.set(key, d);
      }
    }
  }
  return draws;
}
