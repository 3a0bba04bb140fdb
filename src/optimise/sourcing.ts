// Where an order can be sourced: every stocking node that holds all its lines (one parcel),
// or, when no single node does, a split over several nodes (one parcel per node). Splits
// cost extra parcels, so they are offered only when no single source exists.
import type { NetworkIndex } from '../domain/network-index.js';
import { type FulfilmentMode, SOURCE_KIND } from '../domain/network.js';
import type { Order } from '../domain/orders.js';
import type { StockLedger } from './stock-ledger.js';

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

/** Stocking nodes an order may draw from, in network file order (the tie-break everywhere). */
export function eligibleSources(index: NetworkIndex, order: Order, modes: readonly FulfilmentMode[]): { node: string; mode: FulfilmentMode }[] {
  const allowed = order.allowedSources !== undefined && order.allowedSources.length > 0 ? new Set(order.allowedSources) : null;
  const result: { node: string; mode: FulfilmentMode }[] = [];
  for (const node of index.network.nodes) {
    const mode = MODE_OF_KIND.get(node.kind);
    if (mode === undefined || !modes.includes(mode)) continue;
    if (allowed !== null && !allowed.has(node.id)) continue;
    result.push({ node: node.id, mode });
  }
  return result;
}

export function sourcingOptions(
  index: NetworkIndex,
  order: Order,
  modes: readonly FulfilmentMode[],
  stock: StockLedger,
): SourcingResult {
  const sources = eligibleSources(index, order, modes);
  const allLines = order.lines.map((line, i) => ({ line: i, qty: line.qty }));
  const holdsLine = (node: string, i: number): boolean => {
    const line = order.lines[i];
    return line !== undefined && stock.available(node, line.sku) >= line.qty;
  };

  const single = sources.filter((s) => allLines.every((l) => holdsLine(s.node, l.line)));
  if (single.length > 0) {
    return { ok: true, options: single.map((s) => [{ source: s.node, mode: s.mode, lines: allLines }]) };
  }

  // Greedy set cover: the node holding most of the remaining lines takes them, until done.
  let remaining = allLines.map((l) => l.line);
  const split: SourcingOption = [];
  while (remaining.length > 0) {
    let best: { node: string; mode: FulfilmentMode; covers: number[] } | null = null;
    for (const s of sources) {
      const covers = remaining.filter((i) => holdsLine(s.node, i));
      if (covers.length > (best?.covers.length ?? 0)) best = { ...s, covers };
    }
    if (best === null) {
      const missing = order.lines[remaining[0] ?? 0];
      return { ok: false, missingSku: missing?.sku ?? '?' };
    }
    const covered = new Set(best.covers);
    split.push({ source: best.node, mode: best.mode, lines: best.covers.map((i) => ({ line: i, qty: order.lines[i]?.qty ?? 0 })) });
    remaining = remaining.filter((i) => !covered.has(i));
  }
  return { ok: true, options: [split] };
}
