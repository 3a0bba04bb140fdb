// A (partial) solution of a Problem with its resource loads, kept incrementally so that a
// move — take an order out, put it back on another choice — is priced in O(its uses).
import type { NetworkIndex } from '../../domain/network-index.js';
import { must } from '../../domain/network-index.js';
import type { Lane } from '../../domain/network.js';
import { consolidationTotalAt } from '../../tariff/index.js';
import type { Choice, Problem } from './problem.js';

export const UNASSIGNED = -1;

export class Assignment {
  /** Chosen choice index per order, or UNASSIGNED. */
  readonly choiceOf: Int32Array;
  private readonly lanes: Lane[];
  private depWeight: Float64Array;
  private depVolume: Float64Array;
  private depCost: Float64Array;
  private depOrders: Int32Array;
  private portCount: Int32Array;
  private stockDrawn: Float64Array;
  private ownTotal = 0;
  private depTotal = 0;

  constructor(
    readonly problem: Problem,
    private readonly index: NetworkIndex,
  ) {
    this.choiceOf = new Int32Array(problem.orders.length).fill(UNASSIGNED);
    this.lanes = problem.departures.map((d) => must(index.lanes, d.lane, 'lane'));
    const n = problem.departures.length;
    this.depWeight = new Float64Array(n);
    this.depVolume = new Float64Array(n);
    this.depCost = new Float64Array(n);
    this.depOrders = new Int32Array(n);
    this.portCount = new Int32Array(problem.portDays.length);
    this.stockDrawn = new Float64Array(problem.stock.length);
    problem.departures.forEach((d, i) => {
      if (d.background === undefined || d.background.orders === 0) return;
      this.depWeight[i] = d.background.weightKg;
      this.depVolume[i] = d.background.volumeM3;
      this.depOrders[i] = d.background.orders;
      this.depCost[i] = this.departureCost(i, d.background.weightKg, d.background.volumeM3);
      this.depTotal += this.depCost[i] ?? 0;
    });
  }

  /** Objective: own costs + every departure's consolidation cost on its current load. */
  get total(): number {
    return this.ownTotal + this.depTotal;
  }

  choice(order: number, c: number): Choice {
    return this.problem.orders[order]!.choices[c]!;
  }

  /** Cost of adding this choice now, or Infinity when a resource has no room. */
  insertionCost(order: number, c: number, banned = -1): number {
    const choice = this.choice(order, c);
    for (const p of choice.portDays) if ((this.portCount[p] ?? 0) + countOf(choice.portDays, p) > this.problem.portDays[p]!.capacity) return Infinity;
    for (const s of choice.stock) if ((this.stockDrawn[s.key] ?? 0) + s.qty > this.problem.stock[s.key]!.available) return Infinity;
    let delta = choice.ownMinor;
    for (const use of choice.uses) {
      if (use.dep === banned) return Infinity;
      const after = this.departureCost(use.dep, (this.depWeight[use.dep] ?? 0) + use.weightKg, (this.depVolume[use.dep] ?? 0) + use.volumeM3);
      if (after === Infinity) return Infinity;
      delta += after - (this.depCost[use.dep] ?? 0);
    }
    return delta;
  }

  assign(order: number, c: number): void {
    if (this.choiceOf[order] !== UNASSIGNED) throw new Error('internal: order already assigned');
    this.apply(order, c, 1);
    this.choiceOf[order] = c;
  }

  unassign(order: number): void {
    const c = this.choiceOf[order] ?? UNASSIGNED;
    if (c === UNASSIGNED) return;
    this.apply(order, c, -1);
    this.choiceOf[order] = UNASSIGNED;
  }

  /**
   * Takes in the departures, port days and stock keys added to the problem since (choices
   * built after the start, ProblemBuilder.choice): they start empty. Orders stay as they are.
   */
  refit(): void {
    const { departures, portDays, stock } = this.problem;
    for (let d = this.lanes.length; d < departures.length; d++) {
      if (departures[d]!.background !== undefined) throw new Error('internal: a departure added with background load');
      this.lanes.push(must(this.index.lanes, departures[d]!.lane, 'lane'));
    }
    this.depWeight = grown(this.depWeight, departures.length);
    this.depVolume = grown(this.depVolume, departures.length);
    this.depCost = grown(this.depCost, departures.length);
    this.depOrders = grown(this.depOrders, departures.length);
    this.portCount = grown(this.portCount, portDays.length);
    this.stockDrawn = grown(this.stockDrawn, stock.length);
  }

  /** A departure's consolidation cost at its load now (0 when empty). */
  costOf(dep: number): number {
    return this.depCost[dep] ?? 0;
  }

  /** A departure's load: what the placed orders and its background put on it. */
  departureLoad(dep: number): { weightKg: number; volumeM3: number } {
    return { weightKg: this.depWeight[dep] ?? 0, volumeM3: this.depVolume[dep] ?? 0 };
  }

  /** Units of a stock key the placed orders draw. */
  stockUsed(key: number): number {
    return this.stockDrawn[key] ?? 0;
  }

  /** Parcels the placed orders clear on a port day. */
  portUsed(portDay: number): number {
    return this.portCount[portDay] ?? 0;
  }

  /** Whether a departure's ULD allotment takes this much more load on top of what it carries. */
  roomOnDeparture(dep: number, weightKg: number, volumeM3: number): boolean {
    return this.departureCost(dep, (this.depWeight[dep] ?? 0) + weightKg, (this.depVolume[dep] ?? 0) + volumeM3) < Infinity;
  }

  /** Consolidation cost of a departure at a load; Infinity when the ULD allotment cannot take it. */
  private departureCost(dep: number, weightKg: number, volumeM3: number): number {
    if (weightKg <= 1e-9 && volumeM3 <= 1e-12) return 0;
    return consolidationTotalAt(this.lanes[dep]!, weightKg, volumeM3);
  }

  private apply(order: number, c: number, sign: 1 | -1): void {
    const choice = this.choice(order, c);
    this.ownTotal += sign * choice.ownMinor;
    for (const use of choice.uses) {
      const d = use.dep;
      const orders = (this.depOrders[d] ?? 0) + sign;
      this.depOrders[d] = orders;
      // An emptied departure is reset exactly, so float drift never leaves a phantom load.
      this.depWeight[d] = orders === 0 ? 0 : (this.depWeight[d] ?? 0) + sign * use.weightKg;
      this.depVolume[d] = orders === 0 ? 0 : (this.depVolume[d] ?? 0) + sign * use.volumeM3;
      const cost = orders === 0 ? 0 : this.departureCost(d, this.depWeight[d] ?? 0, this.depVolume[d] ?? 0);
      this.depTotal += cost - (this.depCost[d] ?? 0);
      this.depCost[d] = cost;
    }
    for (const p of choice.portDays) this.portCount[p] = (this.portCount[p] ?? 0) + sign;
    for (const s of choice.stock) this.stockDrawn[s.key] = (this.stockDrawn[s.key] ?? 0) + sign * s.qty;
  }

  /** Recomputes the objective from scratch (drift check in tests, final figure). */
  recomputeTotal(): number {
    let total = 0;
    const w = Float64Array.from(this.problem.departures, (d) => d.background?.weightKg ?? 0);
    const v = Float64Array.from(this.problem.departures, (d) => d.background?.volumeM3 ?? 0);
    this.choiceOf.forEach((c, o) => {
      if (c === UNASSIGNED) return;
      const choice = this.choice(o, c);
      total += choice.ownMinor;
      for (const use of choice.uses) {
        w[use.dep] = (w[use.dep] ?? 0) + use.weightKg;
        v[use.dep] = (v[use.dep] ?? 0) + use.volumeM3;
      }
    });
    for (let d = 0; d < w.length; d++) total += this.departureCost(d, w[d] ?? 0, v[d] ?? 0);
    return total;
  }
}

function grown<T extends Float64Array | Int32Array>(array: T, length: number): T {
  if (array.length >= length) return array;
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}

function countOf(list: readonly number[], value: number): number {
  let n = 0;
  for (const x of list) if (x === value) n++;
  return n;
}
