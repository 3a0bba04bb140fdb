// Prices on scarce stock: the stock rows of the problem, relaxed with multipliers. The floors of
// any-routing.ts let every order take the cheapest source holding its lines, even when more
// orders want that source's units than it holds (measured: M's bound +CNY 981.81, L's +8,671.04).
//
// For any unit prices μ ≥ 0 per node and SKU, a plan draws at most the input stock of each, so
//   its cost ≥ Σ_orders [ its cost + Σ_its lines μ(source, sku)·qty ] − Σ_(node, sku) μ·onHand,
// and each order's bracket is at least its floor with every parcel also paying its lines' prices
// at its source. Hence, for every μ ≥ 0,
//   bound(μ) = Σ_orders floor_o(μ) − Σ_(node, sku) μ·onHand(node, sku)
// is a bound on any plan serving the orders. Floors are never negative, so an order left out
// (not reached, or planned after the bound) only makes it weaker.
//
// The prices, one (node, SKU) at a time: it is contested when the orders that could draw it from
// there want more than it holds. Each such order saves s_o = floor without that source for that
// SKU − its floor. bound(μ) for that price alone is concave in μ, its slope the units wanted by
// orders saving more than μ per unit less the stock; so the best price is the saving per unit of
// the first order that no longer fits when the stock is filled, most saving per unit first.
// Prices set together interact (an order priced off one source may move to another priced one);
// they are kept only when the bound they give is higher.
import type { NetworkIndex } from '../../domain/network-index.js';
import type { Order } from '../../domain/orders.js';
import type { BoundStockPrice } from '../../domain/plan.js';
import type { Problem } from '../model/problem.js';
import { boundedFacts, holdingSources, type OrderFloorOf, type RoutingFacts, type StockOnHand } from './any-routing.js';

/** Unit prices of stock, per node and SKU (absent: 0). */
export class StockPrices {
  private readonly perUnit = new Map<string, Map<string, number>>();
  private count = 0;

  set(node: string, sku: string, perUnitMinor: number): void {
    if (!(perUnitMinor > 0) || !Number.isFinite(perUnitMinor)) throw new RangeError(`xbroute/bound: a stock price must be finite and > 0, found ${perUnitMinor}`);
    let at = this.perUnit.get(node);
    if (at === undefined) this.perUnit.set(node, (at = new Map()));
    if (!at.has(sku)) this.count++;
    at.set(sku, perUnitMinor);
  }

  get size(): number {
    return this.count;
  }

  /** What these lines of the order pay drawn from `source`. */
  ofLines(order: Order, source: string, lines: readonly number[]): number {
    const at = this.perUnit.get(source);
    if (at === undefined) return 0;
    let price = 0;
    for (const l of lines) {
      const line = order.lines[l]!;
      price += (at.get(line.sku) ?? 0) * line.qty;
    }
    return price;
  }

  /** Σ μ·onHand: what the bound gives back for the stock the prices are on. */
  charged(onHand: StockOnHand): number {
    let sum = 0;
    for (const [node, at] of this.perUnit) for (const [sku, price] of at) sum += price * onHand(node, sku);
    return sum;
  }

  toCertificate(): BoundStockPrice[] {
    const list: BoundStockPrice[] = [];
    for (const [node, at] of this.perUnit) for (const [sku, perUnitMinor] of at) list.push({ node, sku, perUnitMinor });
    return list;
  }
}

/** Work limit of pricing: order floors worked out in all, savings and priced floors (a count: the same prices on any machine). */
export interface PriceLimits {
  maxFloors: number;
}

/**
 * M takes about 3,700 floors (3 prices), L about 44,000 (4 prices). A limit of 40,000 stopped L
 * after 3, and the fourth raises its bound CNY 8,088.80 (gap 3.04 → 2.74 %).
 */
export const DEFAULT_PRICE_LIMITS: PriceLimits = { maxFloors: 200_000 };

/** Floors between two yields of priceContestedStock (a caller's checkpoint). */
const FLOORS_PER_YIELD = 250;

export interface PricedFloors {
  prices: StockPrices;
  /** The orders whose floors the prices change, and those floors at the prices. */
  floors: Map<number, number>;
}

/** One order drawing one (node, SKU): its units and what having them saves its floor. */
interface Want {
  order: number;
  qty: number;
  saving: number;
}

/**
 * Prices for the contested (node, SKU)s and the floors they change. `floors`: the orders' floors
 * without prices (Infinity: not bounded). Contested stock is priced in the order first wanted
 * until the limit would not leave room for the floors the prices change; yields every
 * FLOORS_PER_YIELD floors; returns null when nothing is priced or the prices raise no bound.
 */
export function* priceContestedStock(
  index: NetworkIndex,
  problem: Problem,
  factsOf: (orderId: string) => RoutingFacts | undefined,
  include: (order: number) => boolean,
  floors: ArrayLike<number>,
  floorOf: OrderFloorOf,
  available: StockOnHand,
  limits: PriceLimits = DEFAULT_PRICE_LIMITS,
): Generator<void, PricedFloors | null, void> {
  // Per node and SKU, the orders that could draw it there and the units they want.
  const wanted = new Map<string, Map<string, Map<number, number>>>();
  const facts = boundedFacts(problem, factsOf, include, floors);
  facts.forEach((f, o) => {
    if (f === undefined) return;
    for (const source of holdingSources(index, f, available)) {
      for (const line of f.order.lines) {
        if (available(source, line.sku) < line.qty) continue;
        let bySku = wanted.get(source);
        if (bySku === undefined) wanted.set(source, (bySku = new Map()));
        let byOrder = bySku.get(line.sku);
        if (byOrder === undefined) bySku.set(line.sku, (byOrder = new Map()));
        byOrder.set(o, (byOrder.get(o) ?? 0) + line.qty);
      }
    }
  });
  const prices = new StockPrices();
  const priced = new Set<number>();
  let spent = 0;
  pairs: for (const [node, bySku] of wanted) {
    for (const [sku, byOrder] of bySku) {
      const onHand = available(node, sku);
      let total = 0;
      for (const qty of byOrder.values()) total += qty;
      if (total <= onHand) continue;
      // Past the limit, the prices so far stand: what is left of it goes to the floors they change.
      if (spent + priced.size + 2 * byOrder.size > limits.maxFloors) break pairs;
      const without: StockOnHand = (n, k) => (n === node && k === sku ? 0 : available(n, k));
      const wants: Want[] = [];
      for (const [o, qty] of byOrder) {
        if (++spent % FLOORS_PER_YIELD === 0) yield;
        const saving = floorOf(facts[o]!, without) - floors[o]!;
        if (saving > 0) wants.push({ order: o, qty, saving });
      }
      const price = marginalPrice(wants, onHand);
      if (price === null) continue;
      prices.set(node, sku, price);
      for (const w of wants) priced.add(w.order);
    }
  }
  if (prices.size === 0) return null;
  const at = new Map<number, number>();
  let gain = -prices.charged(available);
  for (const o of [...priced].sort((a, b) => a - b)) {
    if (++spent % FLOORS_PER_YIELD === 0) yield;
    const floor = floorOf(facts[o]!, available, prices);
    gain += floor - floors[o]!;
    at.set(o, floor);
  }
  return gain > 0 ? { prices, floors: at } : null;
}

/**
 * The best unit price of one stock alone: filling `onHand` units, most saving per unit first, the
 * saving per unit of the first order that does not fit; null when all fit, or that order cannot
 * do without the stock at all (no finite price then).
 */
export function marginalPrice(wants: readonly Want[], onHand: number): number | null {
  const unit = (w: Want): number => w.saving / w.qty;
  const sorted = [...wants].sort((a, b) => (unit(a) === unit(b) ? a.order - b.order : unit(a) > unit(b) ? -1 : 1));
  let units = 0;
  for (const w of sorted) {
    units += w.qty;
    if (units > onHand) return Number.isFinite(w.saving) ? w.saving / w.qty : null;
  }
  return null;
}
