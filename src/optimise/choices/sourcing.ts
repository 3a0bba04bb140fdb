// Where an order can be sourced: every stocking node that holds all its lines (one parcel),
// or, when no single node does, splits over several nodes (one parcel per node). Splits
// cost extra parcels, so they are offered only when no single source exists. With a rank of
// the nodes (what shipping from each to the order's zone costs at least), splits prefer the
// cheap nodes: an overseas base and a bonded warehouse that each hold one line are not alike.
import type { NetworkIndex } from '../../domain/network-index.js';
import { type FulfilmentMode, SOURCE_KIND } from '../../domain/network.js';
import { drawLines } from '../../domain/measure.js';
import type { Order } from '../../domain/orders.js';
import type { StockLedger } from '../ledger/stock-ledger.js';

export interface ParcelSourcing {
  source: string;
  mode: FulfilmentMode;
  lines: { line: number; qty: number }[];
}

/** One way to source a whole order: one parcel per source node. */
export type SourcingOption = ParcelSourcing[];

export type SourcingResult =
  | { ok: true; options: SourcingOption[] }
  | { ok: false; missingSku: string };

const MODE_OF_KIND = new Map(Object.entries(SOURCE_KIND).map(([mode, kind]) => [kind, mode as FulfilmentMode]));

/** Per network, its stocking nodes and the mode each ships in, in file order (asked per order: worked out once). */
const STOCKING = new WeakMap<NetworkIndex, readonly { node: string; mode: FulfilmentMode }[]>();

function stockingNodes(index: NetworkIndex): readonly { node: string; mode: FulfilmentMode }[] {
  let nodes = STOCKING.get(index);
  if (nodes === undefined) {
    nodes = index.network.nodes.flatMap((node) => {
      const mode = MODE_OF_KIND.get(node.kind);
      return mode === undefined ? [] : [{ node: node.id, mode }];
    });
    STOCKING.set(index, nodes);
  }
  return nodes;
}

/** Stocking nodes an order may draw from, in network file order (the tie-break everywhere). */
export function eligibleSources(index: NetworkIndex, order: Order, modes: readonly FulfilmentMode[]): { node: string; mode: FulfilmentMode }[] {
  const allowed = order.allowedSources !== undefined && order.allowedSources.length > 0 ? new Set(order.allowedSources) : null;
  return stockingNodes(index).filter((s) => modes.includes(s.mode) && (allowed === null || allowed.has(s.node))).map((s) => ({ ...s }));
}

export function sourcingOptions(
  index: NetworkIndex,
  order: Order,
  modes: readonly FulfilmentMode[],
  stock: StockLedger,
  /** Only these nodes (all by default): e.g. those that can still deliver in time. */
  admit: (node: string) => boolean = () => true,
  /** Per node, the least a parcel from it to the order's zone costs (absent: file order decides ties). */
  rank?: (node: string) => number,
): SourcingResult {
  const sources = eligibleSources(index, order, modes).filter((s) => admit(s.node));
  const allLines = order.lines.map((line, i) => ({ line: i, qty: line.qty }));
  /** Stock already given to earlier parcels of the split, per node and SKU. */
  const allotted = new Map<string, number>();
  /** The remaining lines a node can take together (lines of one SKU draw on one stock). */
  const coverable = (node: string, lines: readonly number[]): number[] => {
    const taken = new Map<string, number>();
    return lines.filter((i) => {
      const line = order.lines[i]!;
      const after = (taken.get(line.sku) ?? allotted.get(`${node}\u0000${line.sku}`) ?? 0) + line.qty;
      if (stock.available(node, line.sku) < after) return false;
      taken.set(line.sku, after);
      return true;
    });
  };

  const single = sources.filter((s) => holdsAll(stock, order, { source: s.node, lines: allLines }));
  if (single.length > 0) {
    return { ok: true, options: single.map((s) => [{ source: s.node, mode: s.mode, lines: allLines }]) };
  }

  // Greedy set cover: the node holding most of the remaining lines takes them, until done;
  // of nodes holding as many, the cheapest by rank.
  // (Compared, not subtracted: a node that cannot reach the zone ranks Infinity.)
  const ranked = rank === undefined ? sources : [...sources].sort((a, b) => (rank(a.node) < rank(b.node) ? -1 : rank(a.node) > rank(b.node) ? 1 : 0));
  let remaining = allLines.map((l) => l.line);
  const split: SourcingOption = [];
  while (remaining.length > 0) {
    let best: { node: string; mode: FulfilmentMode; covers: number[] } | null = null;
    for (const s of ranked) {
      const covers = coverable(s.node, remaining);
      if (covers.length > (best?.covers.length ?? 0)) best = { ...s, covers };
    }
    if (best === null) {
      const fitted = firstFitDecreasing(order, sources, stock);
      if (fitted !== null) return { ok: true, options: [withDrawnLines(order, fitted)] };
      const missing = order.lines[remaining[0] ?? 0];
      return { ok: false, missingSku: missing?.sku ?? '?' };
    }
    const covered = new Set(best.covers);
    for (const i of best.covers) {
      const key = `${best.node}\u0000${order.lines[i]!.sku}`;
      allotted.set(key, (allotted.get(key) ?? 0) + order.lines[i]!.qty);
    }
    split.push({ source: best.node, mode: best.mode, lines: best.covers.map((i) => ({ line: i, qty: order.lines[i]?.qty ?? 0 })) });
    remaining = remaining.filter((i) => !covered.has(i));
  }
  const options = [withDrawnLines(order, split)];
  if (rank !== undefined) {
    // Fewest parcels is not always cheapest: each line from its cheapest node, as a second split.
    const cheapest = cheapestPerLine(order, ranked, stock);
    if (cheapest !== null && !sameSplit(cheapest, split)) options.push(withDrawnLines(order, cheapest));
  }
  return { ok: true, options };
}

/** Each line (in order) from the first of `ranked` still holding it; one parcel per node, in order of first use. */
function cheapestPerLine(order: Order, ranked: readonly { node: string; mode: FulfilmentMode }[], stock: StockLedger): SourcingOption | null {
  const used = new Map<string, number>();
  const parcels = new Map<string, ParcelSourcing>();
  for (const [i, line] of order.lines.entries()) {
    const key = (node: string): string => `${node}\u0000${line.sku}`;
    const source = ranked.find((s) => stock.available(s.node, line.sku) - (used.get(key(s.node)) ?? 0) >= line.qty);
    if (source === undefined) return null;
    used.set(key(source.node), (used.get(key(source.node)) ?? 0) + line.qty);
    let parcel = parcels.get(source.node);
    if (parcel === undefined) parcels.set(source.node, (parcel = { source: source.node, mode: source.mode, lines: [] }));
    parcel.lines.push({ line: i, qty: line.qty });
  }
  return [...parcels.values()];
}

/** Whether two splits send the same lines from the same nodes. */
function sameSplit(a: SourcingOption, b: SourcingOption): boolean {
  const linesAt = (split: SourcingOption): string =>
    split
      .map((p) => `${p.source}:${p.lines.map((l) => l.line).sort((x, y) => x - y).join(',')}`)
      .sort()
      .join('|');
  return linesAt(a) === linesAt(b);
}

/**
 * A SKU on several lines may be split over parcels: which line's units each parcel carries
 * follows the rule the verifier applies (drawLines: first come, first served in parcel order),
 * or the parcels' weights and values would differ between the two.
 */
function withDrawnLines(order: Order, split: SourcingOption): SourcingOption {
  const drawn = drawLines(order, split.map((p) => p.lines.map((l) => ({ sku: order.lines[l.line]?.sku ?? '', qty: l.qty }))));
  return split.map((p, i) => ({ ...p, lines: drawn[i] ?? p.lines }));
}

/**
 * The draw the verifier exhibits when it refutes a NO_STOCK answer (src/verify/order-sources.ts):
 * lines largest first, each whole from the first source (network order) that still holds it.
 * Tried when the set-cover greedy above finds no split, so that the planner answers NO_STOCK
 * only where this draw fails too. One parcel per source used, in source order.
 */
function firstFitDecreasing(order: Order, sources: readonly { node: string; mode: FulfilmentMode }[], stock: StockLedger): SourcingOption | null {
  const used = new Map<string, number>();
  const linesOf = new Map<string, number[]>();
  const byQty = order.lines.map((line, i) => ({ line, i })).sort((a, b) => b.line.qty - a.line.qty || a.i - b.i);
  for (const { line, i } of byQty) {
    const source = sources.find((s) => stock.available(s.node, line.sku) - (used.get(`${s.node}\u0000${line.sku}`) ?? 0) >= line.qty);
    if (source === undefined) return null;
    const key = `${source.node}\u0000${line.sku}`;
    used.set(key, (used.get(key) ?? 0) + line.qty);
    const lines = linesOf.get(source.node);
    if (lines === undefined) linesOf.set(source.node, [i]);
    else lines.push(i);
  }
  return sources.flatMap((s) => {
    const lines = linesOf.get(s.node);
    return lines === undefined ? [] : [{ source: s.node, mode: s.mode, lines: lines.sort((a, b) => a - b).map((l) => ({ line: l, qty: order.lines[l]?.qty ?? 0 })) }];
  });
}

/**
 * Whether a node holds every line of a parcel, lines of the same SKU added up. Asked for every
 * source of every candidate: it sums each SKU at its first line by scanning the few lines after
 * it, rather than building a Map per call (62 MB of them on M).
 */
export function holdsAll(stock: StockLedger, order: Order, parcel: { source: string; lines: readonly { line: number; qty: number }[] }): boolean {
  const lines = parcel.lines;
  const skuAt = (k: number): string => order.lines[lines[k]!.line]?.sku ?? '';
  for (let k = 0; k < lines.length; k++) {
    const sku = skuAt(k);
    let counted = false;
    for (let j = 0; j < k && !counted; j++) counted = skuAt(j) === sku;
    if (counted) continue;
    let qty = 0;
    for (let j = k; j < lines.length; j++) if (skuAt(j) === sku) qty += lines[j]!.qty;
    if (stock.available(parcel.source, sku) < qty) return false;
  }
  return true;
}
