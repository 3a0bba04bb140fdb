// Large-neighbourhood search with exact sub-solves, over the whole problem (across the
// partitions the plan was first improved in). Each round asks every neighbourhood
// (./neighbourhoods/) for sets of related orders, frees each set — its orders get back every
// choice they have, the rest of the plan stays as background load on departures and as used
// port-day slots and stock — and re-solves it as a partition is solved (local search, then the
// order-level MILP within a node budget). Results are accepted in set order, each re-priced
// on the plan as it then stands, and kept only when the recomputed total falls.
//
// Sets are solved in waves of order-disjoint sets through `solve` (the pool runs a wave's
// sets in parallel); which sets form a wave, and the order results are accepted in, depend on
// the plan only, never on which sub-solve finishes first. The budget is work: rounds and sub-
// solves counted, nodes inside each solve; the search ends early when a round saves nothing.
import type { NetworkIndex } from '../../domain/network-index.js';
import { Assignment, UNASSIGNED } from '../model/assignment.js';
import type { Load, Problem } from '../model/problem.js';
import { type Partition, restrictProblem } from '../partition/partition.js';
import type { PartitionResult, PartitionSettings } from '../partition/solve-partition.js';
import { IMPROVEMENT_MINOR } from './local-search.js';
import type { Neighbourhood } from './neighbourhood.js';

export interface LnsSettings {
  /** How each freed set is solved (the exact step's node budget, local-search passes). */
  subSolve: PartitionSettings;
  /** Rounds over every neighbourhood at most. */
  maxRounds: number;
  /** Sub-solves in all, at most (a work budget: counted, never timed). */
  maxSubSolves: number;
  /** And at most one sub-solve per this many served orders (small batches get a small search). */
  ordersPerSubSolve: number;
  /** Orders freed together at most (the exact step's size). */
  maxOrders: number;
  /** Sets solved together at most (one call of `solve`). */
  waveSize: number;
}

export interface LnsStats {
  rounds: number;
  subSolves: number;
  accepted: number;
  /** Saving, minor units. */
  savedMinor: number;
  stopped: boolean;
}

/** Solves a wave of freed sets with `settings`; `wave` counts the calls (for progress). */
export type SolveWave = (parts: readonly Partition[], wave: number, settings: PartitionSettings) => Promise<PartitionResult[]>;

/**
 * Improves `choiceOf` (problem indexes of choices, UNASSIGNED for unserved orders) in place.
 * Served orders stay served; unserved ones are not touched.
 */
export async function largeNeighbourhoodSearch(
  problem: Problem,
  index: NetworkIndex,
  choiceOf: Int32Array,
  neighbourhoods: readonly Neighbourhood[],
  settings: LnsSettings,
  solve: SolveWave,
  shouldStop?: () => boolean,
  onWave?: (subSolves: number, totalMinor: number, budget: number) => void,
): Promise<LnsStats> {
  const stats: LnsStats = { rounds: 0, subSolves: 0, accepted: 0, savedMinor: 0, stopped: false };
  if (settings.maxOrders < 2 || settings.maxSubSolves < 1) return stats;
  const plan = new Assignment(problem, index);
  choiceOf.forEach((c, o) => {
    if (c !== UNASSIGNED) plan.assign(o, c);
  });
  const startTotal = plan.total;
  const served = plan.choiceOf.reduce((n, c) => n + (c === UNASSIGNED ? 0 : 1), 0);
  const budget = Math.min(settings.maxSubSolves, Math.ceil(served / settings.ordersPerSubSolve));
  let waves = 0;
  while (stats.rounds < settings.maxRounds && stats.subSolves < budget) {
    stats.rounds++;
    const roundStart = plan.total;
    const view = { problem, choiceOf: plan.choiceOf };
    const sets: number[][] = [];
    for (const n of neighbourhoods) for (const set of n.sets(view, settings.maxOrders)) if (canChange(problem, set)) sets.push(set);
    let pending = sets;
    while (pending.length > 0 && stats.subSolves < budget) {
      if (shouldStop?.() === true) {
        stats.stopped = true;
        break;
      }
      const { wave, rest } = disjointWave(pending, Math.min(settings.waveSize, budget - stats.subSolves));
      pending = rest;
      const loads = planLoads(plan);
      const parts = wave.map((set) => freeSet(plan, loads, set));
      const results = await solve(parts, waves++, settings.subSolve);
      stats.subSolves += wave.length;
      parts.forEach((part, i) => {
        const result = results[i];
        if (result === undefined) throw new Error(`internal: freed set ${i} has no result`);
        if (accept(plan, part, result)) stats.accepted++;
      });
      onWave?.(stats.subSolves, plan.total, budget);
    }
    if (stats.stopped || roundStart - plan.total <= IMPROVEMENT_MINOR) break;
  }
  choiceOf.set(plan.choiceOf);
  stats.savedMinor = startTotal - plan.total;
  return stats;
}

/** A set where some order has another choice: otherwise there is nothing to re-solve. */
function canChange(problem: Problem, set: readonly number[]): boolean {
  return set.some((o) => problem.orders[o]!.choices.length > 1);
}

/** The first sets, in order, that share no order with an earlier one of the wave; the rest keep their order. */
function disjointWave(sets: number[][], size: number): { wave: number[][]; rest: number[][] } {
  const taken = new Set<number>();
  const wave: number[][] = [];
  const rest: number[][] = [];
  for (const set of sets) {
    if (wave.length < size && set.every((o) => !taken.has(o))) {
      for (const o of set) taken.add(o);
      wave.push(set);
    } else rest.push(set);
  }
  return { wave, rest };
}

interface PlanLoads {
  weight: Float64Array;
  volume: Float64Array;
  riders: Int32Array;
  port: Int32Array;
  stock: Float64Array;
}

/** Every resource's use by the plan as it stands. */
function planLoads(plan: Assignment): PlanLoads {
  const { problem } = plan;
  const loads: PlanLoads = {
    weight: Float64Array.from(problem.departures, (d) => d.background?.weightKg ?? 0),
    volume: Float64Array.from(problem.departures, (d) => d.background?.volumeM3 ?? 0),
    riders: Int32Array.from(problem.departures, (d) => d.background?.orders ?? 0),
    port: new Int32Array(problem.portDays.length),
    stock: new Float64Array(problem.stock.length),
  };
  plan.choiceOf.forEach((c, o) => {
    if (c === UNASSIGNED) return;
    const choice = plan.choice(o, c);
    for (const u of choice.uses) {
      loads.weight[u.dep]! += u.weightKg;
      loads.volume[u.dep]! += u.volumeM3;
      loads.riders[u.dep]! += 1;
    }
    for (const p of choice.portDays) loads.port[p]! += 1;
    for (const s of choice.stock) loads.stock[s.key]! += s.qty;
  });
  return loads;
}

/** The set's orders freed: every choice back, the rest of the plan as background. */
function freeSet(plan: Assignment, loads: PlanLoads, set: readonly number[]): Partition {
  const { problem } = plan;
  const own = { weight: new Map<number, number>(), volume: new Map<number, number>(), riders: new Map<number, number>(), port: new Map<number, number>(), stock: new Map<number, number>() };
  const add = (m: Map<number, number>, k: number, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (const o of set) {
    const c = plan.choiceOf[o] ?? UNASSIGNED;
    if (c === UNASSIGNED) continue;
    const choice = plan.choice(o, c);
    for (const u of choice.uses) {
      add(own.weight, u.dep, u.weightKg);
      add(own.volume, u.dep, u.volumeM3);
      add(own.riders, u.dep, 1);
    }
    for (const p of choice.portDays) add(own.port, p, 1);
    for (const s of choice.stock) add(own.stock, s.key, s.qty);
  }
  const portLeft = (p: number) => problem.portDays[p]!.capacity - ((loads.port[p] ?? 0) - (own.port.get(p) ?? 0));
  return restrictProblem(problem, [...set], plan.choiceOf, {
    keep: () => true,
    background: (dep): Load | undefined => {
      const orders = (loads.riders[dep] ?? 0) - (own.riders.get(dep) ?? 0);
      if (orders <= 0) return undefined;
      return { weightKg: (loads.weight[dep] ?? 0) - (own.weight.get(dep) ?? 0), volumeM3: (loads.volume[dep] ?? 0) - (own.volume.get(dep) ?? 0), orders };
    },
    portQuota: portLeft,
    portCapacity: portLeft,
    stock: (key) => problem.stock[key]!.available - ((loads.stock[key] ?? 0) - (own.stock.get(key) ?? 0)),
  });
}

/** Applies a freed set's answer to the plan as it now stands if every order fits and the total falls. */
function accept(plan: Assignment, part: Partition, result: PartitionResult): boolean {
  const previous = part.orders.map((o) => plan.choiceOf[o] ?? UNASSIGNED);
  const next = part.orders.map((_o, j) => {
    const c = result.choiceOf[j] ?? UNASSIGNED;
    return c === UNASSIGNED ? UNASSIGNED : part.choiceMap[j]![c]!;
  });
  if (next.every((c, j) => c === previous[j])) return false;
  // Served orders stay served (the plan only ever gets cheaper, never smaller).
  if (next.some((c, j) => c === UNASSIGNED && previous[j] !== UNASSIGNED)) return false;
  const before = plan.total;
  for (const o of part.orders) plan.unassign(o);
  let fits = true;
  part.orders.forEach((o, j) => {
    const c = next[j]!;
    if (!fits || c === UNASSIGNED) return;
    if (plan.insertionCost(o, c) === Infinity) fits = false;
    else plan.assign(o, c);
  });
  if (fits && plan.total < before - IMPROVEMENT_MINOR) return true;
  for (const o of part.orders) plan.unassign(o);
  part.orders.forEach((o, j) => {
    const c = previous[j]!;
    if (c !== UNASSIGNED) plan.assign(o, c);
  });
  return false;
}
