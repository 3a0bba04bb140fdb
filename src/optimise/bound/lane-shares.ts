// The lanes' fixed parts in the lower bound: the MAWB fee and ULD a departure shipped on our own
// pays however little rides it, shared out over the order lines that may ride the lane — so
// that a parcel is no longer priced as if our own MAWB's cheapest rate were free of its fixed
// charges.
//
// The per-kg floor ρ (src/tariff/per-kg-floor.ts) prices every kg of a lane as if departures
// ran full up to the most that could ride one at once. On a lane given a fixed part here the
// bound uses instead the two lines under a departure's cost (src/tariff/own-line.ts): own
// MAWB  F + max(0, c·W − ½)  and co-load  max(0, p·W − ½),  W its actual kg up to the cap.
// Each order line ℓ of order o may carry a share s_oℓ ≥ 0 on the lane, open over the window in
// which a parcel of o can leave on it: from o's creation to its deadline less the least time
// from the lane's end to its zone. Shares open at one instant add up to at most F. A parcel of
// w kg riding the lane pays  min(max(0, c·w − ½) + its lines' shares, max(0, p·w − ½)).
// A line rides in exactly one parcel, and only inside its window, so on any departure the
// shares of its parcels add up to at most F; whichever way the departure ships, its cost is at
// least what its parcels pay (own: F + Σ max(0, c·w − ½) ≥ Σ own figures; co-load:
// Σ max(0, p·w − ½)). Hence any plan costs at least Σ_orders of their least figures
// (Lagrangian relaxation of "a line shares an own MAWB only if the MAWB is paid for", the shares
// as multipliers): any shares within F give a valid bound, and good ones charge a light load
// the co-load rate it really pays rather than the full MAWB's.
// The shares come from share-ascent.ts; the verifier re-derives the bound from them
// (src/verify/lower-bound.ts).
import type { BoundLaneShares } from '../../domain/plan.js';
import { HourlyMost } from './hourly-most.js';

/** One lane's fixed part and what is shared on it. */
interface LaneShare {
  /** F: at most the MAWB fee and one ULD. */
  readonly fixedMinor: number;
  /** c: own MAWB per kg at the cap. */
  readonly ownPerKgMinor: number;
  /** p: co-load per kg (Infinity without an offer). */
  readonly coLoadPerKgMinor: number;
  /** Per order id, per line index: its share (minor units, > 0). */
  readonly shares: Map<string, Map<number, number>>;
  /** The shares open at each instant, by hour. */
  readonly open: HourlyMost;
}

/** The lanes with a fixed part. */
export class LaneShares {
  private readonly lanes = new Map<string, LaneShare>();

  /** Gives a lane the fixed part `fixedMinor` with its own and co-load rates; a lane keeps the first it gets. */
  fix(lane: string, fixedMinor: number, ownPerKgMinor: number, coLoadPerKgMinor: number): void {
    if (this.lanes.has(lane)) return;
    this.lanes.set(lane, { fixedMinor, ownPerKgMinor, coLoadPerKgMinor, shares: new Map(), open: new HourlyMost() });
  }

  has(lane: string): boolean {
    return this.lanes.has(lane);
  }

  /** A parcel's figure on the lane beyond its fees (see the banner); undefined on a lane without a fixed part. */
  figure(lane: string, weightKg: number, order: string, lines: readonly number[]): number | undefined {
    const at = this.lanes.get(lane);
    if (at === undefined) return undefined;
    const { own, loose } = this.lines(at, weightKg, order, lines);
    return Math.min(own, loose);
  }

  /** What a parcel's own figure lacks of its co-load one (Infinity without co-load): the most a share can add for it. */
  headroom(lane: string, weightKg: number, order: string, lines: readonly number[]): number {
    const at = this.lanes.get(lane);
    if (at === undefined) return 0;
    const { own, loose } = this.lines(at, weightKg, order, lines);
    return Math.max(0, loose - own);
  }

  /** A parcel's own figure (with its lines' shares) and its co-load one (Infinity without an offer). */
  private lines(at: LaneShare, weightKg: number, order: string, lines: readonly number[]): { own: number; loose: number } {
    const own = Math.max(0, at.ownPerKgMinor * weightKg - 0.5) + sumOf(at, order, lines);
    const loose = at.coLoadPerKgMinor === Infinity ? Infinity : Math.max(0, at.coLoadPerKgMinor * weightKg - 0.5);
    return { own, loose };
  }

  /** The lane's fixed part (0 without one). */
  fixedOf(lane: string): number {
    return this.lanes.get(lane)?.fixedMinor ?? 0;
  }

  /** What of the lane's fixed part no instant of [openMs, closeMs] has shared out yet (0 without one). */
  left(lane: string, openMs: number, closeMs: number): number {
    const at = this.lanes.get(lane);
    if (at === undefined) return 0;
    return at.fixedMinor - at.open.most(openMs, closeMs);
  }

  /** Adds `minor` to a line's share on the lane, open over [openMs, closeMs]; at most left(lane, openMs, closeMs). */
  add(lane: string, order: string, line: number, minor: number, openMs: number, closeMs: number): void {
    const at = this.lanes.get(lane);
    if (at === undefined) throw new Error(`bound: a share on lane ${lane}, which has no fixed part`);
    let lines = at.shares.get(order);
    if (lines === undefined) at.shares.set(order, (lines = new Map()));
    lines.set(line, (lines.get(line) ?? 0) + minor);
    at.open.add(openMs, closeMs, minor);
  }

  /** Drops a lane's fixed part and its shares. */
  drop(lane: string): void {
    this.lanes.delete(lane);
  }

  /** Drops the fixed parts nothing is shared on: there they would only lower figures. */
  prune(): void {
    for (const [lane, at] of this.lanes) if (at.shares.size === 0) this.lanes.delete(lane);
  }

  /** The certificate's entries, by lane id; lanes with nothing shared left out (a fixed part alone only lowers figures). */
  toCertificate(): BoundLaneShares[] {
    return [...this.lanes]
      .filter(([, at]) => at.shares.size > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([lane, at]) => ({
        lane,
        fixedMinor: at.fixedMinor,
        shares: [...at.shares].flatMap(([order, lines]) => [...lines].map(([line, minor]) => ({ order, line, minor }))),
      }));
  }
}

/** Σ of the shares of `lines` of `order` on one lane. */
function sumOf(at: LaneShare, order: string, lines: readonly number[]): number {
  const of = at.shares.get(order);
  if (of === undefined) return 0;
  let sum = 0;
  for (const l of lines) sum += of.get(l) ?? 0;
  return sum;
}
