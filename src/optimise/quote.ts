// A delivery promise at checkout, in the pure core: for one order not yet placed, per fulfilment
// mode it may use (the CBEC rules of src/domain/customs.ts, through examineOrder), the routing
// that adds least to the logistics cost of what is already planned, the date it promises, and
// that marginal cost — or, when no promise can be made, the reason a plan would give.
//
// Marginal cost, exactly as a plan prices it (src/optimise/pricing/assemble.ts): a plan's logistics cost
// is Σ parcels' own charges + Σ departures consolidationCost(total load). Joining a departure
// therefore adds consolidationCost(load + parcel) − consolidationCost(load) on each consolidating
// leg, plus the parcel's own charges (handling, per-parcel lane fees). Taxes stay apart, as in
// the plan. Against an empty base a parcel pays whole departures alone (minimum charge, MAWB fee,
// a ULD); the answer says which base it was priced against.
import type { NetworkIndex } from '../domain/network-index.js';
import { must } from '../domain/network-index.js';
import type { FulfilmentMode } from '../domain/network.js';
import type { Order, StockRecord } from '../domain/orders.js';
import type { Plan, UnplannedReason } from '../domain/plan.js';
import { measureLines } from '../domain/measure.js';
import type { ItineraryContext } from '../graph/itineraries.js';
import { consolidationCost, consolidationTotalMinor, isConsolidating, parcelChargeableKg } from '../tariff/index.js';
import { parseInstant } from '../time/time-model.js';
import { zoneClock } from '../time/zone.js';
import { type CandidateSettings, DEFAULT_CANDIDATES, orderCandidates, type ParcelCandidates } from './choices/candidates.js';
import { departureKey, type Unplanned } from './model/decisions.js';
import { examineOrder } from './choices/order-facts.js';
import { parcelOwnCost, sumOwnCost } from './pricing/parcel-cost.js';
import { StockLedger } from './ledger/stock-ledger.js';

/** What a quote is priced against: the loads a plan put on each departure, and the stock it left. */
export interface QuoteBase {
  /** `plan`: a base plan's consolidations; `empty`: nothing planned yet. */
  kind: 'plan' | 'empty';
  /** Load per departureKey(lane, departureMs) of a consolidating lane. */
  loads: ReadonlyMap<string, DepartureLoad>;
  /** The consolidation id a departure of the base carries, by departureKey. */
  consolidationIds: ReadonlyMap<string, string>;
  /** Stock on hand less what the base plan's parcels drew. */
  stock: StockLedger;
}

interface DepartureLoad {
  weightKg: number;
  volumeM3: number;
}

/** One leg of the quoted routing, times local to the lane's ends. */
export interface QuoteLeg {
  lane: string;
  from: string;
  to: string;
  departure: string;
  arrival: string;
  /** The base plan's consolidation this leg joins, when it joins one. */
  joins?: string;
}

export interface QuoteParcel {
  source: string;
  legs: QuoteLeg[];
}

export interface PromisedMode {
  mode: FulfilmentMode;
  status: 'promised';
  /** The promise: the end of the local day of the expected delivery, at most the order's deadline. */
  promisedBy: string;
  /** When the quoted routing delivers (its last parcel), local to the destination. */
  expectedDelivery: string;
  /** The order's deadline (deliverBy or its service level's), local to the destination. */
  deadline: string;
  /** Where it would ship from (several when the order must be split). */
  sources: string[];
  parcels: QuoteParcel[];
  /** `SRC → … → ZONE`, one route per parcel joined by " + ". */
  itinerary: string;
  /** Increase of the base plan's logistics cost should this order join it: own + departures. Minor units. */
  marginalCostMinor: number;
  /** The parcels' own charges (handling, per-parcel lane fees). */
  parcelChargesMinor: number;
  /** Σ over consolidating legs of consolidationCost(with) − consolidationCost(without). */
  departureChargesMinor: number;
}

export interface UnpromisedMode {
  mode: FulfilmentMode;
  status: 'unpromised';
  reason: UnplannedReason;
  message: string;
  earliestDelivery?: string;
}

export type ModeQuote = PromisedMode | UnpromisedMode;

export interface OrderQuote {
  order: string;
  /** What the marginal cost is measured against (see QuoteBase.kind). */
  against: 'plan' | 'empty';
  /** Said when `against` is `empty`: a parcel alone pays whole departures. */
  note?: string;
  /** Per mode the order may use, in the network's mode order. Empty when the order itself is refused. */
  modes: ModeQuote[];
  /** The promised mode of least marginal cost (earlier delivery, then mode order, break ties), if any. */
  best: PromisedMode | null;
  /** When no mode is promised: the plan's answer for this order (reason, message, earliest delivery). */
  unpromised?: { reason: UnplannedReason; message: string; field?: string; earliestDelivery?: string };
}

export const EMPTY_BASE_NOTE =
  'No base plan: priced against an empty network, so the order pays whole departures alone (minimum charges, master air waybill and ULD fees); in a batch its share is far lower.';

/** The base of a plan (its consolidations' loads, the stock its parcels drew), or an empty one. */
export function quoteBase(stock: readonly StockRecord[], plan: Plan | null): QuoteBase {
  const loads = new Map<string, DepartureLoad>();
  const consolidationIds = new Map<string, string>();
  const onHand = new Map<string, StockRecord>();
  for (const r of stock) {
    const key = `${r.node}\u0000${r.sku}`;
    const had = onHand.get(key);
    onHand.set(key, { node: r.node, sku: r.sku, qty: (had?.qty ?? 0) + r.qty });
  }
  if (plan !== null) {
    for (const c of plan.consolidations) {
      const key = departureKey(c.lane, parseInstant(c.departure));
      loads.set(key, { weightKg: c.weightKg, volumeM3: c.volumeM3 });
      consolidationIds.set(key, c.id);
    }
    for (const answer of plan.orders) {
      if (answer.status !== 'planned') continue;
      for (const parcel of answer.parcels) {
        for (const line of parcel.lines) {
          const had = onHand.get(`${parcel.source}\u0000${line.sku}`);
          // A plan drawn on other stock than this: what it drew beyond is simply not there.
          if (had !== undefined) had.qty = Math.max(0, had.qty - line.qty);
        }
      }
    }
  }
  return { kind: plan === null ? 'empty' : 'plan', loads, consolidationIds, stock: new StockLedger([...onHand.values()]) };
}

/** End of the local day (23:59:59) holding `ms`, in the time zone of `node`. */
function endOfLocalDayMs(index: NetworkIndex, node: string, ms: number): number {
  const clock = zoneClock(must(index.nodes, node, 'node').timeZone);
  return clock.localToInstant(clock.localDayNumber(ms), 23 * 60 + 59, 59);
}

interface Routed {
  parcels: { candidate: ParcelCandidates; legs: ParcelCandidates['itineraries'][number]['legs'] }[];
  ownMinor: number;
  departuresMinor: number;
  arrivalMs: number;
}

/**
 * Quotes one order against `base`. Throws nothing for a bad order: INVALID_ORDER and the other
 * reasons come back as the plan would state them.
 */
export function quoteOrder(
  ctx: ItineraryContext,
  order: Order,
  base: QuoteBase,
  settings: CandidateSettings = DEFAULT_CANDIDATES,
): OrderQuote {
  const { model } = ctx;
  const index = model.index;
  const head = { order: order.id, against: base.kind, ...(base.kind === 'empty' ? { note: EMPTY_BASE_NOTE } : {}) };
  const facts = examineOrder(model, order);
  const local = (ms: number) => model.toLocalIso(ms, order.destination);
  const refusal = (u: Unplanned) => ({
    reason: u.reason,
    message: u.message,
    ...(u.field === undefined ? {} : { field: u.field }),
    ...(u.earliestDeliveryMs === undefined ? {} : { earliestDelivery: local(u.earliestDeliveryMs) }),
  });
  if ('status' in facts) return { ...head, modes: [], best: null, unpromised: refusal(facts) };

  const modes: ModeQuote[] = [];
  for (const mode of facts.modes) {
    const found = orderCandidates(ctx, { ...facts, modes: [mode] }, base.stock, settings);
    if ('status' in found) {
      const r = refusal(found);
      modes.push({ mode, status: 'unpromised', reason: r.reason, message: r.message, ...(r.earliestDelivery === undefined ? {} : { earliestDelivery: r.earliestDelivery }) });
      continue;
    }
    let best: Routed | null = null;
    for (const option of found.options) {
      const routed = routeOption(index, order, option, base.loads);
      if (routed === null) continue;
      if (best === null || better(routed, best)) best = routed;
    }
    if (best === null) {
      modes.push({ mode, status: 'unpromised', reason: 'CAPACITY', message: 'Every routing that meets the deadline is full (ULD allotments of the departures already planned).' });
      continue;
    }
    const promisedMs = Math.min(facts.deadlineMs, endOfLocalDayMs(index, order.destination, best.arrivalMs));
    const parcels: QuoteParcel[] = best.parcels.map(({ candidate, legs }) => ({
      source: candidate.source,
      legs: legs.map((leg) => {
        const joins = base.consolidationIds.get(departureKey(leg.lane, leg.departureMs));
        return {
          lane: leg.lane,
          from: leg.from,
          to: leg.to,
          departure: model.toLocalIso(leg.departureMs, leg.from),
          arrival: model.toLocalIso(leg.arrivalMs, leg.to),
          ...(joins === undefined ? {} : { joins }),
        };
      }),
    }));
    modes.push({
      mode,
      status: 'promised',
      promisedBy: local(promisedMs),
      expectedDelivery: local(best.arrivalMs),
      deadline: local(facts.deadlineMs),
      sources: [...new Set(parcels.map((p) => p.source))],
      parcels,
      itinerary: parcels.map((p) => [p.source, ...p.legs.map((l) => l.to)].join(' → ')).join(' + '),
      marginalCostMinor: best.ownMinor + best.departuresMinor,
      parcelChargesMinor: best.ownMinor,
      departureChargesMinor: best.departuresMinor,
    });
  }

  let best: PromisedMode | null = null;
  for (const m of modes) {
    if (m.status !== 'promised') continue;
    if (best === null || m.marginalCostMinor < best.marginalCostMinor ||
      (m.marginalCostMinor === best.marginalCostMinor && parseInstant(m.expectedDelivery) < parseInstant(best.expectedDelivery))) best = m;
  }
  if (best !== null) return { ...head, modes, best };
  // No mode promises: the plan's answer is the one over all modes together (a split over
  // sources of several modes, and the reason texts, are the plan's own).
  const whole = orderCandidates(ctx, facts, base.stock, settings);
  const unpromised = 'status' in whole
    ? refusal(whole)
    : { reason: 'CAPACITY' as const, message: 'Every routing that meets the deadline is full (ULD allotments of the departures already planned).' };
  return { ...head, modes, best: null, unpromised };
}

function better(a: Routed, b: Routed): boolean {
  const ta = a.ownMinor + a.departuresMinor;
  const tb = b.ownMinor + b.departuresMinor;
  return ta < tb || (ta === tb && a.arrivalMs < b.arrivalMs);
}

/**
 * Each parcel of a sourcing option on the itinerary of least marginal cost, given the base loads
 * and the parcels of this order placed before it (they may share a departure). null when some
 * parcel has no itinerary within the departures' ULD allotments.
 */
function routeOption(
  index: NetworkIndex,
  order: Order,
  option: readonly ParcelCandidates[],
  baseLoads: ReadonlyMap<string, DepartureLoad>,
): Routed | null {
  const added = new Map<string, DepartureLoad>();
  const loadOf = (key: string): DepartureLoad => {
    const b = baseLoads.get(key);
    const a = added.get(key);
    return { weightKg: (b?.weightKg ?? 0) + (a?.weightKg ?? 0), volumeM3: (b?.volumeM3 ?? 0) + (a?.volumeM3 ?? 0) };
  };
  const routed: Routed = { parcels: [], ownMinor: 0, departuresMinor: 0, arrivalMs: -Infinity };
  for (const candidate of option) {
    const { weightKg, volumeM3, valueMinor } = measureLines(candidate.lines.map((l) => ({ line: order.lines[l.line]!, qty: l.qty })));
    let chosen: { legs: ParcelCandidates['itineraries'][number]['legs']; own: number; departures: number; arrivalMs: number } | null = null;
    for (const it of candidate.itineraries) {
      const lanes = it.legs.map((leg) => must(index.lanes, leg.lane, 'lane'));
      const chargeable = parcelChargeableKg(weightKg, volumeM3, lanes);
      const own = sumOwnCost(parcelOwnCost(index, { mode: candidate.mode, legs: it.legs, chargeableKg: chargeable, valueMinor }));
      let departures = 0;
      let full = false;
      it.legs.forEach((leg, i) => {
        const lane = lanes[i]!;
        if (!isConsolidating(lane)) return;
        const load = loadOf(departureKey(leg.lane, leg.departureMs));
        const without = consolidationCost(lane, load.weightKg, load.volumeM3);
        const withIt = consolidationCost(lane, load.weightKg + weightKg, load.volumeM3 + volumeM3);
        if (withIt.overCapacity) full = true;
        departures += consolidationTotalMinor(withIt) - consolidationTotalMinor(without);
      });
      if (full) continue;
      const total = own + departures;
      if (chosen === null || total < chosen.own + chosen.departures || (total === chosen.own + chosen.departures && it.arrivalMs < chosen.arrivalMs)) {
        chosen = { legs: it.legs, own, departures, arrivalMs: it.arrivalMs };
      }
    }
    if (chosen === null) return null;
    for (const leg of chosen.legs) {
      if (!isConsolidating(must(index.lanes, leg.lane, 'lane'))) continue;
      const key = departureKey(leg.lane, leg.departureMs);
      const a = added.get(key) ?? { weightKg: 0, volumeM3: 0 };
      added.set(key, { weightKg: a.weightKg + weightKg, volumeM3: a.volumeM3 + volumeM3 });
    }
    routed.parcels.push({ candidate, legs: chosen.legs });
    routed.ownMinor += chosen.own;
    routed.departuresMinor += chosen.departures;
    routed.arrivalMs = Math.max(routed.arrivalMs, chosen.arrivalMs);
  }
  return routed;
}
