// Why an order got the answer it got, for a planner: the route and times of each parcel, the
// cost breakdown, the SLA slack and the consolidations it shares (with whom); or, for an
// unplanned order, the reason and what would make it plannable. Built from the plan and the
// network alone, so it works on any saved plan.
import { DateTime } from 'luxon';
import { UsageError } from '../domain/errors.js';
import { measureLines } from '../domain/measure.js';
import type { LaneMode } from '../domain/network.js';
import type { NetworkIndex } from '../domain/network-index.js';
import type { Order } from '../domain/orders.js';
import {
  COST_COMPONENTS, type CostBreakdown, type CostComponent, type OrderAnswer, type Plan, type PlannedOrder, type TaxBasis,
  type UnplannedOrder,
} from '../domain/plan.js';
import { formatMinutes } from './duration.js';
import { formatMinor } from './money.js';
import { findAnswer, orderOfParcel } from './plan-lookup.js';
import { alignColumns } from './text-table.js';

/** Other orders listed per consolidation; the rest are counted. */
export const MAX_OTHER_ORDERS = 10;

/** One consolidation the order rides in, and who else is in it. */
export interface ConsolidationRide {
  id: string;
  lane: string;
  mode: LaneMode | null;
  from: string | null;
  to: string | null;
  /** Local departure time at the lane's origin. */
  departure: string;
  /** `own` MAWB and ULDs, or `co_load`: loose under a consolidator's. */
  shipping: 'own' | 'co_load';
  ulds: number;
  uldType: string | null;
  utilisation: number;
  weightKg: number;
  chargeableKg: number;
  volumeM3: number;
  freightMinor: number;
  fixedMinor: number;
  uldMinor: number;
  /** This order's parcels in it. */
  parcels: string[];
  /** Up to MAX_OTHER_ORDERS other orders in it, in the consolidation's parcel order. */
  otherOrders: string[];
  /** How many other orders ride in it in all. */
  otherOrdersCount: number;
}

/** What was full in the plan, for CAPACITY orders. */
export interface CapacityFacts {
  /** Departures flying as many ULDs as the lane allots per departure. */
  fullDepartures: { consolidation: string; lane: string; ulds: number; maxUlds: number }[];
  /** Clearance ports that cleared their daily capacity on a local date. */
  fullClearanceDays: { node: string; date: string; parcels: number; capacity: number }[];
}

export interface OrderExplanation {
  answer: OrderAnswer;
  consolidations: ConsolidationRide[];
  /** Unplanned orders: what would make the order plannable. Null for planned orders. */
  remedy: string | null;
  /** CAPACITY orders: what the plan has full. */
  capacity: CapacityFacts | null;
}

export interface ExplainOptions {
  /** The order itself, when the caller has it: gives the value of an OVER_VALUE_LIMIT order. */
  order?: Order;
}

/** The explanation as data. Throws a UsageError naming the order when the plan has no such order. */
export function explainOrderData(plan: Plan, index: NetworkIndex, orderId: string, options: ExplainOptions = {}): OrderExplanation {
  const answer = findAnswer(plan, orderId);
  if (answer === undefined) {
    throw new UsageError(`explain: order "${orderId}" is not in the plan (${plan.orders.length} orders)`);
  }
  if (answer.status === 'planned') {
    return { answer, consolidations: ridesOf(plan, index, answer), remedy: null, capacity: null };
  }
  const capacity = answer.reason === 'CAPACITY' ? capacityFacts(plan, index) : null;
  return { answer, consolidations: [], remedy: remedyOf(answer, index, capacity, options.order), capacity };
}

/** The order's answer with its explanation, for `--json`: the answer's own fields stay on top. */
export function explainOrderJson(
  plan: Plan, index: NetworkIndex, orderId: string, options: ExplainOptions = {},
): OrderAnswer & { explanation: Omit<OrderExplanation, 'answer'> } {
  const { answer, ...explanation } = explainOrderData(plan, index, orderId, options);
  return { ...answer, explanation };
}

/** The explanation as text for a terminal. */
export function explainOrder(plan: Plan, index: NetworkIndex, orderId: string, options: ExplainOptions = {}): string {
  const explanation = explainOrderData(plan, index, orderId, options);
  const { answer } = explanation;
  const lines = answer.status === 'planned'
    ? plannedText(answer, explanation, index, plan.currency)
    : unplannedText(answer, explanation);
  return `${lines.join('\n')}\n`;
}

// ---- planned ----

function ridesOf(plan: Plan, index: NetworkIndex, answer: PlannedOrder): ConsolidationRide[] {
  const owner = orderOfParcel(plan);
  const mine = new Map<string, string[]>(); // consolidation id -> this order's parcels in it
  for (const parcel of answer.parcels) {
    for (const leg of parcel.legs) {
      if (leg.consolidation === undefined) continue;
      const list = mine.get(leg.consolidation) ?? [];
      if (!list.includes(parcel.id)) list.push(parcel.id);
      mine.set(leg.consolidation, list);
    }
  }
  const rides: ConsolidationRide[] = [];
  // Plan order of consolidations (departure time, then lane): deterministic and chronological.
  for (const c of plan.consolidations) {
    const parcels = mine.get(c.id);
    if (parcels === undefined) continue;
    const others: string[] = [];
    for (const p of c.parcels) {
      const order = owner.get(p);
      if (order !== undefined && order !== answer.order && !others.includes(order)) others.push(order);
    }
    const lane = index.lanes.get(c.lane);
    rides.push({
      id: c.id, lane: c.lane, mode: lane?.mode ?? null, from: lane?.from ?? null, to: lane?.to ?? null,
      departure: c.departure, shipping: c.shipping ?? 'own', ulds: c.ulds, uldType: lane?.uld?.type ?? null, utilisation: c.utilisation,
      weightKg: c.weightKg, chargeableKg: c.chargeableKg, volumeM3: c.volumeM3,
      freightMinor: c.freightMinor, fixedMinor: c.fixedMinor, uldMinor: c.uldMinor,
      parcels, otherOrders: others.slice(0, MAX_OTHER_ORDERS), otherOrdersCount: others.length,
    });
  }
  return rides;
}

const COMPONENT_LABEL: Record<CostComponent, string> = {
  handling: 'handling', freight: 'freight', consolidation: 'consolidation', clearance: 'clearance',
  lastMile: 'last mile',
};

function costLine(cost: CostBreakdown, currency: string): string {
  const parts = COST_COMPONENTS.filter((c) => cost[c] !== 0).map((c) => `${COMPONENT_LABEL[c]} ${formatMinor(cost[c])}`);
  return `${formatMinor(cost.total, { grouping: true })} ${currency}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

const TAX_BASIS_TEXT: Record<TaxBasis, string> = {
  cbec_reduced: 'CBEC rate, paid by the buyer',
  cbec_full: 'full rate for a single item over the per-order limit, paid by the buyer',
  duty_paid: 'none: duty-paid domestic stock',
};

/** An import tax beside (never inside) the logistics cost, with who pays it. */
function taxLine(taxMinor: number, bases: readonly TaxBasis[], currency: string): string {
  const kinds = [...new Set(bases)].map((b) => TAX_BASIS_TEXT[b]).join('; ');
  return `${formatMinor(taxMinor, { grouping: true })} ${currency} (${kinds})`;
}

function nodeLabel(index: NetworkIndex, id: string): string {
  const node = index.nodes.get(id);
  return node === undefined ? id : `${node.name} (${id})`;
}

function plannedText(answer: PlannedOrder, ex: OrderExplanation, index: NetworkIndex, currency: string): string[] {
  const out: string[] = [];
  out.push(`Order ${answer.order}: planned, ${answer.parcels.length} parcel${answer.parcels.length === 1 ? '' : 's'}`);
  out.push(...alignColumns([
    ['delivered', answer.deliveredAt],
    ['deadline', answer.deadline],
    ['slack', `${formatMinutes(answer.slackMinutes)} (${answer.slackMinutes} min)`],
    ['cost', costLine(answer.cost, currency)],
    ['import tax', taxLine(answer.taxMinor, answer.parcels.map((p) => p.taxBasis), currency)],
  ], '  '));
  for (const parcel of answer.parcels) {
    out.push('');
    const items = parcel.lines.map((l) => `${l.qty} × ${l.sku}`).join(', ');
    out.push(`Parcel ${parcel.id}: ${items}`);
    out.push(`  from ${nodeLabel(index, parcel.source)}, ${parcel.mode.replace('_', ' ')}`);
    out.push(
      `  ${fmtKg(parcel.weightKg)} kg, ${parcel.volumeM3.toFixed(3)} m³, chargeable ${fmtKg(parcel.chargeableKg)} kg, ` +
        `value ${formatMinor(parcel.valueMinor, { grouping: true })} ${currency}`,
    );
    const rows: string[][] = [['#', 'mode', 'lane', 'from → to', 'departs (local)', 'arrives (local)', 'consolidation']];
    parcel.legs.forEach((leg, i) => {
      rows.push([`${i + 1}`, leg.mode, leg.lane, `${leg.from} → ${leg.to}`, leg.departure, leg.arrival, leg.consolidation ?? '']);
    });
    out.push(...alignColumns(rows, '  '));
    out.push(`  delivered ${parcel.deliveredAt}; cost ${costLine(parcel.cost, currency)}; import tax ${taxLine(parcel.taxMinor, [parcel.taxBasis], currency)}`);
  }
  out.push('');
  if (ex.consolidations.length === 0) {
    out.push('Consolidations: none (no leg shares a departure with other parcels).');
    return out;
  }
  out.push('Consolidations');
  for (const ride of ex.consolidations) {
    const route = ride.from === null || ride.to === null ? '' : `, ${nodeLabel(index, ride.from)} → ${nodeLabel(index, ride.to)}`;
    out.push(`  ${ride.id}`);
    out.push(`    lane ${ride.lane} (${ride.mode ?? 'unknown lane'}${route}), departs ${ride.departure}`);
    const uld = ride.shipping === 'co_load' ? 'shipped loose (co-load), no ULDs of ours' : ride.ulds === 0 ? 'no ULDs' : `${ride.ulds} ULD${ride.ulds === 1 ? '' : 's'}${ride.uldType === null ? '' : ` ${ride.uldType}`}`;
    out.push(
      `    ${uld}, ${fmtKg(ride.weightKg)} kg (chargeable ${fmtKg(ride.chargeableKg)} kg), ${ride.volumeM3.toFixed(3)} m³, ` +
        `utilisation ${(ride.utilisation * 100).toFixed(1)} %`,
    );
    const total = ride.freightMinor + ride.fixedMinor + ride.uldMinor;
    out.push(
      `    cost ${formatMinor(total, { grouping: true })} ${currency} (freight ${formatMinor(ride.freightMinor)}, ` +
        `fixed ${formatMinor(ride.fixedMinor)}, ULDs ${formatMinor(ride.uldMinor)}), shared by chargeable weight`,
    );
    if (ride.otherOrdersCount === 0) out.push('    no other order rides in it');
    else {
      const more = ride.otherOrdersCount - ride.otherOrders.length;
      out.push(
        `    shared with ${ride.otherOrdersCount} other order${ride.otherOrdersCount === 1 ? '' : 's'}: ` +
          `${ride.otherOrders.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
      );
    }
  }
  return out;
}

/** Kilograms without float noise: at most 3 decimals, trailing zeros dropped. */
function fmtKg(kg: number): string {
  return String(Math.round(kg * 1000) / 1000);
}

// ---- unplanned ----

function unplannedText(answer: UnplannedOrder, ex: OrderExplanation): string[] {
  const rows: string[][] = [['reason', answer.reason], ['message', answer.message]];
  if (answer.field !== undefined) rows.push(['field', answer.field]);
  if (answer.deadline !== undefined) rows.push(['deadline', answer.deadline]);
  if (answer.earliestDelivery !== undefined) {
    const late = minutesBetween(answer.deadline, answer.earliestDelivery);
    rows.push(['earliest delivery', `${answer.earliestDelivery}${late === null ? '' : ` (${formatMinutes(late)} after the deadline)`}`]);
  }
  const out = [`Order ${answer.order}: unplanned`, ...alignColumns(rows, '  ')];
  if (ex.capacity !== null) {
    const { fullDepartures, fullClearanceDays } = ex.capacity;
    if (fullDepartures.length + fullClearanceDays.length > 0) {
      out.push('', 'Full in this plan');
      for (const d of fullDepartures) out.push(`  departure ${d.consolidation}: ${d.ulds} of ${d.maxUlds} ULDs`);
      for (const d of fullClearanceDays) out.push(`  clearance port ${d.node} on ${d.date}: ${d.parcels} of ${d.capacity} parcels`);
    }
  }
  if (ex.remedy !== null) out.push('', `To plan it: ${ex.remedy}`);
  return out;
}

function minutesBetween(fromIso: string | undefined, toIso: string): number | null {
  if (fromIso === undefined) return null;
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  return Math.ceil((to - from) / 60_000);
}

/** The SKU a NO_STOCK answer is missing: its `field` when set, else the one its message names. */
export function missingSkuOf(answer: UnplannedOrder): string | null {
  if (answer.field !== undefined) return answer.field;
  // The planner's sentence: "No allowed storage base or warehouse has SKU-1 in stock for this order."
  const m = /\bhas (\S+) in stock\b/.exec(answer.message);
  return m?.[1] ?? null;
}

function remedyOf(answer: UnplannedOrder, index: NetworkIndex, capacity: CapacityFacts | null, order: Order | undefined): string {
  const currency = index.network.currency;
  switch (answer.reason) {
    case 'SLA_INFEASIBLE':
      if (answer.earliestDelivery === undefined) return 'no route meets the deadline; a later deadline (a later deliver_by or a slower service level) would be needed.';
      return (
        `a deadline at or after ${answer.earliestDelivery} would work (the earliest achievable delivery): ` +
        'a later deliver_by or a slower service level.'
      );
    case 'NO_STOCK': {
      const sku = missingSkuOf(answer);
      return (
        `stock ${sku === null ? 'the missing SKU (see the message)' : `SKU ${sku}`} at a node the order may source from ` +
        '(a storage base or a bonded or domestic warehouse with a route to its destination), or widen its allowed sources.'
      );
    }
    case 'OVER_VALUE_LIMIT': {
      const limit = index.network.customs.crossBorderOrderLimitMinor;
      const value = order === undefined ? null : measureLines(order.lines.map((line) => ({ line, qty: line.qty }))).valueMinor;
      const warehouses = index.network.nodes.filter((n) => n.kind === 'domestic_warehouse').map((n) => n.id);
      const shown = warehouses.slice(0, MAX_OTHER_ORDERS).join(', ');
      const where = warehouses.length === 0
        ? 'the network has no domestic warehouse yet'
        : `domestic warehouses: ${shown}${warehouses.length > MAX_OTHER_ORDERS ? ` and ${warehouses.length - MAX_OTHER_ORDERS} more` : ''}`;
      // No advice to split the order: that would circumvent the per-transaction limit.
      return (
        `cross-border modes (direct mail, bonded) take orders worth at most ${formatMinor(limit, { grouping: true })} ${currency}, ` +
        `or a single item within the annual limit of ${formatMinor(index.network.customs.annualLimitMinor, { grouping: true })} ${currency}` +
        `${value === null ? '' : `; this order is worth ${formatMinor(value, { grouping: true })} ${currency}`}. ` +
        `It can ship only as general trade: ${levelAllowsGeneralTrade(index, order) ? `duty-paid stock at a domestic warehouse (${where}) that it may draw from` : `duty-paid stock at a domestic warehouse (${where}) under a service level that allows general_trade`}.`
      );
    }
    case 'CAPACITY': {
      const full = capacity === null ? 0 : capacity.fullDepartures.length + capacity.fullClearanceDays.length;
      return (
        'more room where every deadline-meeting routing was full (see the message' +
        `${full > 0 ? ' and the list above' : ''}): a larger ULD allotment on those departures or more daily ` +
        'clearance capacity, or a later deadline that reaches a departure with room.'
      );
    }
    case 'NO_ROUTE':
      return 'a lane path from a node holding its stock to its destination zone (or an allowed source that has one).';
    case 'INVALID_ORDER':
      return `correct the order's ${answer.field ?? 'invalid'} field and plan again.`;
    case 'TIME_LIMIT':
      return 'more time: the run stopped before it examined this order; plan again with a longer --time-limit (or none).';
  }
}

/** Whether the order's service level already offers general trade (then only the stock is missing). */
function levelAllowsGeneralTrade(index: NetworkIndex, order: Order | undefined): boolean {
  const level = order?.serviceLevel === undefined ? undefined : index.serviceLevels.get(order.serviceLevel);
  return level?.modes.includes('general_trade') ?? false;
}

/** Departures at their ULD allotment and clearance port-days at their daily capacity in the plan. */
export function capacityFacts(plan: Plan, index: NetworkIndex): CapacityFacts {
  const fullDepartures: CapacityFacts['fullDepartures'] = [];
  for (const c of plan.consolidations) {
    const max = index.lanes.get(c.lane)?.maxUldsPerDeparture;
    if (max !== undefined && c.ulds >= max) fullDepartures.push({ consolidation: c.id, lane: c.lane, ulds: c.ulds, maxUlds: max });
  }
  // Clearance is counted per port (the lane's destination) and local date of the start of
  // processing in the port's zone, as the planners count it.
  const perDay = new Map<string, { node: string; date: string; parcels: number; capacity: number }>();
  for (const answer of plan.orders) {
    if (answer.status !== 'planned') continue;
    for (const parcel of answer.parcels) {
      for (const leg of parcel.legs) {
        if (leg.mode !== 'clearance') continue;
        const port = index.nodes.get(leg.to);
        if (port?.dailyParcelCapacity === undefined) continue;
        const date = DateTime.fromISO(leg.departure, { setZone: true }).setZone(port.timeZone).toISODate();
        if (date === null) continue;
        const key = `${port.id}@${date}`;
        const day = perDay.get(key) ?? { node: port.id, date, parcels: 0, capacity: port.dailyParcelCapacity };
        day.parcels += 1;
        perDay.set(key, day);
      }
    }
  }
  const fullClearanceDays = [...perDay.values()]
    .filter((d) => d.parcels >= d.capacity)
    .sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { fullDepartures, fullClearanceDays };
}
