// Where an unplanned order could have come from, for judging its reason: the fulfilment modes
// its service level and customs standing allow, the stocking nodes of those modes it allows,
// their stock (as input, or what the plan's planned parcels leave), and whether the order's
// lines can be drawn from a given set of those nodes.
//
// A line is drawn whole from one node (lines of one SKU draw on one stock). Whether an order's
// lines can be drawn is shown by exhibiting a draw: lines largest first, each from the first
// node (network order) that still has its units. Where such a greedy draw fails although
// another draw would succeed (several lines of one SKU packed differently), the verifier
// finds none and accepts the answer: it only rejects a reason it can prove false.
import { type CrossBorderStanding, crossBorderStanding, modesAllowed } from '../domain/customs.js';
import { FulfilmentMode, SOURCE_KIND } from '../domain/network.js';
import type { Order, OrderLine, StockRecord } from '../domain/orders.js';
import type { VerifyContext } from './context.js';
import { heldStock, type StockLedger, stockKey } from './stock.js';

export interface Source {
  node: string;
  mode: FulfilmentMode;
}

/** One line drawn from one node, to show that a draw exists. */
export interface Draw {
  sku: string;
  qty: number;
  node: string;
}

/** Units a node holds of a SKU. */
export type Available = (node: string, sku: string) => number;

const MODE_OF_KIND = new Map(Object.entries(SOURCE_KIND).map(([mode, kind]) => [kind, mode as FulfilmentMode]));

export function standingOf(ctx: VerifyContext, order: Order): CrossBorderStanding {
  return crossBorderStanding(ctx.index.network.customs, order.lines);
}

/** The modes the service level offers (all without one). */
export function levelModesOf(ctx: VerifyContext, order: Order): FulfilmentMode[] {
  const level = order.serviceLevel === undefined ? undefined : ctx.index.serviceLevels.get(order.serviceLevel);
  return level?.modes ?? [...FulfilmentMode.options];
}

/** The modes the service level offers that the customs standing leaves (over the limit: no CBEC mode). */
export function modesOf(ctx: VerifyContext, order: Order): FulfilmentMode[] {
  return modesAllowed(levelModesOf(ctx, order), standingOf(ctx, order));
}

/** The stocking nodes of `modes` the order allows (its allowedSources, when it lists any), in network order. */
export function sourcesOf(ctx: VerifyContext, order: Order, modes: readonly FulfilmentMode[]): Source[] {
  const allowed = (order.allowedSources ?? []).length > 0 ? new Set(order.allowedSources) : null;
  const sources: Source[] = [];
  for (const node of ctx.index.network.nodes) {
    const mode = MODE_OF_KIND.get(node.kind);
    if (mode === undefined || !modes.includes(mode)) continue;
    if (allowed !== null && !allowed.has(node.id)) continue;
    sources.push({ node: node.id, mode });
  }
  return sources;
}

/** The input stock, and what is left of it after the plan's planned parcels drew theirs. */
export class StockLevels {
  private readonly held: Map<string, number>;

  constructor(
    stock: readonly StockRecord[],
    private readonly ledger: StockLedger,
  ) {
    this.held = heldStock(stock);
  }

  readonly input: Available = (node, sku) => this.held.get(stockKey(node, sku)) ?? 0;
  readonly left: Available = (node, sku) => Math.max(0, this.input(node, sku) - this.ledger.takenOf(node, sku));
}

/** A draw of every line of `lines` from `nodes`, or null when the greedy draw finds none. */
export function drawLines(lines: readonly OrderLine[], nodes: readonly string[], available: Available): Draw[] | null {
  const used = new Map<string, number>();
  const draws: Draw[] = [];
  const order = lines.map((line, i) => ({ line, i })).sort((a, b) => b.line.qty - a.line.qty || a.i - b.i);
  for (const { line } of order) {
    const node = nodes.find((n) => available(n, line.sku) - (used.get(stockKey(n, line.sku)) ?? 0) >= line.qty);
    if (node === undefined) return null;
    const k = stockKey(node, line.sku);
    used.set(k, (used.get(k) ?? 0) + line.qty);
    draws.push({ sku: line.sku, qty: line.qty, node });
  }
  return draws;
}

/** The first line no single node of `nodes` holds by itself (a proof no draw exists), or null. */
export function undrawableLine(lines: readonly OrderLine[], nodes: readonly string[], available: Available): OrderLine | null {
  return lines.find((line) => !nodes.some((node) => available(node, line.sku) >= line.qty)) ?? null;
}

export function describeDraws(draws: readonly Draw[]): string {
  return draws.map((d) => `${d.qty} × ${d.sku} from ${d.node}`).join(', ');
}
