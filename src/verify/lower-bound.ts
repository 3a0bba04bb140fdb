// LOWER_BOUND_CERTIFICATE: the stated lower bound re-derived from the network, the orders and
// the input stock, the certificate giving only what the bound is a function of.
//
// The bound (src/optimise/bound/any-routing.ts has the argument) is Σ over the bounded orders
// (planned, less the certificate's `unbounded`) of a floor: the least, over every split of the
// order's lines into parcels from allowed sources holding them, over every itinerary meeting
// its deadline, of the additive figure per leg  handling at the lane's origin + the lane's
// per-parcel fee at the least chargeable weight any itinerary bills the parcel at (max of w and
// its volumetric weight at the network's largest air divisor, rounded up to 0.5 kg:
// leastBillingDivisor in src/tariff/chargeable-weight.ts) + max(0, ρ·w − ½)  on a consolidating lane of rate ρ. ρ is valid for a lane when no departure of it can carry more
// than capKg in any plan of the bounded orders and ρ is at most the lane's per-kg floor up to
// capKg. Here every figure is recomputed, none taken on trust:
// - each lane's potential load (the most weight whose time windows overlap on it), its own
//   way: a cap below it is a violation;
// - each lane's per-kg floor at the stated cap: a rate above it is a violation;
// - each order's floor, by the verifier's own cheapest-itinerary search (labels of cost and
//   arrival over real dated departures, customs steps as CUSTOMS_CROSSING, no leg limit);
// - the lanes' fixed parts and shares (src/optimise/bound/lane-shares.ts has the argument):
//   each on a consolidating lane listed once, its fixed part at most the lane's MAWB fee and
//   one ULD (src/tariff/own-line.ts), each share on a line of a bounded order, and the shares
//   open at any one instant — each from its order's creation to its deadline less the least
//   time from the lane's end to its zone — at most the fixed part; a parcel of w kg pays on such
//   a lane the least of max(0, c·w − ½) plus its lines' shares and max(0, p·w − ½) (c the own
//   MAWB's rate at the lane's cap as checked above, p the co-load rate);
// - the stock prices (src/optimise/bound/stock-prices.ts has the argument): a parcel drawing a
//   priced SKU at a node pays price × qty on top of its floor, and the sum gives back each
//   price × the node's input stock of the SKU — valid for any prices ≥ 0, so only their sign
//   is held to (the schema);
// - the origins' minimums (src/optimise/bound/origin-minimums.ts has the argument): each origin
//   once, its witness a bounded order with no routing (own search) once the origin's
//   consolidating lanes are forbidden; those lanes then cost only their handling and parcel fees
//   in every floor, and the sum gains the least departure charge of them, recomputed;
// - their sum: the certificate's floorsMinor and the stated bound above it are violations.
// A bound of 0 needs no certificate (every floor is ≥ 0); any other needs one.
import { leastLineSplit } from '../domain/line-splits.js';
import { laneMinMinutes } from '../domain/lane-minutes.js';
import { type LaneWindows, addWindow, heaviestAtOnce } from '../domain/window-loads.js';
import { measureLines } from '../domain/measure.js';
import type { FulfilmentMode, Lane } from '../domain/network.js';
import type { Order, StockRecord } from '../domain/orders.js';
import type { BoundCertificate, Plan } from '../domain/plan.js';
import { chargeableKg, isConsolidating, leastBillingDivisor, leastDepartureChargeMinor, ownLine, parcelLaneCostMinor, perKgFloor } from '../tariff/index.js';
import { orderDeadlineMs, parseInstant } from '../time/index.js';
import type { VerifyContext } from './context.js';
import { type CustomsState, customsDone, customsStep } from './customs-crossing.js';
import { modesOf, sourcesOf } from './order-sources.js';
import { RouteSearch } from './routes.js';
import { onHandOf } from './stock.js';
import { BOUND_RELATIVE_TOLERANCE, exceeds } from './tolerance.js';

/** Shares may exceed a fixed part by float rounding of their sums, no more. */
const SHARE_RELATIVE_TOLERANCE = 1e-9;

const MINUTE_MS = 60_000;

/** One bounded order, with what its floor and its lane windows are computed from. */
interface Bounded {
  order: Order;
  createdMs: number;
  deadlineMs: number;
  weightKg: number;
  /** Allowed sources holding at least one of its lines whole, with their modes. */
  sources: { node: string; mode: FulfilmentMode }[];
}

export function checkBoundCertificate(ctx: VerifyContext, plan: Plan, stock: readonly StockRecord[]): void {
  const stated = plan.totals.lowerBoundMinor;
  const cert = plan.totals.boundCertificate;
  if (stated === null) return;
  if (cert === undefined) {
    if (stated > 0) {
      ctx.report({ rule: 'LOWER_BOUND_CERTIFICATE', message: `lower bound ${stated} comes with no certificate: only a bound of 0 needs none`, expected: 'a boundCertificate', found: 'none' });
    }
    return;
  }
  const onHand = onHandOf(stock);
  const unbounded = new Set(cert.unbounded);
  const bounded: Bounded[] = [];
  for (const answer of plan.orders) {
    if (answer.status !== 'planned' || unbounded.has(answer.order)) continue;
    const order = ctx.orders.get(answer.order);
    if (order === undefined) continue; // ORDER_UNKNOWN
    const sources = sourcesOf(ctx, order, modesOf(ctx, order)).filter((s) => order.lines.some((line) => onHand(s.node, line.sku) >= line.qty));
    const { weightKg } = measureLines(order.lines.map((line) => ({ line, qty: line.qty })));
    let deadlineMs: number;
    try {
      deadlineMs = orderDeadlineMs(ctx.model, order);
    } catch {
      continue; // UNCHECKABLE, reported with the order's own checks: it counts 0, a weaker bound
    }
    bounded.push({ order, createdMs: parseInstant(order.createdAt), deadlineMs, weightKg, sources });
  }
  const toZone = new MinutesToZone(ctx);
  const potentials = lanePotentials(ctx, bounded, toZone);
  const rates = checkedRates(ctx, cert, potentials);
  const shares = checkedShares(ctx, cert, bounded, toZone, potentials);
  const prices = stockPrices(cert);
  const floors = new OrderFloors(ctx, cert, rates, toZone, onHand, shares, prices);
  const minimums = checkedMinimums(ctx, cert, bounded, floors);
  let sum = minimums.sum;
  floors.override = minimums.override;
  for (const b of bounded) {
    const floor = floors.of(b);
    if (Number.isFinite(floor)) sum += floor;
  }
  // What the stock prices give back: each price times the input stock it is on.
  for (const [node, bySku] of prices) for (const [sku, price] of bySku) sum -= price * onHand(node, sku);
  const slack = BOUND_RELATIVE_TOLERANCE * Math.max(1, sum);
  if (cert.floorsMinor > sum + slack) {
    ctx.report({
      rule: 'LOWER_BOUND_CERTIFICATE',
      message: `the certificate's floors add up to ${cert.floorsMinor}, recomputed ${sum} over the ${bounded.length} bounded orders`,
      expected: `≤ ${sum}`,
      found: cert.floorsMinor,
    });
  }
  const proven = Math.floor(sum + slack);
  if (stated > proven) {
    ctx.report({
      rule: 'LOWER_BOUND_CERTIFICATE',
      message: `lower bound ${stated} is above the ${proven} its certificate proves (Σ of ${bounded.length} order floors)`,
      expected: `≤ ${proven}`,
      found: stated,
    });
  }
}

/**
 * Per consolidating lane, the rate the floors use: the least of the certificate's and the
 * lane's per-kg floor up to the larger of its cap and the potential recomputed here — so the
 * sum never rests on a certificate figure above the verifier's own. A cap below the potential
 * or a rate above the floor at the cap is reported.
 */
function checkedRates(ctx: VerifyContext, cert: BoundCertificate, potentials: ReadonlyMap<string, number>): Map<string, number> {
  const rates = new Map<string, number>();
  const seen = new Set<string>();
  for (const term of cert.lanes) {
    const lane = ctx.index.lanes.get(term.lane);
    if (lane === undefined || !isConsolidating(lane) || seen.has(term.lane)) {
      ctx.report({ rule: 'LOWER_BOUND_CERTIFICATE', message: `certificate lane ${term.lane} is ${lane === undefined ? 'not in the network' : seen.has(term.lane) ? 'listed twice' : 'not a consolidating lane'}`, found: term.lane });
      continue;
    }
    seen.add(term.lane);
    const potential = potentials.get(term.lane) ?? 0;
    const floor = perKgFloor(lane, term.capKg);
    if (exceeds(potential, term.capKg)) {
      ctx.report({
        rule: 'LOWER_BOUND_CERTIFICATE',
        message: `certificate lane ${term.lane}: cap ${term.capKg} kg is below the ${potential} kg its departures may carry in a plan of the bounded orders`,
        expected: `≥ ${potential}`,
        found: term.capKg,
      });
    } else if (term.perKgMinor > floor * (1 + BOUND_RELATIVE_TOLERANCE)) {
      ctx.report({
        rule: 'LOWER_BOUND_CERTIFICATE',
        message: `certificate lane ${term.lane}: rate ${term.perKgMinor} per kg is above the ${floor} any load up to ${term.capKg} kg costs per kg`,
        expected: `≤ ${floor}`,
        found: term.perKgMinor,
      });
    }
    // The floor never rises with the cap: at the larger of the two it holds for every real load.
    rates.set(term.lane, Math.min(term.perKgMinor, potential > term.capKg ? perKgFloor(lane, potential) : floor));
  }
  return rates;
}

/** A lane's fixed part as the verifier reads it. */
interface CheckedLane {
  /** Own MAWB per kg at the larger of the certificate's cap and the potential recomputed here. */
  ownPerKgMinor: number;
  /** Co-load per kg (Infinity without an offer). */
  coLoadPerKgMinor: number;
  /** Per order id, per line index. */
  shares: Map<string, Map<number, number>>;
}

/**
 * Reads the certificate's lane shares. Reported: a lane not in the network, not consolidating
 * or listed twice (left out: as if not listed, still a valid bound); a fixed part above the
 * lane's MAWB fee and one ULD (counted at that); a share on a line the order lacks or of an
 * order not bounded (left out); and shares open at one instant adding up to more than the fixed
 * part (the figures would then rest on more than any departure pays).
 */
function checkedShares(
  ctx: VerifyContext,
  cert: BoundCertificate,
  bounded: readonly Bounded[],
  toZone: MinutesToZone,
  potentials: ReadonlyMap<string, number>,
): Map<string, CheckedLane> {
  const byId = new Map(bounded.map((b) => [b.order.id, b]));
  const caps = new Map(cert.lanes.map((t) => [t.lane, t.capKg]));
  const out = new Map<string, CheckedLane>();
  for (const entry of cert.laneShares ?? []) {
    const lane = ctx.index.lanes.get(entry.lane);
    if (lane === undefined || !isConsolidating(lane) || out.has(entry.lane)) {
      const why = lane === undefined ? 'is not in the network' : out.has(entry.lane) ? 'is listed twice' : 'is not a consolidating lane';
      ctx.report({ rule: 'LOWER_BOUND_CERTIFICATE', message: `certificate lane shares: lane ${entry.lane} ${why}`, found: entry.lane });
      continue;
    }
    // The own rate never rises with the cap: at the larger of the two it holds for every real load.
    const own = ownLine(lane, Math.max(caps.get(lane.id) ?? 0, potentials.get(lane.id) ?? 0));
    if (entry.fixedMinor > own.fixedMinor * (1 + BOUND_RELATIVE_TOLERANCE)) {
      ctx.report({
        rule: 'LOWER_BOUND_CERTIFICATE',
        message: `certificate lane shares ${entry.lane}: fixed part ${entry.fixedMinor} is above the ${own.fixedMinor} of its MAWB fee and one ULD`,
        expected: `≤ ${own.fixedMinor}`,
        found: entry.fixedMinor,
      });
    }
    const fixedMinor = Math.min(entry.fixedMinor, own.fixedMinor);
    const checked: CheckedLane = { ownPerKgMinor: own.perKgMinor, coLoadPerKgMinor: lane.coLoad?.perKgMinor ?? Infinity, shares: new Map() };
    const windows: LaneWindows = new Map();
    for (const share of entry.shares) {
      const b = byId.get(share.order);
      if (b === undefined || share.line >= b.order.lines.length) {
        const why = b === undefined ? 'an order the bound does not cover' : `line ${share.line} of an order of ${b.order.lines.length} lines`;
        ctx.report({ rule: 'LOWER_BOUND_CERTIFICATE', order: share.order, message: `certificate lane shares ${entry.lane}: a share on ${why}`, found: share.line });
        continue;
      }
      addWindow(windows, lane.id, b.createdMs, b.deadlineMs - toZone.minutes(lane.to, b.order.destination) * MINUTE_MS, share.minor);
      let lines = checked.shares.get(share.order);
      if (lines === undefined) checked.shares.set(share.order, (lines = new Map()));
      lines.set(share.line, (lines.get(share.line) ?? 0) + share.minor);
    }
    const most = heaviestAtOnce(windows).get(lane.id) ?? 0;
    if (most > fixedMinor * (1 + SHARE_RELATIVE_TOLERANCE)) {
      ctx.report({
        rule: 'LOWER_BOUND_CERTIFICATE',
        message: `certificate lane shares ${entry.lane}: shares open at one instant add up to ${most}, above the fixed part ${fixedMinor}`,
        expected: `≤ ${fixedMinor}`,
        found: most,
      });
    }
    out.set(lane.id, checked);
  }
  return out;
}

/** Least minutes from arriving at a node to arriving at a zone: handling + each lane's least time. */
class MinutesToZone {
  private readonly byZone = new Map<string, Map<string, number>>();
  constructor(private readonly ctx: VerifyContext) {}

  minutes(node: string, zone: string): number {
    let table = this.byZone.get(zone);
    if (table === undefined) {
      table = this.dijkstra(zone);
      this.byZone.set(zone, table);
    }
    return table.get(node) ?? Infinity;
  }

  /** Backwards from the zone; the networks are small (hundreds of nodes): a linear scan for the next node. */
  private dijkstra(zone: string): Map<string, number> {
    const { index } = this.ctx;
    const best = new Map<string, number>([[zone, 0]]);
    const done = new Set<string>();
    for (;;) {
      let at: string | undefined;
      let atMinutes = Infinity;
      for (const [node, minutes] of best) {
        if (done.has(node) || minutes >= atMinutes) continue;
        at = node;
        atMinutes = minutes;
      }
      if (at === undefined) return best;
      done.add(at);
      for (const lane of index.lanesTo.get(at) ?? []) {
        const handling = index.nodes.get(lane.from)?.handlingMinutes ?? 0;
        const via = atMinutes + handling + laneMinMinutes(lane);
        if (via < (best.get(lane.from) ?? Infinity)) best.set(lane.from, via);
      }
    }
  }
}

/**
 * Per consolidating lane, the most weight one departure can carry in a plan of the bounded
 * orders: the most, over instants, of the weight of the orders whose window covers it — from
 * creation to the deadline less the least time from the lane's end to the zone — among those
 * with a source from which the lane's origin can be reached (an order's whole weight: a
 * parcel of it weighs no more).
 */
function lanePotentials(ctx: VerifyContext, bounded: readonly Bounded[], toZone: MinutesToZone): Map<string, number> {
  const { index } = ctx;
  const reach = new Map<string, Set<string>>();
  const reachFrom = (source: string): Set<string> => {
    let seen = reach.get(source);
    if (seen === undefined) {
      seen = new Set([source]);
      const queue = [source];
      for (let head = 0; head < queue.length; head++) {
        for (const lane of index.lanesFrom.get(queue[head]!) ?? []) {
          if (seen.has(lane.to)) continue;
          seen.add(lane.to);
          queue.push(lane.to);
        }
      }
      reach.set(source, seen);
    }
    return seen;
  };
  // Per set of sources and zone (orders repeat both): the consolidating lanes they reach, each
  // with the least minutes from its end to the zone.
  const toward = new Map<string, { lane: string; minutes: number }[]>();
  const lanesToward = (sources: readonly { node: string }[], zone: string): { lane: string; minutes: number }[] => {
    const key = `${zone}\u0000${sources.map((s) => s.node).join('\u0000')}`;
    let lanes = toward.get(key);
    if (lanes === undefined) {
      lanes = [];
      const nodes = new Set<string>();
      for (const s of sources) for (const node of reachFrom(s.node)) nodes.add(node);
      for (const node of nodes) {
        for (const lane of index.lanesFrom.get(node) ?? []) {
          if (!isConsolidating(lane)) continue;
          const minutes = toZone.minutes(lane.to, zone);
          if (minutes !== Infinity) lanes.push({ lane: lane.id, minutes });
        }
      }
      toward.set(key, lanes);
    }
    return lanes;
  };
  const windows: LaneWindows = new Map();
  for (const b of bounded) {
    for (const { lane, minutes } of lanesToward(b.sources, b.order.destination)) {
      const latestMs = b.deadlineMs - minutes * MINUTE_MS;
      if (latestMs < b.createdMs) continue;
      addWindow(windows, lane, b.createdMs, latestMs, b.weightKg);
    }
  }
  return heaviestAtOnce(windows);
}

/**
 * The certificate's origins whose least departure charge counts once: each origin once, its
 * consolidating lanes taken from the network, the charge recomputed (leastDepartureChargeMinor),
 * and the witness a bounded order that this verifier's own search finds no routing for once
 * those lanes are forbidden. An origin that fails is reported and not counted.
 */
function checkedMinimums(ctx: VerifyContext, cert: BoundCertificate, bounded: readonly Bounded[], floors: OrderFloors): { sum: number; override: LaneOverrides } {
  const override = new Map<string, 'fixed' | 'forbidden'>();
  let sum = 0;
  const byId = new Map(bounded.map((b) => [b.order.id, b]));
  const seen = new Set<string>();
  for (const { origin, witness } of cert.originMinimums ?? []) {
    if (seen.has(origin)) continue;
    seen.add(origin);
    const lanes = (ctx.index.lanesFrom.get(origin) ?? []).filter(isConsolidating);
    const least = Math.min(...lanes.map(leastDepartureChargeMinor));
    const b = byId.get(witness);
    const avoidable = b === undefined || lanes.length === 0 || floors.of(b, new Map(lanes.map((lane) => [lane.id, 'forbidden'] as const))) !== Infinity;
    if (avoidable || !Number.isFinite(least)) {
      ctx.report({
        rule: 'LOWER_BOUND_CERTIFICATE',
        message: `origin ${origin}: its witness ${witness} is not a bounded order that needs one of its ${lanes.length} consolidating lanes`,
        expected: 'a bounded order with no routing avoiding them',
        found: witness,
      });
      continue;
    }
    for (const lane of lanes) override.set(lane.id, 'fixed');
    sum += least;
  }
  return { sum, override };
}

/** Lanes priced otherwise in a floor: at their handling and parcel fees alone, or not at all. */
type LaneOverrides = ReadonlyMap<string, 'fixed' | 'forbidden'>;

/** Unit prices of stock by node, then SKU; a pair listed twice pays both. */
type StockPriceTable = ReadonlyMap<string, ReadonlyMap<string, number>>;

function stockPrices(cert: BoundCertificate): StockPriceTable {
  const table = new Map<string, Map<string, number>>();
  for (const { node, sku, perUnitMinor } of cert.stockPrices ?? []) {
    let at = table.get(node);
    if (at === undefined) table.set(node, (at = new Map()));
    at.set(sku, (at.get(sku) ?? 0) + perUnitMinor);
  }
  return table;
}

/** Order floors: the split recursion over parcels, each parcel priced by cheapestItinerary. */
class OrderFloors {
  private readonly routes: RouteSearch;
  private readonly fixedParts = new Map<number, Map<string, number>>();
  private readonly moves = new Map<string, MovesToward>();
  /** The divisor of a parcel's least chargeable weight over every itinerary (the fees' floor). */
  private readonly billingDivisor: number;

  constructor(
    private readonly ctx: VerifyContext,
    private readonly cert: BoundCertificate,
    private readonly rates: ReadonlyMap<string, number>,
    private readonly toZone: MinutesToZone,
    private readonly onHand: (node: string, sku: string) => number,
    private readonly shares: ReadonlyMap<string, CheckedLane>,
    private readonly prices: StockPriceTable,
  ) {
    this.routes = new RouteSearch(ctx);
    this.billingDivisor = leastBillingDivisor(ctx.index.network.lanes);
  }

  /** Lanes priced at their fees alone, those of the origins' minimums (checkedMinimums). */
  override: LaneOverrides = new Map();

  /** The order's floor; `override`: lanes priced at their fees alone (`fixed`) or not at all (`forbidden`). */
  of(b: Bounded, override: LaneOverrides = this.override): number {
    const { order } = b;
    const cheapest = (lines: readonly number[]): number => {
      const need = new Map<string, number>();
      let weightKg = 0;
      for (const l of lines) {
        const line = order.lines[l]!;
        need.set(line.sku, (need.get(line.sku) ?? 0) + line.qty);
      }
      const measures = measureLines(lines.map((l) => ({ line: order.lines[l]!, qty: order.lines[l]!.qty })));
      weightKg = measures.weightKg;
      const billedKg = chargeableKg(weightKg, measures.volumeM3, this.billingDivisor);
      // One search per mode, from every source of it holding the lines (the least of each's).
      const byMode = new Map<FulfilmentMode, string[]>();
      const holds = (node: string): boolean => {
        for (const [sku, qty] of need) if (this.onHand(node, sku) < qty) return false;
        return true;
      };
      for (const s of b.sources) {
        if (!holds(s.node)) continue;
        const list = byMode.get(s.mode);
        if (list === undefined) byMode.set(s.mode, [s.node]);
        else list.push(s.node);
      }
      let least = Infinity;
      for (const [mode, nodes] of byMode) {
        // A source whose stock of these lines is priced is searched alone, its price added.
        const free: string[] = [];
        for (const node of nodes) {
          let price = 0;
          const at = this.prices.get(node);
          if (at !== undefined) for (const [sku, qty] of need) price += (at.get(sku) ?? 0) * qty;
          if (price === 0) free.push(node);
          else least = Math.min(least, price + this.parcelFloor(b, [node], mode, weightKg, billedKg, lines, override));
        }
        if (free.length > 0) least = Math.min(least, this.parcelFloor(b, free, mode, weightKg, billedKg, lines, override));
      }
      return least;
    };
    return leastLineSplit(order, this.cert.exactSourcingLines, cheapest);
  }

  /**
   * The cheapest figure of a `mode` parcel of `weightKg` from any of `sources` over the itineraries
   * meeting the deadline; its fees at `billedKg`, the least chargeable weight any itinerary bills it at.
   */
  private parcelFloor(
    b: Bounded,
    sources: readonly string[],
    mode: FulfilmentMode,
    weightKg: number,
    billedKg: number,
    lines: readonly number[],
    override: LaneOverrides,
  ): number {
    const fixed = this.fixedAt(billedKg);
    const figure = (lane: Lane): number => {
      const priced = override.get(lane.id);
      if (priced === 'forbidden') return Infinity;
      if (priced === 'fixed') return fixed.get(lane.id) ?? 0;
      const perKg = Math.max(0, (this.rates.get(lane.id) ?? 0) * weightKg - 0.5);
      const shared = this.shares.get(lane.id);
      if (shared === undefined) return (fixed.get(lane.id) ?? 0) + perKg;
      let share = 0;
      const of = shared.shares.get(b.order.id);
      if (of !== undefined) for (const l of lines) share += of.get(l) ?? 0;
      const own = Math.max(0, shared.ownPerKgMinor * weightKg - 0.5) + share;
      const loose = shared.coLoadPerKgMinor === Infinity ? Infinity : Math.max(0, shared.coLoadPerKgMinor * weightKg - 0.5);
      return (fixed.get(lane.id) ?? 0) + Math.min(own, loose);
    };
    return this.cheapestItinerary(b, sources, mode, figure);
  }

  private movesToward(mode: FulfilmentMode, zone: string): MovesToward {
    const key = `${mode}|${zone}`;
    let moves = this.moves.get(key);
    if (moves === undefined) {
      moves = new MovesToward(this.ctx, mode, zone, this.routes.statesReaching(mode, zone), this.toZone);
      this.moves.set(key, moves);
    }
    return moves;
  }

  /** Per lane, handling at its origin + its per-parcel fee at `billedKg` (a multiple of 0.5 kg: few). */
  private fixedAt(billedKg: number): Map<string, number> {
    let parts = this.fixedParts.get(billedKg);
    if (parts === undefined) {
      parts = new Map();
      for (const lane of this.ctx.index.network.lanes) {
        parts.set(lane.id, (this.ctx.index.nodes.get(lane.from)?.handlingPerParcelMinor ?? 0) + parcelLaneCostMinor(lane, billedKg));
      }
      this.fixedParts.set(billedKg, parts);
    }
    return parts;
  }

  /**
   * Labels (cost, arrival) in order of cost: the first to reach the zone cleared as its mode
   * needs is the cheapest. A label is dropped when an earlier-popped (so no dearer) one of its
   * state arrived no later: lanes are FIFO, so the earlier one can do all the later can.
   * Cycles never help (costs are ≥ 0), so no leg limit is needed for the search to end.
   */
  private cheapestItinerary(b: Bounded, sources: readonly string[], mode: FulfilmentMode, figure: (lane: Lane) => number): number {
    const { ctx } = this;
    const zone = b.order.destination;
    const moves = this.movesToward(mode, zone);
    const arrived = new Map<string, number>();
    const heap = new LabelHeap();
    for (const source of sources) {
      const key = stateKey(source, 'uncleared');
      if (moves.reaching.has(key)) heap.push({ costMinor: 0, arrivalMs: b.createdMs, node: source, state: 'uncleared', key });
    }
    for (let top = heap.pop(); top !== undefined; top = heap.pop()) {
      const here = top.key;
      if ((arrived.get(here) ?? Infinity) <= top.arrivalMs) continue;
      arrived.set(here, top.arrivalMs);
      if (top.node === zone && customsDone(mode, top.state)) return top.costMinor;
      const leaveMs = ctx.model.readyToLeave(top.node, top.arrivalMs);
      for (const move of moves.from(here, top.node, top.state)) {
        const departure = ctx.model.nextDeparture(move.lane.id, leaveMs);
        if (departure === null || departure.arrivalMs + move.toZoneMs > b.deadlineMs) continue;
        if ((arrived.get(move.next) ?? Infinity) <= departure.arrivalMs) continue;
        heap.push({ costMinor: top.costMinor + figure(move.lane), arrivalMs: departure.arrivalMs, node: move.lane.to, state: move.state, key: move.next });
      }
    }
    return Infinity;
  }
}

/** One lane a parcel of some mode may take from a state toward a zone, and where it leads. */
interface Move {
  lane: Lane;
  /** The state after it, and its key. */
  state: CustomsState;
  next: string;
  /** Least ms from the lane's end to the zone. */
  toZoneMs: number;
}

/** Per (mode, zone): the states that reach the zone, and per state the moves (customs steps decided once). */
class MovesToward {
  private readonly byState = new Map<string, Move[]>();

  constructor(
    private readonly ctx: VerifyContext,
    private readonly mode: FulfilmentMode,
    private readonly zone: string,
    readonly reaching: ReadonlySet<string>,
    private readonly toZone: MinutesToZone,
  ) {}

  from(key: string, node: string, state: CustomsState): readonly Move[] {
    let moves = this.byState.get(key);
    if (moves === undefined) {
      moves = [];
      const country = this.ctx.index.nodes.get(this.zone)?.country;
      for (const lane of this.ctx.index.lanesFrom.get(node) ?? []) {
        const step = customsStep(this.ctx, this.mode, country, lane, state);
        if ('problem' in step) continue;
        const next = stateKey(lane.to, step.state);
        if (!this.reaching.has(next)) continue;
        moves.push({ lane, state: step.state, next, toZoneMs: this.toZone.minutes(lane.to, this.zone) * MINUTE_MS });
      }
      this.byState.set(key, moves);
    }
    return moves;
  }
}

function stateKey(node: string, state: CustomsState): string {
  return `${node}\u0000${state}`;
}

interface Label {
  costMinor: number;
  arrivalMs: number;
  node: string;
  state: CustomsState;
  /** stateKey(node, state), carried from the move that made the label rather than built at each pop. */
  key: string;
}

/** A binary min-heap of labels by cost, then arrival (the order the search settles them). */
class LabelHeap {
  private readonly items: Label[] = [];

  // Sifts move a hole rather than swap pairs (a destructuring swap allocates an array a step).
  push(label: Label): void {
    const items = this.items;
    let i = items.length;
    items.push(label);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent]!;
      if (!before(label, above)) break;
      items[i] = above;
      i = parent;
    }
    items[i] = label;
  }

  pop(): Label | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    const n = items.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const m = l + 1 < n && before(items[l + 1]!, items[l]!) ? l + 1 : l;
      const below = items[m]!;
      if (!before(below, last)) break;
      items[i] = below;
      i = m;
    }
    items[i] = last;
    return top;
  }
}

function before(a: Label, b: Label): boolean {
  return a.costMinor < b.costMinor || (a.costMinor === b.costMinor && a.arrivalMs < b.arrivalMs);
}
