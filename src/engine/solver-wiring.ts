// The one place a solver name becomes the parts that solve: the exact backend (or none) and
// the partition settings made for it. Planner, pool workers and planBatch all ask here, so a
// name means the same search on the calling thread and on any worker.
import type { PartitionSettings } from '../optimise/partition/solve-partition.js';
import type { SolverBackend } from '../solvers/backend.js';
import { BACKENDS } from '../solvers/index.js';
import type { SolverName } from './plan-batch.js';

/** Solvers that solve partitions (`baseline` plans without partitions). */
export type PartitionSolverName = Exclude<SolverName, 'baseline'>;

export interface SolverWiring {
  /** The exact backend; null for the heuristic (local search only). */
  backend: SolverBackend | null;
  partition: PartitionSettings;
}

/**
 * Exact-solve limits per backend, from bench/solvers.bench.ts, in work (nodes), never in time.
 * HiGHS proves partition-sized optima (up to 30 orders) in a few hundred nodes at most. Up to
 * 40 it still does, but not quickly: M's one 40-order partition took 3.5 s, the whole partition
 * phase waiting on it, where the neighbourhood search, freeing 30 orders at a time, ends at a
 * plan CNY 0.99 cheaper with M planned in 9.2 s instead of 11.2 s (S the same plan either way;
 * 2 cores, alternating runs).
 * javascript-lp-solver stalls beyond ~20 orders and its root LP cannot be interrupted, so it
 * gets small partitions and fewer nodes (its nodes are slow: a dense tableau each).
 * HiGHS solves the neighbourhood search's sub-solves without the own-consolidation rows that can
 * never win (exact/milp.ts `pruneOwn`): the same optimum of each from a much smaller model, so M
 * plans in 15.5 s instead of 25.1 s at the same cost (S CNY 43,137.77 and M CNY 334,146.14
 * either way; one run each, load average ~3), though a tie may be broken otherwise.
 * javascript-lp-solver does not: on that smaller model its sub-solves on S did not end in 60 s.
 * HiGHS solves each partition on the model without the half-kilogram round-up first
 * (`relaxFirst`, with `pruneOwn`), and on the exact model only where that answer saved nothing
 * while the relaxed optimum left room below the start: S's one hard partition (18 orders, 8
 * departures) took 0.7–1.0 s exact and a fraction of that relaxed, to the same answer. S then
 * planned in 2.5–2.7 s instead of 3.3–3.6 s and M in 9.1–9.9 s instead of 9.4–10.1 s, at the
 * same costs (2 cores, alternating runs); on the relaxed model alone M cost CNY 10.64 more.
 */
const SETTINGS: Readonly<Record<PartitionSolverName, PartitionSettings>> = {
  highs: { maxPasses: 25, exactMaxOrders: 30, exactMaxNodes: 10_000, searchPruneOwn: true, relaxFirst: true, pruneOwn: true },
  'lp-solver': { maxPasses: 25, exactMaxOrders: 12, exactMaxNodes: 1_000 },
  heuristic: { maxPasses: 25, exactMaxOrders: 0, exactMaxNodes: 0 },
};

export function wireSolver(solver: PartitionSolverName): SolverWiring {
  const partition = SETTINGS[solver];
  if (solver === 'heuristic') return { backend: null, partition };
  const backend = BACKENDS[solver];
  if (backend === undefined) throw new Error(`internal: no solver backend named "${solver}"`);
  return { backend, partition };
}
