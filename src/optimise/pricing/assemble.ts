// Turns decisions into a priced Plan. Parcels on the same departure of a consolidating lane
// ride one consolidation (one master air waybill): the tariff bills the departure on the
// consolidated chargeable weight, and the charge is shared among its parcels by chargeable
// weight. Every planner goes through here, so all plans are priced the same way. Import
// taxes are stated per parcel beside the logistics cost, never inside it.
import { crossBorderStanding, taxBasis } from '../../domain/customs.js';
import { measureLines } from '../../domain/measure.js';
import type { NetworkIndex } from '../../domain/network-index.js';
import { must } from '../../domain/network-index.js';
import type { Order } from '../../domain/orders.js';
import {
  type BoundCertificate, COST_COMPONENTS, type Consolidation, type CostBreakdown, type OrderAnswer, PLAN_SCHEMA, type Plan, type PlanLeg, type PlanParcel,
  type TaxBasis, type UnplannedOrder, UnplannedReason,
} from '../../domain/plan.js';
import { allocateMinor, consolidationCost, isConsolidating, parcelChargeableKg, parcelTaxMinor } from '../../tariff/index.js';
import type { TimeModel } from '../../time/time-model.js';
import { type DecidedParcel, departureKey, type OrderDecision } from '../model/decisions.js';
import { parcelOwnCost } from './parcel-cost.js';

export interface AssembleInput {
  model: TimeModel;
  orders: readonly Order[];
  decisions: readonly OrderDecision[];
  deadlines: ReadonlyMap<string, number>;
  solver: string;
  timeLimited: boolean;
  lowerBoundMinor: number | null;
  /** What the bound is a function of; written beside it. */
  boundCertificate?: BoundCertificate;
  warnings: readonly string[];
}

interface ParcelWork {
  id: string;
  order: Order;
  decided: DecidedParcel;
  weightKg: number;
  volumeM3: number;
  chargeableKg: number;
  valueMinor: number;
  cost: Omit<CostBreakdown, 'total'>;
  taxMinor: number;
  taxBasis: TaxBasis;
  consolidations: (string | undefined)[];
}

export function zeroCost(): CostBreakdown {
  return { handling: 0, freight: 0, consolidation: 0, clearance: 0, lastMile: 0, total: 0 };
}

export function addCost(into: CostBreakdown, add: Omit<CostBreakdown, 'total'>): void {
  for (const c of COST_COMPONENTS) into[c] += add[c];
  into.total = COST_COMPONENTS.reduce((sum, c) => sum + into[c], 0);
}

export function assemblePlan(input: AssembleInput): Plan {
  const { model } = input;
  const index = model.index;
  const decisionsById = new Map(input.decisions.map((d) => [d.order, d]));

  // 1. Parcels with their own (non-shared) charges.
  const parcels: ParcelWork[] = [];
  for (const order of input.orders) {
    const decision = decisionsById.get(order.id);
    if (decision?.status !== 'planned') continue;
    decision.parcels.forEach((decided, i) => parcels.push(priceParcelAlone(index, order, decided, `${order.id}/${i + 1}`)));
  }

  // 2. Consolidations: one per departure of a consolidating lane, parcels in id order.
  const groups = new Map<string, { lane: string; departureMs: number; members: { parcel: ParcelWork; leg: number }[] }>();
  for (const parcel of parcels) {
    parcel.decided.legs.forEach((leg, i) => {
      if (!isConsolidating(must(index.lanes, leg.lane, 'lane'))) return;
      const key = departureKey(leg.lane, leg.departureMs);
      let group = groups.get(key);
      if (group === undefined) groups.set(key, (group = { lane: leg.lane, departureMs: leg.departureMs, members: [] }));
      group.members.push({ parcel, leg: i });
    });
  }
  const consolidations: Consolidation[] = [];
  for (const group of [...groups.values()].sort((a, b) => a.departureMs - b.departureMs || cmp(a.lane, b.lane))) {
    const lane = must(index.lanes, group.lane, 'lane');
    group.members.sort((a, b) => cmp(a.parcel.id, b.parcel.id));
    const weightKg = group.members.reduce((s, m) => s + m.parcel.weightKg, 0);
    const volumeM3 = group.members.reduce((s, m) => s + m.parcel.volumeM3, 0);
    const priced = consolidationCost(lane, weightKg, volumeM3);
    const id = `${lane.id}@${model.toLocalIso(group.departureMs, lane.from)}`;
    const shares = group.members.map((m) => m.parcel.chargeableKg);
    const freightShares = allocateMinor(priced.freightMinor, shares);
    const fixedShares = allocateMinor(priced.fixedMinor + priced.uldMinor, shares);
    group.members.forEach((m, i) => {
      m.parcel.cost.freight += freightShares[i] ?? 0;
      m.parcel.cost.consolidation += fixedShares[i] ?? 0;
      m.parcel.consolidations[m.leg] = id;
    });
    consolidations.push({
      id,
      lane: lane.id,
      departure: model.toLocalIso(group.departureMs, lane.from),
      parcels: group.members.map((m) => m.parcel.id),
      weightKg,
      volumeM3,
      chargeableKg: priced.chargeableKg,
      shipping: priced.shipping,
      ulds: priced.ulds,
      utilisation: Math.min(1, priced.utilisation),
      freightMinor: priced.freightMinor,
      fixedMinor: priced.fixedMinor,
      uldMinor: priced.uldMinor,
    });
  }

  // 3. Orders, in input order.
  const parcelsByOrder = new Map<string, ParcelWork[]>();
  for (const p of parcels) {
    const list = parcelsByOrder.get(p.order.id);
    if (list === undefined) parcelsByOrder.set(p.order.id, [p]);
    else list.push(p);
  }
  const totals = zeroCost();
  let totalTaxMinor = 0;
  const unplannedCounts = Object.fromEntries(UnplannedReason.options.map((r) => [r, 0])) as Record<UnplannedReason, number>;
  const answers: OrderAnswer[] = input.orders.map((order) => {
    const decision = decisionsById.get(order.id);
    const deadlineMs = input.deadlines.get(order.id);
    if (decision === undefined) throw new Error(`internal: no decision for order ${order.id}`);
    if (decision.status === 'unplanned') {
      unplannedCounts[decision.reason] += 1;
      const zone = index.nodes.has(order.destination) ? order.destination : null;
      const local = (ms: number) => (zone === null ? new Date(ms).toISOString() : model.toLocalIso(ms, zone));
      const answer: UnplannedOrder = { order: order.id, status: 'unplanned', reason: decision.reason, message: decision.message };
      if (decision.field !== undefined) answer.field = decision.field;
      if (deadlineMs !== undefined) answer.deadline = local(deadlineMs);
      if (decision.earliestDeliveryMs !== undefined) answer.earliestDelivery = local(decision.earliestDeliveryMs);
      return answer;
    }
    if (deadlineMs === undefined) throw new Error(`internal: no deadline for planned order ${order.id}`);
    const work = parcelsByOrder.get(order.id) ?? [];
    const orderCost = zeroCost();
    let orderTaxMinor = 0;
    let deliveredMs = -Infinity;
    const planParcels: PlanParcel[] = work.map((p) => {
      const cost = zeroCost();
      addCost(cost, p.cost);
      addCost(orderCost, p.cost);
      orderTaxMinor += p.taxMinor;
      const last = p.decided.legs[p.decided.legs.length - 1];
      if (last === undefined) throw new Error(`internal: parcel ${p.id} has no legs`);
      deliveredMs = Math.max(deliveredMs, last.arrivalMs);
      return {
        id: p.id,
        source: p.decided.source,
        mode: p.decided.mode,
        lines: p.decided.lines.map((l) => ({ sku: order.lines[l.line]?.sku ?? '?', qty: l.qty })),
        weightKg: p.weightKg,
        volumeM3: p.volumeM3,
        chargeableKg: p.chargeableKg,
        valueMinor: p.valueMinor,
        legs: p.decided.legs.map((leg, i) => {
          const lane = must(index.lanes, leg.lane, 'lane');
          const planLeg: PlanLeg = {
            lane: lane.id,
            mode: lane.mode,
            from: lane.from,
            to: lane.to,
            departure: model.toLocalIso(leg.departureMs, lane.from),
            arrival: model.toLocalIso(leg.arrivalMs, lane.to),
          };
          const consolidation = p.consolidations[i];
          if (consolidation !== undefined) planLeg.consolidation = consolidation;
          return planLeg;
        }),
        deliveredAt: model.toLocalIso(last.arrivalMs, order.destination),
        cost,
        taxMinor: p.taxMinor,
        taxBasis: p.taxBasis,
      };
    });
    addCost(totals, orderCost);
    totalTaxMinor += orderTaxMinor;
    return {
      order: order.id,
      status: 'planned' as const,
      deadline: model.toLocalIso(deadlineMs, order.destination),
      deliveredAt: model.toLocalIso(deliveredMs, order.destination),
      slackMinutes: Math.floor((deadlineMs - deliveredMs) / 60_000),
      cost: orderCost,
      taxMinor: orderTaxMinor,
      parcels: planParcels,
    };
  });

  const planned = answers.filter((a) => a.status === 'planned').length;
  const bound = input.lowerBoundMinor;
  return {
    schema: PLAN_SCHEMA,
    currency: index.network.currency,
    network: index.network.name,
    solver: input.solver,
    timeLimited: input.timeLimited,
    orders: answers,
    consolidations,
    totals: {
      orders: input.orders.length,
      planned,
      unplanned: unplannedCounts,
      cost: totals,
      taxMinor: totalTaxMinor,
      lowerBoundMinor: bound,
      ...(bound !== null && input.boundCertificate !== undefined ? { boundCertificate: input.boundCertificate } : {}),
      gap: bound === null ? null : totals.total === 0 ? 0 : Math.max(0, (totals.total - bound) / totals.total),
    },
    warnings: [...input.warnings],
  };
}

/** A parcel's charges that do not depend on other parcels (handling, per-parcel lane fees), and its tax. */
function priceParcelAlone(index: NetworkIndex, order: Order, decided: DecidedParcel, id: string): ParcelWork {
  const lines = decided.lines.map((l) => ({ line: order.lines[l.line]!, qty: l.qty }));
  const measures = measureLines(lines);
  const customs = index.network.customs;
  const basis = taxBasis(decided.mode, crossBorderStanding(customs, order.lines));
  const chargeable = parcelChargeableKg(measures.weightKg, measures.volumeM3, decided.legs.map((leg) => index.lanes.get(leg.lane)));
  const cost = parcelOwnCost(index, { mode: decided.mode, legs: decided.legs, chargeableKg: chargeable, valueMinor: measures.valueMinor });
  return {
    id,
    order,
    decided,
    weightKg: measures.weightKg,
    volumeM3: measures.volumeM3,
    chargeableKg: chargeable,
    valueMinor: measures.valueMinor,
    cost,
    taxMinor: parcelTaxMinor(customs, basis, lines),
    taxBasis: basis,
    consolidations: decided.legs.map(() => undefined),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
