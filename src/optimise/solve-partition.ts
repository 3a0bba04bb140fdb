// Solves one partition: local search from the feasible start, then — when the partition is
// small enough — the exact MILP through a solver backend. The MILP answer is re-priced with
// the real tariff and taken only if it is feasible under the partition's quotas and cheaper.
// Returns plain data (the worker pool sends it back as is).
import type { NetworkIndex } from '../domain/network-index.js';
import type { SolverBackend } from '../solvers/backend.js';
import { Assignment, UNASSIGNED } from './assignment.js';
import { improve, IMPROVEMENT_MINOR } from './local-search.js';
import { buildMilp, choicesFromSolution } from './milp.js';
import type { Partition } from './partition.js';

export interface PartitionSettings {
  /** Improvement passes of the local search. */
  maxPasses: number;
  /** Partitions with at most this many orders are also solved exactly. */
  exactMaxOrders: number;
  /** Budget of one exact solve. */
  exactTimeLimitMs: number;
}

export const DEFAULT_PARTITION_SETTINGS: PartitionSettings = { maxPasses: 25, exactMaxOrders: 40, exactTimeLimitMs: 5_000 };

/**
 * Exact-solve limits per backend, from bench/solvers.bench.ts: HiGHS proves partition-sized
 * optima (up to 40 orders) in well under its budget; javascript-lp-solver stalls beyond ~20
 * orders and its root LP cannot be interrupted, so it gets small partitions and a short leash.
 */
export function partitionSettingsFor(backend: string | null | undefined): PartitionSettings {
  if (backend === 'lp-solver') return { maxPasses: 25, exactMaxOrders: 12, exactTimeLimitMs: 1_000 };
  return DEFAULT_PARTITION_SETTINGS;
}

export interface PartitionResult {
  choiceOf: number[];
  totalMinor: number;
  /** The answer is a proven optimum of the partition (within the rounding allowance). */
  exact: boolean;
  passes: number;
  moves: number;
  stopped: boolean;
}

export async function solvePartition(
  part: Partition,
  index: NetworkIndex,
  backend: SolverBackend | null,
  settings: PartitionSettings = partitionSettingsFor(backend?.name),
  shouldStop?: () => boolean,
): Promise<PartitionResult> {
  const { problem } = part;
  let best = new Assignment(problem, index);
  part.start.forEach((c, o) => {
    if (c !== UNASSIGNED) best.assign(o, c);
  });
  const stats = improve(best, { maxPasses: settings.maxPasses, ...(shouldStop ? { shouldStop } : {}) });
  const served = Array.from(best.choiceOf, (c) => c !== UNASSIGNED);
  let exact = false;

  const servedCount = served.filter(Boolean).length;
  if (backend !== null && servedCount > 0 && servedCount <= settings.exactMaxOrders && !stats.stopped) {
    // Full port capacities, not quotas; an answer that breaks a quota is rejected below.
    const full = { ...problem, portDays: problem.portDays.map((pd, p) => ({ ...pd, capacity: part.portCapacity[p] ?? pd.capacity })) };
    const mapping = buildMilp(full, index, served);
    const result = await backend.solve(mapping.model, { timeLimitMs: settings.exactTimeLimitMs });
    if (result.status === 'optimal') {
      const roundingAllowance = 0.5 * problem.departures.length;
      const candidate = new Assignment(problem, index);
      const picks = choicesFromSolution(mapping, result.values);
      const fits = picks.every((c, o) => {
        if (c === UNASSIGNED) return !served[o];
        if (candidate.insertionCost(o, c) === Infinity) return false;
        candidate.assign(o, c);
        return true;
      });
      if (fits && candidate.total < best.total - IMPROVEMENT_MINOR) best = candidate;
      exact = fits && best.total <= candidate.total + roundingAllowance;
    }
  }
  return {
    choiceOf: Array.from(best.choiceOf),
    totalMinor: best.recomputeTotal(),
    exact,
    passes: stats.passes,
    moves: stats.moves,
    stopped: stats.stopped,
  };
}

